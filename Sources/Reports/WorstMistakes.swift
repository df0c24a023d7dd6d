/// The wrong predictions the model was surest of — the first place to look for label noise,
/// missing features or a systematic confusion.
///
/// Ranked by the probability of the (wrong) predicted label, highest first; equal
/// probabilities keep example order, so the selection is deterministic. A NaN probability ranks
/// last.
struct WorstMistakes: Equatable {
    struct Mistake: Equatable {
        /// The example's position in the input, from 0.
        var index: Int
        var truth: Int
        var predicted: Int
        /// The probability of the predicted label.
        var confidence: Double
        /// The probability the model gave the true label.
        var truthProbability: Double
    }

    /// At most `limit` mistakes, worst first.
    var shown: [Mistake]
    /// How many predictions were wrong in all.
    var total: Int

    /// `truth` and `probabilities` in parallel; a truth index outside a row gives that row's
    /// true-label probability as 0.
    init(truth: [Int], probabilities: [[Double]], limit: Int) {
        var mistakes: [Mistake] = []
        for (index, (trueLabel, row)) in zip(truth, probabilities).enumerated() {
            let predicted = ClassificationSummary.predictedLabel(row)
            guard predicted != trueLabel, !row.isEmpty else { continue }
            mistakes.append(Mistake(
                index: index, truth: trueLabel, predicted: predicted, confidence: row[predicted],
                truthProbability: row.indices.contains(trueLabel) ? row[trueLabel] : 0))
        }
        func key(_ mistake: Mistake) -> Double { mistake.confidence.isNaN ? -.infinity : mistake.confidence }
        mistakes.sort { key($0) > key($1) || (key($0) == key($1) && $0.index < $1.index) }
        self.total = mistakes.count
        self.shown = Array(mistakes.prefix(max(limit, 0)))
    }
}
