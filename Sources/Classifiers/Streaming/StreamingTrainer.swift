import Foundation
import LinearAlgebra
import TextFeatures

/// Trains on a corpus of any size in memory that does not grow with it: naive Bayes in one
/// pass, logistic regression by AdaGrad epochs over a feature cache.
///
/// Naive Bayes needs only per-class feature totals, so each chunk is featurised, weighted and
/// added to them, and nothing is kept. For logistic regression:
/// Pass 0 reads the corpus once, chunk by chunk: each chunk is featurised (in parallel, with
/// hashed features, which need no vocabulary in memory), its document frequencies and labels
/// are counted, and its rows go to a ``FeatureCache`` on disk. Then each epoch reads the cache
/// back block by block, weights the rows (TF-IDF with the idf of the whole corpus, known only
/// after pass 0), and takes an ``AdaGradSoftmax`` step per row, visiting the rows of each block
/// in a seeded random order. What stays in memory: the weights and AdaGrad accumulators
/// (2 × buckets × classes floats), the document frequencies, and one chunk.
///
/// The result is an ordinary ``TextClassifier``, scored like any other. The order of examples
/// within a block is shuffled but blocks are read in file order, so a corpus sorted by label
/// should be shuffled first (as for Vowpal Wabbit and fastText).
public struct StreamingTrainer: Sendable {
    public var features: FeatureConfiguration
    public var parameters: TrainingParameters
    /// Where the feature cache is written (it is unlinked at once and never left behind).
    public var cacheDirectory: String

    public enum Event: Sendable {
        /// Pass 0 has read this many documents (and the cache holds this many bytes).
        case read(documents: Int, cacheBytes: Int)
        /// An epoch is this far through the documents.
        case training(epoch: Int, documents: Int, of: Int)
        case epochDone(epoch: Int, loss: Double)
    }

    public init(features: FeatureConfiguration, parameters: TrainingParameters, cacheDirectory: String) {
        self.features = features
        self.parameters = parameters
        self.cacheDirectory = cacheDirectory
    }

    public func validate() throws(TrainingError) {
        do { try features.validate() } catch { throw .invalidFeatures(error.description) }
        guard features.hashBits != nil else {
            throw .invalidParameter("streaming training needs hashed features (e.g. --hash-bits 20): a vocabulary would have to be learned and held in memory first")
        }
        switch parameters.kind {
        case .logreg:
            guard parameters.logisticRegression.solver == .adagrad else {
                throw .invalidParameter("streaming logistic regression uses the adagrad solver; add --solver adagrad")
            }
        case .nb, .complementNB, .bernoulliNB:
            guard features.weighting != .tfidf else {
                throw .invalidParameter("streaming naive Bayes reads the corpus once, so it cannot weight by idf (known only at the end); use --weighting binary or counts")
            }
        case .nblr:
            throw .invalidParameter("nblr cannot stream (it needs the naive-Bayes ratios before fitting); use --classifier logreg --solver adagrad or nb")
        }
        if parameters.calibrationFolds != nil {
            throw .invalidParameter("--calibrate needs held-out folds of data in memory; it cannot be combined with --streaming")
        }
        try parameters.validate(features: features)
    }

