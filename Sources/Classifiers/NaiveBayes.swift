import Foundation
import LinearAlgebra

/// Naive Bayes for non-negative features (counts, binary, or TF-IDF), fitted in one pass.
///
/// Every variant is returned as a ``LinearModel`` whose scores are the joint log-likelihoods
/// log P(c) + log P(x | c), so probabilities are their softmax, exactly as scikit-learn's
/// `predict_proba` computes them.
///
/// - `multinomial`: θ_cj = (N_cj + α) / (N_c + α·d), where N_cj is feature j's total weight in
///   class c. Weights log θ_cj, intercept log P(c).
/// - `complement` (Rennie et al. 2003): estimates θ from every class *except* c, which is
///   steadier with unbalanced classes: weight −log θ̃_cj, with θ̃_cj = (Σ_{c'≠c} N_c'j + α) /
///   Σ_j(…). As in scikit-learn, the prior is not used when there are two or more classes.
/// - `bernoulli`: p_cj = (n_cj + α) / (n_c + 2α), n_cj = documents of class c containing j.
///   Absent features count too, which in linear form puts Σ_j log(1 − p_cj) into the intercept
///   and log p_cj − log(1 − p_cj) into the weights. Its input must be binary (0/1).
public struct NaiveBayes: Sendable, Equatable, Codable {
    public enum Variant: String, Sendable, Codable, CaseIterable {
        case multinomial, complement, bernoulli
    }

    public var variant: Variant
    /// Additive (Laplace/Lidstone) smoothing; 1 is Laplace. Must be > 0 so no probability is 0.
    public var alpha: Double
    /// Learn class priors from the data (true) or use uniform priors (false).
    public var fitPrior: Bool

    public init(variant: Variant = .multinomial, alpha: Double = 1, fitPrior: Bool = true) {
        self.variant = variant
        self.alpha = alpha
        self.fitPrior = fitPrior
    }

    public func validate() throws(TrainingError) {
        guard alpha > 0, alpha.isFinite else {
            throw .invalidParameter("alpha must be a positive number (1 = Laplace smoothing), got \(alpha)")
        }
    }

    public func fit(_ x: SparseMatrix, labels: [Int], classCount k: Int) throws(TrainingError) -> LinearModel {
        try validate()
        try TrainingError.checkLabels(labels, rows: x.rows, classCount: k)
        let d = x.columns
        // One pass: per-class feature totals (d×k, so a feature's k totals are adjacent).
        var featureTotals = DenseMatrix(rows: d, columns: k)
        var classDocuments = [Double](repeating: 0, count: k)
        for i in 0..<x.rows {
            let c = labels[i]
            classDocuments[c] += 1
            for p in x.rowStart[i]..<x.rowStart[i + 1] {
                let v = Double(x.values[p])
                guard v >= 0 else {
                    throw .invalidFeatures("naive Bayes needs non-negative features; row \(i) has \(v). Use counts, binary or tfidf weighting")
                }
                featureTotals[Int(x.columnIndices[p]), c] += variant == .bernoulli ? (v > 0 ? 1 : 0) : v
            }
        }
        let n = Double(x.rows)
        let logPrior = classDocuments.map { fitPrior ? log($0 / n) : -log(Double(k)) }
        var weights = DenseMatrix(rows: d, columns: k)
        var intercepts = logPrior

        switch variant {
        case .multinomial:
            var classTotals = [Double](repeating: 0, count: k)
            for j in 0..<d { for c in 0..<k { classTotals[c] += featureTotals[j, c] } }
            for c in 0..<k {
                let logDenominator = log(classTotals[c] + alpha * Double(d))
                for j in 0..<d { weights[j, c] = log(featureTotals[j, c] + alpha) - logDenominator }
            }
        case .complement:
            var allTotals = [Double](repeating: 0, count: d)
            for j in 0..<d { for c in 0..<k { allTotals[j] += featureTotals[j, c] } }
            let grand = allTotals.reduce(0, +)
            for c in 0..<k {
                var classTotal = 0.0
                for j in 0..<d { classTotal += featureTotals[j, c] }
                let logDenominator = log(grand - classTotal + alpha * Double(d))
                for j in 0..<d {
                    weights[j, c] = -(log(allTotals[j] - featureTotals[j, c] + alpha) - logDenominator)
                }
            }
            if k > 1 { intercepts = [Double](repeating: 0, count: k) }
        case .bernoulli:
            for c in 0..<k {
                let denominator = classDocuments[c] + 2 * alpha
                var absentSum = 0.0
                for j in 0..<d {
                    let p = (featureTotals[j, c] + alpha) / denominator
                    weights[j, c] = log(p) - log1p(-p)
                    absentSum += log1p(-p)
                }
                intercepts[c] += absentSum
            }
        }
        return LinearModel(weights: weights, intercepts: intercepts)
    }
}
