import Foundation
import LinearAlgebra

/// The regularised cross-entropy that logistic regression minimises, with its gradient.
///
///     f(W, b) = (1/S) Σᵢ sᵢ·ℓ(yᵢ, Wᵀxᵢ + b) + 1/(2·C·S) · ‖W‖²,   S = Σᵢ sᵢ
///
/// This is scikit-learn's C·Σ sᵢ·ℓ + ½‖W‖² divided by C·S: the same minimiser, so `C` means
/// what it means there, but the values stay O(1) whatever the corpus size, which keeps the
/// L-BFGS tolerances meaningful. The intercept is not penalised.
///
/// With two classes the model is binomial (one weight column, class 0's score fixed at 0),
/// exactly as scikit-learn fits it; with more it is multinomial (softmax over k columns).
public struct LogisticLoss: Sendable {
    public let x: SparseMatrix
    public let labels: [Int]
    public let sampleWeights: [Double]
    public let classCount: Int
    public let c: Double
    public let fitIntercept: Bool

    /// Weight columns actually optimised: 1 for binary problems, k otherwise.
    public init(x: SparseMatrix, labels: [Int], sampleWeights: [Double], classCount: Int, c: Double, fitIntercept: Bool) {
        self.x = x
        self.labels = labels
        self.sampleWeights = sampleWeights
        self.classCount = classCount
        self.c = c
        self.fitIntercept = fitIntercept
    }

    public var parameterColumns: Int { classCount == 2 ? 1 : classCount }
    public var parameterCount: Int { x.columns * parameterColumns + parameterColumns }

    /// Splits θ into (W as d×m, b as m).
    public func unpack(_ theta: [Double]) -> (DenseMatrix, [Double]) {
        let m = parameterColumns
        let w = DenseMatrix(rows: x.columns, columns: m, values: Array(theta[0..<(x.columns * m)]))
        return (w, Array(theta[(x.columns * m)...]))
    }

    public func evaluate(_ theta: [Double], gradient: inout [Double]) -> Double {
        let m = parameterColumns
        let d = x.columns
        let (w, b) = unpack(theta)
        var z = x.multiply(w)            // n×m, becomes the residual (p − y) in place
        let totalWeight = sampleWeights.reduce(0, +)
        var loss = 0.0
        z.values.withUnsafeMutableBufferPointer { zp in
            for i in 0..<x.rows {
                let row = UnsafeMutableBufferPointer(rebasing: zp[(i * m)..<((i + 1) * m)])
                for c in 0..<m { row[c] += b[c] }
                let s = sampleWeights[i]
                if m == 1 {
                    let t = row[0]
                    let y = labels[i] == 1 ? 1.0 : 0.0
                    // log(1 + e^t) − y·t, computed without overflow for large |t|.
                    loss += s * ((t > 0 ? t + log1p(exp(-t)) : log1p(exp(t))) - y * t)
                    let p = t >= 0 ? 1 / (1 + exp(-t)) : exp(t) / (1 + exp(t))
                    row[0] = s * (p - y)
                } else {
                    let correct = row[labels[i]]
                    let lse = Softmax.softmaxInPlace(row)
                    loss += s * (lse - correct)
                    row[labels[i]] -= 1
                    for c in 0..<m { row[c] *= s }
                }
            }
        }
        let scale = 1 / totalWeight
        var gw = DenseMatrix(rows: d, columns: m)
        x.transposeMultiply(z, scale: scale, into: &gw)
        // + W / (C·S), through BLAS
        gw.values.addScaled(w.values, by: 1 / (c * totalWeight))
        for k in 0..<(d * m) { gradient[k] = gw.values[k] }
        for k in 0..<m {
            var gb = 0.0
            if fitIntercept { for i in 0..<x.rows { gb += z[i, k] } }
            gradient[d * m + k] = gb * scale
        }
        let penalty = c.isInfinite ? 0 : w.values.dot(w.values) / (2 * c * totalWeight)
        return loss * scale + penalty
    }
}
