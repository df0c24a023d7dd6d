import Classifiers
import Foundation
import LinearAlgebra
import TextFeatures
import Testing

/// For any input — empty, whitespace, unseen words, symbols, any script, very long — every
/// learner returns finite probabilities that sum to 1 and a label among its own. Inputs are
/// drawn from a seeded generator, so a failure names a reproducible text.

private let trainingTexts = ["we welcome the talks", "they lied about the deal", "the meeting is on tuesday",
                             "a real partnership at last", "we cannot trust them", "the venue has changed"]
private let trainingLabels = ["supportive", "skeptical", "neutral", "supportive", "skeptical", "neutral"]

private func randomText(_ rng: inout SeededGenerator) -> String {
    let pieces = ["", " ", "\n\t", "the", "deal", "zzqx", "Москва", "北京", "😀", "\u{301}", "#tag", "@user", "http://x.y",
                  "!!!", "'", "’", "“", "1,000", "\u{0}", "\u{FEFF}", "ǅ", "İ", "ß", "a-b", String(repeating: "x", count: 500)]
    return (0..<rng.uniform(below: 30)).map { _ in pieces[rng.uniform(below: pieces.count)] }.joined(separator: rng.uniform(below: 3) == 0 ? "" : " ")
}

private var models: [(String, TextClassifier)] {
    get throws {
        var adagrad = TrainingParameters(kind: .logreg)
        adagrad.logisticRegression.solver = .adagrad
        let hashed = FeatureConfiguration(hashBits: 12)
        return try [
            ("logreg", TextClassifierTrainer(features: .standard, parameters: TrainingParameters(kind: .logreg))),
            ("logreg hashed", TextClassifierTrainer(features: hashed, parameters: TrainingParameters(kind: .logreg))),
            ("adagrad", TextClassifierTrainer(features: hashed, parameters: adagrad)),
            ("nb", TextClassifierTrainer(features: ClassifierKind.nb.defaultFeatures, parameters: TrainingParameters(kind: .nb))),
            ("complement-nb", TextClassifierTrainer(features: ClassifierKind.nb.defaultFeatures, parameters: TrainingParameters(kind: .complementNB))),
            ("bernoulli-nb", TextClassifierTrainer(features: ClassifierKind.nb.defaultFeatures, parameters: TrainingParameters(kind: .bernoulliNB))),
            ("nblr", TextClassifierTrainer(features: ClassifierKind.nblr.defaultFeatures, parameters: TrainingParameters(kind: .nblr))),
        ].map { ($0.0, try $0.1.train(texts: trainingTexts, labels: trainingLabels)) }
    }
}

@Test func probabilitiesAreFiniteAndSumToOneForAnyInput() throws {
    var rng = SeededGenerator(seed: 99)
    let texts = ["", "   ", "qqqq zzzz", String(repeating: "we welcome the talks ", count: 2_000)] + (0..<1_500).map { _ in randomText(&rng) }
    for (name, model) in try models {
        for (text, prediction) in zip(texts, model.predict(texts)) {
            let sum = prediction.probabilities.reduce(0, +)
            guard prediction.probabilities.allSatisfy(\.isFinite), abs(sum - 1) < 1e-9, prediction.probabilities.allSatisfy({ $0 >= 0 }),
                  model.labels.contains(prediction.label) else {
                Issue.record("\(name): \(prediction.probabilities) for \(text.prefix(80).debugDescription)")
                return
            }
        }
    }
}

@Test func temperatureScalingSoftensWithoutChangingAnyLabel() throws {
    var rng = SeededGenerator(seed: 5)
    let words = ["talks", "trust", "deal", "never", "progress", "meeting", "venue", "welcome", "doubt", "agenda"]
    let texts = (0..<600).map { _ in (0..<6).map { _ in words[rng.uniform(below: words.count)] }.joined(separator: " ") }
    // Noisy labels: the right answer is only usually right, so a confident model is over-confident.
    let labels = texts.enumerated().map { i, t in
        i % 4 == 0 ? ["pro", "con", "neutral"][i % 3] : t.contains("welcome") ? "pro" : t.contains("never") ? "con" : "neutral"
    }
    var parameters = TrainingParameters(kind: .nb)
    let plain = try TextClassifierTrainer(features: ClassifierKind.nb.defaultFeatures, parameters: parameters).train(texts: texts, labels: labels)
    parameters.calibrationFolds = 5
    let calibrated = try TextClassifierTrainer(features: ClassifierKind.nb.defaultFeatures, parameters: parameters).train(texts: texts, labels: labels)
    let scaling = try #require(calibrated.metadata.calibration)
    #expect(scaling.temperature > 1, "naive Bayes is over-confident; got T = \(scaling.temperature)")
    #expect(scaling.logLossAfter < scaling.logLossBefore)
    #expect(plain.predict(texts).map(\.label) == calibrated.predict(texts).map(\.label))
    let before = plain.predict(texts).map { $0.probabilities.max()! }.reduce(0, +)
    let after = calibrated.predict(texts).map { $0.probabilities.max()! }.reduce(0, +)
    #expect(after < before)
}
