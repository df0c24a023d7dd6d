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
