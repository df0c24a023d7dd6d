import LinearAlgebra

/// What every trained classifier here comes down to: a score per class that is linear in the
/// features, s(x) = Wᵀx + b, and class probabilities softmax(s(x)).
///
/// Logistic regression learns W and b directly. Naive Bayes is linear too: multinomial NB's
/// joint log-likelihood is x·log θ_c + log π_c, and Bernoulli NB's is the same after moving the
/// "absent feature" terms into b. Keeping one scoring path means one model-file layout, one
/// explanation routine, and one place to make prediction fast.
public struct LinearModel: Sendable, Equatable {
    /// d×k: row j holds feature j's weight for each of the k classes.
    public var weights: DenseMatrix
    /// k intercepts.
    public var intercepts: [Double]

    public init(weights: DenseMatrix, intercepts: [Double]) {
        precondition(weights.columns == intercepts.count, "LinearModel: \(weights.columns) weight columns, \(intercepts.count) intercepts")
        self.weights = weights
        self.intercepts = intercepts
    }

    public var featureCount: Int { weights.rows }
    public var classCount: Int { intercepts.count }

    /// n×k class scores (log-probabilities up to a per-row constant).
    public func scores(_ x: SparseMatrix) -> DenseMatrix {
        var s = x.multiply(weights)
        let k = classCount
        s.values.withUnsafeMutableBufferPointer { v in
            for i in 0..<s.rows { for c in 0..<k { v[i * k + c] += intercepts[c] } }
        }
        return s
    }

    /// n×k class probabilities; each row sums to 1.
    public func probabilities(_ x: SparseMatrix) -> DenseMatrix {
        var s = scores(x)
        Softmax.softmaxRows(&s)
        return s
    }

    /// The class probabilities of one feature row (increasing columns and their values),
    /// computed exactly as ``probabilities(_:)`` computes that row of a matrix.
    public func probabilities(ofRow columns: UnsafeBufferPointer<Int32>, _ values: UnsafeBufferPointer<Float>) -> [Double] {
        let k = classCount
        var s = [Double](repeating: 0, count: k)
        weights.values.withUnsafeBufferPointer { w in
            s.withUnsafeMutableBufferPointer { s in
                for p in 0..<columns.count {
                    let v = Double(values[p])
                    let base = Int(columns[p]) * k
                    for c in 0..<k { s[c] += v * w[base + c] }
                }
                for c in 0..<k { s[c] += intercepts[c] }
                Softmax.softmaxInPlace(s)
            }
        }
        return s
    }

    /// The most probable class of each row (the lowest index wins a tie, so results are stable).
    public func predict(_ x: SparseMatrix) -> [Int] {
        Self.argmaxRows(scores(x))
    }

    /// The model over `columns` features, this model's row r becoming row `rowsAt[r]` and every
    /// other row zero (the inverse of fitting on ``SparseMatrix/keepingColumns(_:)``).
    func widened(to columns: Int, rowsAt: [Int]) -> LinearModel {
        var full = DenseMatrix(rows: columns, columns: classCount)
        for (r, j) in rowsAt.enumerated() {
            for c in 0..<classCount { full[j, c] = weights[r, c] }
        }
        return LinearModel(weights: full, intercepts: intercepts)
    }

    public static func argmaxRows(_ m: DenseMatrix) -> [Int] {
        (0..<m.rows).map { i in
            var best = 0
            for c in 1..<max(m.columns, 1) where m[i, c] > m[i, best] { best = c }
            return best
        }
    }
}
