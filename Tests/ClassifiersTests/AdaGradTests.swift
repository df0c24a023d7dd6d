import Classifiers
import LinearAlgebra
import TextFeatures
import Testing

/// A corpus where the label follows from the words (with noise words), big enough to learn.
private func corpus(_ n: Int, seed: UInt64) -> [(document: Document, label: String)] {
    var rng = SeededGenerator(seed: seed)
    let noise = ["the", "said", "on", "talks", "weather", "minister", "report", "week", "city", "market"]
    let cue = ["supportive": ["welcome", "cooperate", "progress"], "skeptical": ["distrust", "never", "doubt"], "neutral": ["schedule", "venue", "agenda"]]
    let labels = ["neutral", "skeptical", "supportive"]
    return (0..<n).map { _ in
        let label = labels[rng.uniform(below: 3)]
        var words = (0..<8).map { _ in noise[rng.uniform(below: noise.count)] }
        words.insert(cue[label]![rng.uniform(below: 3)], at: rng.uniform(below: words.count))
        return (Document(text: words.joined(separator: " ")), label)
    }
}

private func accuracy(_ classifier: TextClassifier, _ data: [(document: Document, label: String)]) -> Double {
    let predicted = classifier.predict(data.map(\.document))
    return Double(zip(predicted, data).filter { $0.label == $1.label }.count) / Double(data.count)
}

private var adagrad: TrainingParameters {
    var parameters = TrainingParameters(kind: .logreg)
    parameters.logisticRegression.solver = .adagrad
    parameters.logisticRegression.epochs = 3
    return parameters
}

private let hashed = FeatureConfiguration(ngrams: NGramGenerator(words: NGramRange(1, 2), characters: nil), hashBits: 18)

@Test func adagradLearnsALinearlySeparableProblem() throws {
    let train = corpus(3_000, seed: 1), test = corpus(1_000, seed: 2)
    let classifier = try TextClassifierTrainer(features: hashed, parameters: adagrad)
        .train(documents: train.map(\.document), labels: train.map(\.label))
    #expect(accuracy(classifier, test) > 0.98)
    #expect(classifier.metadata.fit?.stopReason == "3 adagrad epochs")
}

@Test func adagradIsDeterministic() throws {
    let train = corpus(2_000, seed: 3)
    let trainer = TextClassifierTrainer(features: hashed, parameters: adagrad)
    let a = try trainer.train(documents: train.map(\.document), labels: train.map(\.label))
    let b = try trainer.train(documents: train.map(\.document), labels: train.map(\.label))
    #expect(a.model == b.model)
}

@Test func adagradRefusesSettingsItCannotHonour() {
    var parameters = adagrad
    parameters.logisticRegression.penalty = .l1
    #expect(throws: TrainingError.self) { try TextClassifierTrainer(features: hashed, parameters: parameters).validate() }
    parameters = adagrad
    parameters.logisticRegression.epochs = 0
    #expect(throws: TrainingError.self) { try TextClassifierTrainer(features: hashed, parameters: parameters).validate() }
    parameters = adagrad
    parameters.logisticRegression.learningRate = -1
    #expect(throws: TrainingError.self) { try TextClassifierTrainer(features: hashed, parameters: parameters).validate() }
}

/// Feeds the corpus to the streaming trainer in chunks of `chunk` examples.
private func streamed(_ data: [(document: Document, label: String)], chunk: Int, features: FeatureConfiguration = hashed,
                      parameters: TrainingParameters = adagrad) throws -> TextClassifier {
    var position = 0
    return try StreamingTrainer(features: features, parameters: parameters, cacheDirectory: "/tmp").train({
        guard position < data.count else { return nil }
        defer { position += chunk }
        return Array(data[position..<min(position + chunk, data.count)])
    })
}

@Test func streamingTrainingLearnsAndRecordsTheData() throws {
    let train = corpus(3_000, seed: 5), test = corpus(1_000, seed: 6)
    let classifier = try streamed(train, chunk: 700)
    #expect(accuracy(classifier, test) > 0.98)
    #expect(classifier.labels == ["neutral", "skeptical", "supportive"])
    // The fingerprint is the one the in-memory trainer records for the same data.
    #expect(classifier.metadata.trainingData == DataFingerprint(texts: train.map(\.document.text), labels: train.map(\.label)))
    // idf comes from the whole corpus, as when training in memory.
    let counts = FeatureCounts(documents: train.map(\.document), configuration: hashed)
    #expect(classifier.features.idf == FeatureExtractor.fit(counts).extractor.idf)
}

@Test func streamingTrainingDoesNotDependOnTheThreadCount() throws {
    let train = corpus(6_000, seed: 7)
    let saved = Parallel.threads
    defer { Parallel.threads = saved }
    Parallel.threads = 1
    let one = try streamed(train, chunk: 5_000)
    Parallel.threads = 3
    let three = try streamed(train, chunk: 5_000)
    #expect(one.model == three.model)
}

@Test func streamingNaiveBayesIsExactlyTheInMemoryModel() throws {
    let train = corpus(5_000, seed: 9)
    for kind in [ClassifierKind.nb, .complementNB, .bernoulliNB] {
        let features = FeatureConfiguration(ngrams: NGramGenerator(words: NGramRange(1, 2), characters: nil), hashBits: 16,
                                            weighting: .binary, sublinearTF: false, normalization: .none)
        let parameters = TrainingParameters(kind: kind)
        let inMemory = try TextClassifierTrainer(features: features, parameters: parameters)
            .train(documents: train.map(\.document), labels: train.map(\.label))
        let stream = try streamed(train, chunk: 777, features: features, parameters: parameters)
        #expect(stream.model == inMemory.model, "\(kind)")
        #expect(stream.labels == inMemory.labels)
        #expect(stream.metadata.trainingData == inMemory.metadata.trainingData)
    }
}

@Test func streamingTrainingRefusesWhatItCannotDo() {
    let data = corpus(10, seed: 8)
    #expect(throws: TrainingError.self) { try streamed(data, chunk: 5, features: .standard) }  // no hashing
    #expect(throws: TrainingError.self) { try streamed(data, chunk: 5, parameters: TrainingParameters(kind: .logreg)) }  // lbfgs
    #expect(throws: TrainingError.self) { try streamed(data, chunk: 5, parameters: TrainingParameters(kind: .nb)) }  // nb with tfidf
    #expect(throws: TrainingError.self) { try streamed(data, chunk: 5, parameters: TrainingParameters(kind: .nblr)) }
    #expect(throws: TrainingError.self) { try streamed([], chunk: 5) }
    #expect(throws: TrainingError.self) { try streamed(data.map { ($0.document, "only") }, chunk: 5) }
}
