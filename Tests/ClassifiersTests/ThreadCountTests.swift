import Classifiers
import LinearAlgebra
import TextFeatures
import Testing

/// Results must not depend on the number of threads: pieces are cut by size, never by thread
/// count, and combined in order. 10,000 documents span several 4,096-row pieces.
@Test func trainingGivesIdenticalModelsOnOneThreadAndMany() throws {
    var rng = SeededGenerator(seed: 4)
    let words = ["talks", "trust", "deal", "never", "progress", "meeting", "sanctions", "welcome", "doubt", "treaty", "weather", "match"]
    let texts = (0..<10_000).map { _ in (0..<8).map { _ in words[rng.uniform(below: words.count)] }.joined(separator: " ") }
    let labels = texts.map { $0.contains("trust") ? ($0.contains("never") ? "con" : "pro") : "neutral" }
    func train() throws -> [UInt8] {
        ModelFile.encode(try TextClassifierTrainer(features: .standard, parameters: TrainingParameters(kind: .logreg)).train(texts: texts, labels: labels))
    }
    let saved = Parallel.threads
    defer { Parallel.threads = saved }
    Parallel.threads = 1
    let one = try train()
    Parallel.threads = 4
    let four = try train()
    #expect(one == four)
}

/// `predict` scores each document's row as it is featurised; the probabilities must be those
/// of the matrix path (`transform`, then `LinearModel.probabilities`) to the bit.
@Test func predictionEqualsScoringTheFeatureMatrix() throws {
    let texts = ["we welcome the treaty", "sanctions never work, never", "the weather was fine", "", "talks talks talks progress"]
    let labels = ["pro", "con", "neutral", "neutral", "pro"]
    for features in [FeatureConfiguration.standard, { var c = FeatureConfiguration.standard; c.hashBits = 10; return c }()] {
        let classifier = try TextClassifierTrainer(features: features, parameters: TrainingParameters(kind: .logreg)).train(texts: texts, labels: labels)
        let expected = classifier.model.probabilities(classifier.features.transform(texts))
        for (i, prediction) in classifier.predict(texts).enumerated() {
            #expect(prediction.probabilities == expected.row(i))
        }
    }
}
