import Foundation
import LinearAlgebra

/// NBSVM-style logistic regression (Wang & Manning 2012, "Baselines and Bigrams"), "NBLR".
///
/// Each feature is scaled by its naive-Bayes log-count ratio
///
///     r = log( (p / ‖p‖₁) / (q / ‖q‖₁) ),  p = α + Σ_{y=c} x̂,  q = α + Σ_{y≠c} x̂
///
/// (x̂ = binarised features), and a binomial logistic regression is fitted on r ∘ x̂. NB's ratio
/// tells the discriminative model up front which n-grams carry the label, which is why this
/// baseline beats both plain NB and plain LR on short sentiment texts. With more than two classes
/// it is one-vs-rest, one ratio vector per class.
///
/// Because the score wᵀ(r ∘ x̂) + b equals (w ∘ r)ᵀx̂ + b, the ratio is folded into the weights
/// and the result is an ordinary ``LinearModel`` over the binarised input: no new file format and
/// no special scoring path. (Inputs must be binary 0/1 for this identity: use `--weighting
/// binary --norm none`, the NBLR defaults.)
public struct NBLogisticRegression: Sendable, Equatable, Codable {
    /// Smoothing of the count ratio.
    public var alpha: Double
    /// The logistic regression fitted on the scaled features (its C, tolerance, iterations).
    public var logisticRegression: LogisticRegression

    public init(alpha: Double = 1, logisticRegression: LogisticRegression = LogisticRegression(c: 0.3)) {
        self.alpha = alpha
        self.logisticRegression = logisticRegression
    }

    /// The log-count ratio of class `positive` against the rest, from binarised features.
    public static func logCountRatio(_ x: SparseMatrix, labels: [Int], positive: Int, alpha: Double) -> [Double] {
        var p = [Double](repeating: alpha, count: x.columns)
        var q = [Double](repeating: alpha, count: x.columns)
        for i in 0..<x.rows {
            for k in x.rowStart[i]..<x.rowStart[i + 1] where x.values[k] > 0 {
                if labels[i] == positive { p[Int(x.columnIndices[k])] += 1 } else { q[Int(x.columnIndices[k])] += 1 }
            }
        }
        let logP = log(p.reduce(0, +)), logQ = log(q.reduce(0, +))
        return (0..<x.columns).map { (log(p[$0]) - logP) - (log(q[$0]) - logQ) }
    }

    public func fit(_ x: SparseMatrix, labels: [Int], classCount k: Int,
                    progress: LBFGS.Progress? = nil) throws(TrainingError) -> (LinearModel, LogisticRegression.FitReport) {
        guard alpha > 0, alpha.isFinite else { throw .invalidParameter("alpha must be a positive number, got \(alpha)") }
        try TrainingError.checkLabels(labels, rows: x.rows, classCount: k)
        let binary = Self.binarised(x)
        // Two classes: one ratio, one model (class 0 scores 0). More: one model per class.
        let positives = k == 2 ? [1] : Array(0..<k)
        var weights = DenseMatrix(rows: x.columns, columns: k)
        var intercepts = [Double](repeating: 0, count: k)
        var last = LogisticRegression.FitReport(iterations: 0, evaluations: 0, finalLoss: 0, gradientNorm: 0, stopReason: "")
        for c in positives {
            let r = Self.logCountRatio(binary, labels: labels, positive: c, alpha: alpha)
            var scaled = binary
            scaled.mapValues { column, value in value * Float(r[Int(column)]) }
            let (model, report) = try logisticRegression.fit(scaled, labels: labels.map { $0 == c ? 1 : 0 }, classCount: 2, progress: progress)
            for j in 0..<x.columns { weights[j, c] = model.weights[j, 1] * r[j] }
            intercepts[c] = model.intercepts[1]
            last.iterations += report.iterations
            last.evaluations += report.evaluations
            last.finalLoss = report.finalLoss
            last.gradientNorm = max(last.gradientNorm, report.gradientNorm)
            last.stopReason = report.stopReason
        }
        return (LinearModel(weights: weights, intercepts: intercepts), last)
    }

    static func binarised(_ x: SparseMatrix) -> SparseMatrix {
        var b = x
        b.mapValues { _, v in v > 0 ? 1 : 0 }
        return b
    }
}
