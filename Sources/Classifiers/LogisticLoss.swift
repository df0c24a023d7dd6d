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
    /// Xᵀ, made once per fit: the gradient Xᵀ·(P − Y) then runs in parallel by feature with
    /// results independent of the thread count (see `SparseMatrix.transposed`).
    let xt: SparseMatrix

    public init(x: SparseMatrix, labels: [Int], sampleWeights: [Double], classCount: Int, c: Double, fitIntercept: Bool) {
        self.x = x
        self.xt = x.transposed
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
        var z = x.multiply(w)            // n×m, becomes the weighted residual s·(p − y) in place
        let totalWeight = sampleWeights.reduce(0, +)
        let pieces = Parallel.blocks(x.rows, size: 4096)
        var partial = [Double](repeating: 0, count: pieces.count)
        z.values.withUnsafeMutableBufferPointer { zp in
            partial.withUnsafeMutableBufferPointer { lossOut in
                let (zAll, losses) = (zp, lossOut)
                Parallel.forEach(pieces.count) { piece in
                    var loss = 0.0
                    for i in pieces[piece] {
                        let row = UnsafeMutableBufferPointer(rebasing: zAll[(i * m)..<((i + 1) * m)])
                        loss += residual(row, i: i, b: b)
                    }
                    losses[piece] = loss
                }
            }
        }
        let loss = partial.reduce(0, +)      // summed in piece order: the same bits on any thread count
        let scale = 1 / totalWeight
        var gw = xt.multiply(z)              // Xᵀ·Z, d×m
        gw.values.scale(by: scale)
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

    /// Turns row i's scores into the weighted residual s·(p − y) in place and returns s·ℓ.
    private func residual(_ row: UnsafeMutableBufferPointer<Double>, i: Int, b: [Double]) -> Double {
        let m = row.count
        for c in 0..<m { row[c] += b[c] }
        let s = sampleWeights[i]
        if m == 1 {
            let t = row[0]
            let y = labels[i] == 1 ? 1.0 : 0.0
            // log(1 + e^t) − y·t, computed without overflow for large |t|.
            let loss = s * ((t > 0 ? t + log1p(exp(-t)) : log1p(exp(t))) - y * t)
            let p = t >= 0 ? 1 / (1 + exp(-t)) : exp(t) / (1 + exp(t))
            row[0] = s * (p - y)
            return loss
        }
        let correct = row[labels[i]]
        let lse = Softmax.softmaxInPlace(row)
        row[labels[i]] -= 1
        for c in 0..<m { row[c] *= s }
        return s * (lse - correct)
    }
}
