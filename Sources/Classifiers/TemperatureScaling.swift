import Foundation
import LinearAlgebra
import TextFeatures

/// Calibrates a classifier's probabilities by one number: its scores are divided by a
/// temperature T fitted to minimise the log-loss of held-out predictions (Guo et al. 2017).
///
/// Why: naive Bayes and weakly regularised logistic regression on many sparse features are
/// over-confident (a wrong label at probability 0.999 is common), which misleads anyone who
/// reads the probability as a confidence. Dividing every score by the same T > 1 softens all
/// probabilities without changing any predicted label, so accuracy and F1 stay exactly as they
/// were. T is fitted on out-of-fold scores (each example scored by a model that did not see
/// it), then folded into the final model's weights and intercepts: the model file and the
/// prediction path are unchanged, and explanations show the calibrated contributions.
public struct TemperatureScaling: Sendable, Equatable, Codable {
    public var temperature: Double
    public var folds: Int
    /// Mean held-out log-loss before (T = 1) and after scaling.
    public var logLossBefore: Double
    public var logLossAfter: Double

    /// The mean log-loss of softmax(scores / T) against `labels`.
    static func logLoss(_ scores: [[Double]], _ labels: [Int], temperature: Double) -> Double {
        var total = 0.0
        for (s, y) in zip(scores, labels) {
            let scaled = s.map { $0 / temperature }
            let top = scaled.max() ?? 0
            let logSum = top + log(scaled.reduce(0) { $0 + exp($1 - top) })
            total += logSum - scaled[y]
        }
        return total / Double(max(labels.count, 1))
    }

    /// The temperature in [0.01, 100] minimising the log-loss: golden-section search on log T.
    /// The loss is convex in 1/T (a log-sum-exp of linear functions), so it is unimodal in
    /// log T and the search cannot stop in a false minimum.
    static func fitTemperature(_ scores: [[Double]], _ labels: [Int]) -> Double {
        var low = log(0.01), high = log(100.0)
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = high - ratio * (high - low), b = low + ratio * (high - low)
        var fa = logLoss(scores, labels, temperature: exp(a)), fb = logLoss(scores, labels, temperature: exp(b))
        for _ in 0..<80 where high - low > 1e-6 {
            if fa < fb {
                high = b; b = a; fb = fa
                a = high - ratio * (high - low)
                fa = logLoss(scores, labels, temperature: exp(a))
            } else {
                low = a; a = b; fa = fb
                b = low + ratio * (high - low)
                fb = logLoss(scores, labels, temperature: exp(b))
            }
        }
        return exp((low + high) / 2)
    }
}

extension TextClassifierTrainer {
    /// Out-of-fold class scores for every row of `counts`: `folds` models, each trained on the
    /// other folds with this trainer's settings.
    func outOfFoldScores(_ counts: FeatureCounts, labels: [Int], classCount: Int, folds: Int) throws(TrainingError) -> [[Double]] {
        let assignment = try StratifiedKFold(folds: folds, seed: 42).assign(labels: labels, classCount: classCount)
        var scores = [[Double]](repeating: [], count: labels.count)
        for fold in 0..<folds {
            let trainRows = assignment.indices.filter { assignment[$0] != fold }
            let testRows = assignment.indices.filter { assignment[$0] == fold }
            guard Set(trainRows.map { labels[$0] }).count == classCount else {
                throw .invalidParameter("calibration needs every label in every training fold; a label has fewer than \(folds) examples (use fewer --calibration-folds)")
            }
            let fit = FeatureExtractor.fit(counts, rows: trainRows)
            let (model, _) = try fitModel(fit.features, labels: trainRows.map { labels[$0] }, classCount: classCount)
            let s = model.scores(fit.transform(counts, rows: testRows))
            for (r, i) in testRows.enumerated() { scores[i] = s.row(r) }
        }
        return scores
    }

    /// Fits the temperature on out-of-fold scores and returns `model` with it folded in.
    func calibrated(_ model: LinearModel, counts: FeatureCounts, labels: [Int], classCount: Int,
                    folds: Int) throws(TrainingError) -> (LinearModel, TemperatureScaling) {
        let scores = try outOfFoldScores(counts, labels: labels, classCount: classCount, folds: folds)
        let t = TemperatureScaling.fitTemperature(scores, labels)
        let scaling = TemperatureScaling(temperature: t, folds: folds,
                                         logLossBefore: TemperatureScaling.logLoss(scores, labels, temperature: 1),
                                         logLossAfter: TemperatureScaling.logLoss(scores, labels, temperature: t))
        var weights = model.weights
        for i in weights.values.indices { weights.values[i] /= t }
        return (LinearModel(weights: weights, intercepts: model.intercepts.map { $0 / t }), scaling)
    }
}
