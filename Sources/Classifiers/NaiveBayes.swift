import CPrefetch
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

    /// The sufficient statistics: per-class feature totals and document counts. Adding rows in
    /// any order and chunking gives the same totals, which is what lets naive Bayes train in one
    /// streamed pass over a corpus of any size (``StreamingTrainer``).
    public struct Counts: Sendable {
        /// d×k: a feature's k totals are adjacent.
        public var featureTotals: DenseMatrix
        public var classDocuments: [Double]

        public init(featureCount: Int, classCount: Int) {
            featureTotals = DenseMatrix(rows: featureCount, columns: classCount)
            classDocuments = [Double](repeating: 0, count: classCount)
        }

        /// Makes room for one more class (labels met while streaming), as index `classDocuments.count`.
        public mutating func addClass() {
            let d = featureTotals.rows, k = featureTotals.columns
            var wider = DenseMatrix(rows: d, columns: k + 1)
            for j in 0..<d { for c in 0..<k { wider.values[j * (k + 1) + c] = featureTotals.values[j * k + c] } }
            featureTotals = wider
            classDocuments.append(0)
        }

        /// The same counts with class `order[i]` as class i.
        public func reordered(_ order: [Int]) -> Counts {
            var out = Counts(featureCount: featureTotals.rows, classCount: order.count)
            let k = order.count
            for j in 0..<featureTotals.rows { for (c, from) in order.enumerated() { out.featureTotals.values[j * k + c] = featureTotals.values[j * k + from] } }
            out.classDocuments = order.map { classDocuments[$0] }
            return out
        }

        /// Adds rows of features to their classes' totals. Runs on one thread over a d×k table
        /// (25 MB for 2^20 buckets and 3 classes), so it works on raw buffers: with checked
        /// indexing and a uniqueness test per write it was the slowest step of streamed training.
        public mutating func add(_ x: SparseMatrix, labels: [Int], variant: Variant) throws(TrainingError) {
            let k = classDocuments.count
            for c in labels { classDocuments[c] += 1 }
            var negative: (row: Int, value: Float)? = nil
            featureTotals.values.withUnsafeMutableBufferPointer { totals in
                x.rowStart.withUnsafeBufferPointer { rowStart in
                    x.columnIndices.withUnsafeBufferPointer { columns in
                        x.values.withUnsafeBufferPointer { values in
                            let nonzeros = columns.count, ahead = SparseMatrix.prefetchDistance
                            rows: for i in 0..<x.rows {
                                let c = labels[i]
                                for p in rowStart[i]..<rowStart[i + 1] {
                                    // Each entry updates a row of the table at a random address:
                                    // ask for one a few entries ahead, as SparseMatrix.multiply does.
                                    if p + ahead < nonzeros { stance_prefetch_write(totals.baseAddress! + Int(columns[p + ahead]) * k) }
                                    let v = values[p]
                                    guard v >= 0 else { negative = (i, v); break rows }
                                    totals[Int(columns[p]) * k + c] += variant == .bernoulli ? (v > 0 ? 1 : 0) : Double(v)
                                }
                            }
                        }
                    }
                }
            }
            if let negative {
                throw .invalidFeatures("naive Bayes needs non-negative features; row \(negative.row) has \(Double(negative.value)). Use counts, binary or tfidf weighting")
            }
        }
    }

    public func fit(_ x: SparseMatrix, labels: [Int], classCount k: Int) throws(TrainingError) -> LinearModel {
        try validate()
        try TrainingError.checkLabels(labels, rows: x.rows, classCount: k)
        var counts = Counts(featureCount: x.columns, classCount: k)
        try counts.add(x, labels: labels, variant: variant)
        return model(from: counts)
    }

    /// The model the counts imply.
    public func model(from counts: Counts) -> LinearModel {
        let featureTotals = counts.featureTotals, classDocuments = counts.classDocuments
        let d = featureTotals.rows, k = featureTotals.columns
        let n = classDocuments.reduce(0, +)
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