    /// Trains on the chunks `nextChunk` returns, in order, until it returns nil.
    public func train(_ nextChunk: () throws -> [(document: Document, label: String)]?,
                      progress: (Event) -> Void = { _ in }) throws -> TextClassifier {
        try validate()
        if parameters.kind != .logreg { return try trainNaiveBayes(nextChunk, progress: progress) }
        let bits = features.hashBits!
        let columns = 1 << bits
        let cache = try FeatureCache(directory: cacheDirectory, columns: columns)
        var documentFrequency = [Int32](repeating: 0, count: columns)
        var seen = ExamplesSeen()

        // Pass 0: featurise once, count, cache.
        while let chunk = try nextChunk() {
            let counts = FeatureCounts(documents: chunk.map(\.document), configuration: features).matrix
            let labels = seen.note(chunk).map { Int32($0) }
            for column in counts.columnIndices { documentFrequency[Int(column)] += 1 }
            try cache.append(counts, labels: labels)
            progress(.read(documents: seen.documents, cacheBytes: cache.bytesWritten))
        }
        let names = try seen.sortedNames()
        let documents = seen.documents
        let classOf = seen.names.map { name in names.firstIndex(of: name)! }

        let idf: [Double] = features.weighting == .tfidf
            ? documentFrequency.map { log(Double(1 + documents) / Double(1 + Int($0))) + 1 }
            : []
        let extractor = FeatureExtractor(configuration: features, vocabulary: nil, idf: idf)
        let settings = parameters.logisticRegression
        var learner = AdaGradSoftmax(featureCount: columns, classCount: names.count, learningRate: settings.learningRate,
                                     l2: 1 / (settings.c * Double(documents)))
        var generator = SeededGenerator(seed: LogisticRegression.adagradSeed)
        var lastLoss = 0.0
        // Epoch 1 weights the cached counts and keeps the weighted rows in a second cache, so
        // later epochs only read numbers (weighting — logs and idf lookups — costs as much as
        // the updates themselves).
        var source = cache
        var weighted = settings.epochs > 1 ? try FeatureCache(directory: cacheDirectory, columns: columns) : nil
        for epoch in 1...settings.epochs {
            source.rewind()
            var done = 0
            // The updates are one thread's work; the next block is read (and in epoch 1
            // weighted and cached) on another meanwhile. Same blocks, same order.
            let reader = source, weightedCache = epoch == 1 ? weighted : nil
            let blocks = ReadAhead { () throws(TrainingError) -> (SparseMatrix, [Int32])? in
                guard let (block, labels) = try reader.nextBlock() else { return nil }
                var x = block
                if epoch == 1 {
                    extractor.applyWeighting(&x)
                    try weightedCache?.append(x, labels: labels)
                }
                return (x, labels)
            }
            defer { blocks.finish() }
            while let (x, labels) = try blocks.next() {
                var order = Array(0..<x.rows)
                generator.shuffle(&order)
                learner.pass(over: x, order: order, label: { classOf[Int(labels[$0])] })
                done += x.rows
                progress(.training(epoch: epoch, documents: done, of: documents))
            }
            if epoch == 1, let weightedCache = weighted {
                source = weightedCache
                weighted = nil
            }
            lastLoss = learner.takeAverageLoss()
            progress(.epochDone(epoch: epoch, loss: lastLoss))
        }
        let report = LogisticRegression.FitReport(iterations: settings.epochs, evaluations: settings.epochs, finalLoss: lastLoss,
                                                  gradientNorm: 0, stopReason: "\(settings.epochs) adagrad epochs (streamed)")
        let metadata = ModelMetadata(training: parameters, trainingData: seen.fingerprint.fingerprint, fit: report)
        return TextClassifier(labels: names, features: extractor, model: learner.model, metadata: metadata)
    }

    /// One pass: featurise, weight and add each chunk to the per-class totals.
    private func trainNaiveBayes(_ nextChunk: () throws -> [(document: Document, label: String)]?,
                                 progress: (Event) -> Void) throws -> TextClassifier {
        let extractor = FeatureExtractor(configuration: features, vocabulary: nil, idf: [])
        let nb = parameters.naiveBayes
        var counts = NaiveBayes.Counts(featureCount: extractor.featureCount, classCount: 0)
        var seen = ExamplesSeen()
        while let chunk = try nextChunk() {
            var x = FeatureCounts(documents: chunk.map(\.document), configuration: features).matrix
            extractor.applyWeighting(&x)
            let labels = seen.labelIDs(chunk)
            while counts.classDocuments.count < seen.names.count { counts.addClass() }
            // Both are one-thread folds over the chunk, independent of each other: side by side.
            var failure: TrainingError? = nil
            Parallel.forEach(2) { task in
                if task == 0 {
                    seen.addToFingerprint(chunk)
                } else {
                    do throws(TrainingError) { try counts.add(x, labels: labels, variant: nb.variant) } catch { failure = error }
                }
            }
            if let failure { throw failure }
            progress(.read(documents: seen.documents, cacheBytes: 0))
        }
        let names = try seen.sortedNames()
        let model = nb.model(from: counts.reordered(names.map { seen.ids[$0]! }))
        let metadata = ModelMetadata(training: parameters, trainingData: seen.fingerprint.fingerprint)
        return TextClassifier(labels: names, features: extractor, model: model, metadata: metadata)
    }
}

/// What a streamed pass learns about the examples besides their features: the labels in order of
/// first sight (their provisional ids), the data fingerprint and the count.
private struct ExamplesSeen {
    var ids: [String: Int] = [:]
    var names: [String] = []
    var fingerprint = DataFingerprint.Builder()
    var documents = 0

    /// Notes a chunk and returns each example's provisional label id.
    mutating func note(_ chunk: [(document: Document, label: String)]) -> [Int] {
        addToFingerprint(chunk)
        return labelIDs(chunk)
    }

    /// Counts a chunk and returns each example's provisional label id (new labels get the next).
    mutating func labelIDs(_ chunk: [(document: Document, label: String)]) -> [Int] {
        documents += chunk.count
        return chunk.map { example in
            if let id = ids[example.label] { return id }
            ids[example.label] = names.count
            names.append(example.label)
            return names.count - 1
        }
    }

    mutating func addToFingerprint(_ chunk: [(document: Document, label: String)]) {
        for example in chunk { fingerprint.add(text: example.document.text, label: example.label) }
    }

    /// The labels in sorted order (the class order of the model), or why there is nothing to learn.
    func sortedNames() throws(TrainingError) -> [String] {
        guard documents > 0 else { throw .noExamples }
        let sorted = names.sorted()
        guard sorted.count >= 2 else { throw .singleClass(sorted[0]) }
        return sorted
    }
}
