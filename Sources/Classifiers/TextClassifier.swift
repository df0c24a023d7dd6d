import LinearAlgebra
import TextFeatures

/// A trained text classifier: the featuriser, the linear model and the label names, plus a
/// record of how it was made. This is what a model file holds.
public struct TextClassifier: Sendable, Equatable {
    public let labels: [String]
    public let features: FeatureExtractor
    public let model: LinearModel
    public let metadata: ModelMetadata

    public init(labels: [String], features: FeatureExtractor, model: LinearModel, metadata: ModelMetadata) {
        precondition(labels.count == model.classCount, "TextClassifier: \(labels.count) labels, \(model.classCount) classes")
        precondition(features.featureCount == model.featureCount, "TextClassifier: feature counts differ")
        self.labels = labels
        self.features = features
        self.model = model
        self.metadata = metadata
    }

    /// One prediction per text: the most probable label and every label's probability.
    public func predict(_ texts: [String]) -> [Prediction] {
        predict(texts.map { Document(text: $0) })
    }

    /// Predictions for documents with their context (used when the model was trained with
    /// context features; otherwise the context is ignored).
    /// Each document is featurised and scored in turn, in pieces of 1,024 across threads: its
    /// row is scored while still in cache, and no feature matrix is built.
    public func predict(_ documents: [Document]) -> [Prediction] {
        let pieces = Parallel.blocks(documents.count, size: 1024)
        var results = [Prediction](repeating: Prediction(labelIndex: 0, label: "", probabilities: []), count: documents.count)
        results.withUnsafeMutableBufferPointer { results in
            Parallel.forEach(pieces.count) { p in
                var workspace = FeatureExtractor.RowWorkspace(for: features)
                let rowBytes = model.classCount * MemoryLayout<Double>.stride
                model.weights.values.withUnsafeBytes { weights in
                    for i in pieces[p] {
                        let values = features.withWeightedRow(of: documents[i], in: &workspace, prefetchingRowsOf: weights.baseAddress,
                                                              rowBytes: rowBytes) { model.probabilities(ofRow: $0, $1) }
                        var best = 0
                        for c in 1..<max(values.count, 1) where values[c] > values[best] { best = c }
                        results[i] = Prediction(labelIndex: best, label: labels[best], probabilities: values)
                    }
                }
            }
        }
        return results
    }

    public func predict(_ text: String) -> Prediction { predict([text])[0] }
}

public struct Prediction: Sendable, Equatable {
    public var labelIndex: Int
    public var label: String
    /// In the order of ``TextClassifier/labels``.
    public var probabilities: [Double]
}

/// How a model was made: stored in its file header and shown by reports.
public struct ModelMetadata: Sendable, Equatable, Codable {
    public var createdBy: String
    public var training: TrainingParameters
    public var trainingData: DataFingerprint
    public var fit: LogisticRegression.FitReport?
    /// Set when the probabilities were calibrated at training time (``TemperatureScaling``).
    public var calibration: TemperatureScaling?

    public init(createdBy: String = StanceVersion.current, training: TrainingParameters,
                trainingData: DataFingerprint, fit: LogisticRegression.FitReport? = nil) {
        self.createdBy = createdBy
        self.training = training
        self.trainingData = trainingData
        self.fit = fit
    }
}

/// Identifies the training data without storing it: size, label counts and a 64-bit FNV-1a
/// hash over every (label, text) pair in order. Not a security hash; it tells two data sets
/// apart and shows whether a model was trained on the file a user thinks it was.
public struct DataFingerprint: Sendable, Equatable, Codable {
    public var documents: Int
    public var labelCounts: [String: Int]
    public var hash: String

    public init(texts: [String], labels: [String]) {
        var builder = Builder()
        for (text, label) in zip(texts, labels) { builder.add(text: text, label: label) }
        self = builder.fingerprint
    }

    init(documents: Int, labelCounts: [String: Int], hash: String) {
        self.documents = documents
        self.labelCounts = labelCounts
        self.hash = hash
    }

    /// Builds a fingerprint one example at a time (streaming training sees each once).
    public struct Builder: Sendable {
        private var h: UInt64 = 0xCBF2_9CE4_8422_2325
        private var counts: [String: Int] = [:]
        private var documents = 0

        public init() {}

        public mutating func add(text: String, label: String) {
            mix(label); mix(0x1F); mix(text); mix(0x1E)
            counts[label, default: 0] += 1
            documents += 1
        }

        /// Over the string's contiguous UTF-8, not its generic byte view: a streamed pass
        /// fingerprints every byte of the corpus on one thread.
        private mutating func mix(_ text: String) {
            var text = text
            var h = self.h
            text.withUTF8 { bytes in
                for b in bytes {
                    h ^= UInt64(b)
                    h = h &* 0x0000_0100_0000_01B3
                }
            }
            self.h = h
        }

        private mutating func mix(_ byte: UInt8) {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }

        public var fingerprint: DataFingerprint {
            DataFingerprint(documents: documents, labelCounts: counts, hash: "fnv1a64:" + String(h, radix: 16).leftPadded(to: 16))
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

public enum StanceVersion {
    /// The tool's version, written into every model file.
    public static let current = "stance 0.1.0"
}
