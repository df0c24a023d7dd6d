import Foundation
import LinearAlgebra
import TextFeatures

/// A Spark MLlib classifier as exported by `examples/spark/export_mllib.py`, and its conversion
/// into a ``TextClassifier`` that scores text exactly as MLlib scored the featurised rows.
///
/// MLlib saves models as Parquet; rather than carry a Parquet reader, the export script (run
/// where pyspark is, which is where the model was trained) loads the saved model and writes its
/// numbers to JSON with every double's shortest round-trip decimal, so nothing is lost.
///
/// Both supported models are linear in the features, which is all a ``LinearModel`` is:
/// - `LogisticRegressionModel`: multinomial scores Wx + b, or binomial margin w·x + b, which is
///   softmax over (0, w·x + b) — class 0's weights are zero.
/// - `NaiveBayesModel` (multinomial): scores θx + π, probabilities their softmax (as MLlib).
public struct MLlibModel: Sendable, Equatable, Codable {
    public static let formatName = "stance-mllib/1"

    public enum Kind: String, Sendable, Codable {
        case logisticRegression = "LogisticRegressionModel"
        case naiveBayes = "NaiveBayesModel"
    }

    /// One row of the coefficient matrix (LR) or of θ (NB), stored sparsely: entries not listed
    /// equal `fill` (0 for LR; for NB the log-probability of a feature never seen with the class).
    public struct Row: Sendable, Equatable, Codable {
        public var fill: Double
        public var indices: [Int]
        public var values: [Double]

        public init(fill: Double, indices: [Int], values: [Double]) {
            self.fill = fill
            self.indices = indices
            self.values = values
        }
    }

    public struct Parameters: Sendable, Equatable, Codable {
        public var regParam: Double?
        public var elasticNetParam: Double?
        public var standardization: Bool?
        public var fitIntercept: Bool?
        public var smoothing: Double?
        public var modelType: String?
    }

    public struct TrainingData: Sendable, Equatable, Codable {
        public var documents: Int
        /// Keyed by class index ("0", "1", …), as MLlib knows the labels.
        public var labelCounts: [String: Int]
    }

    public var format: String
    public var sparkVersion: String
    public var model: Kind
    public var params: Parameters
    public var numClasses: Int
    public var numFeatures: Int
    /// LR: the intercept vector (one entry when binomial); NB: π, the log class priors.
    public var intercepts: [Double]
    /// LR: the coefficient matrix's rows (one when binomial); NB: θ's rows, one per class.
    public var coefficients: [Row]
    public var trainingData: TrainingData?

    public static func read(from path: String) throws(InterchangeError) -> MLlibModel {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw .unreadable(path: path, reason: "a folder (MLlib's saved Parquet model?); export it to JSON first: `python3 examples/spark/export_mllib.py \(path) model.json`")
        }
        do {
            return try JSONDecoder().decode(MLlibModel.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as DecodingError {
            throw .unreadable(path: path, reason: "not an MLlib model export: " + InterchangeError.describe(error)
                              + "; make one with `python3 examples/spark/export_mllib.py SAVED_MODEL_DIR \(path)`")
        } catch {
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read (\(error.localizedDescription))" : "no such file")
        }
    }

    /// The `stance` classifier: `specification` gives the features the training rows were made
    /// with and the label of each class index.
    public func classifier(_ specification: FeatureSpecification) throws(InterchangeError) -> TextClassifier {
        try specification.validate()
        try check(against: specification)
        let k = numClasses, d = numFeatures
        let binomial = model == .logisticRegression && coefficients.count == 1
        var weights = DenseMatrix(rows: d, columns: k)
        weights.values.withUnsafeMutableBufferPointer { w in
            for (r, row) in coefficients.enumerated() {
                let c = binomial ? 1 : r
                if row.fill != 0 { for j in 0..<d { w[j * k + c] = row.fill } }
                for (j, v) in zip(row.indices, row.values) { w[j * k + c] = v }
            }
        }
        let b = binomial ? [0, intercepts[0]] : intercepts
        let extractor = specification.extractor
        var counts: [String: Int] = [:]
        for (index, count) in trainingData?.labelCounts ?? [:] {
            if let i = Int(index), specification.labels.indices.contains(i) { counts[specification.labels[i]] = count }
        }
        let metadata = ModelMetadata(
            createdBy: "\(StanceVersion.current) import-mllib (Spark \(sparkVersion) \(model.rawValue)\(describeParameters))",
            training: trainingParameters,
            trainingData: DataFingerprint(documents: trainingData?.documents ?? 0, labelCounts: counts,
                                          hash: "not recorded (trained by Spark MLlib)"))
        return TextClassifier(labels: specification.labels, features: extractor,
                              model: LinearModel(weights: weights, intercepts: b), metadata: metadata)
    }

    /// Every way an export can disagree with itself or with the feature specification.
    private func check(against specification: FeatureSpecification) throws(InterchangeError) {
        guard format == Self.formatName else {
            throw .invalid("the export's format is '\(format)', expected '\(Self.formatName)'; export the model again with examples/spark/export_mllib.py")
        }
        let buckets = 1 << specification.features.hashBits!
        guard numFeatures == buckets else {
            throw .invalid("the MLlib model has \(numFeatures) features but the specification hashes into 2^\(specification.features.hashBits!) = \(buckets); train on rows made with this specification (and read them with numFeatures \(buckets))")
        }
        guard numClasses == specification.labels.count else {
            throw .invalid("the MLlib model has \(numClasses) classes but the specification lists \(specification.labels.count) labels (\(specification.labels.joined(separator: ", "))); MLlib counts the classes it saw in training, so check that every label had rows")
        }
        switch model {
        case .logisticRegression:
            let rows = numClasses == 2 && coefficients.count == 1 ? 1 : numClasses
            guard coefficients.count == rows, intercepts.count == rows else {
                throw .invalid("a logistic regression over \(numClasses) classes needs \(rows) coefficient row(s) and intercept(s), got \(coefficients.count) and \(intercepts.count)")
            }
        case .naiveBayes:
            let type = params.modelType ?? "multinomial"
            guard type == "multinomial" else {
                throw .invalid("MLlib naive Bayes of type '\(type)' is not linear in the features as stance scores them; train with modelType multinomial")
            }
            guard coefficients.count == numClasses, intercepts.count == numClasses else {
                throw .invalid("naive Bayes over \(numClasses) classes needs \(numClasses) rows of theta and \(numClasses) priors, got \(coefficients.count) and \(intercepts.count)")
            }
        }
        for (r, row) in coefficients.enumerated() {
            guard row.indices.count == row.values.count else {
                throw .invalid("coefficient row \(r) has \(row.indices.count) indices but \(row.values.count) values")
            }
            if let bad = row.indices.first(where: { !(0..<numFeatures).contains($0) }) {
                throw .invalid("coefficient row \(r) has index \(bad), outside 0..<\(numFeatures)")
            }
            guard row.fill.isFinite, row.values.allSatisfy(\.isFinite) else {
                throw .invalid("coefficient row \(r) holds a value that is not finite")
            }
        }
        guard intercepts.allSatisfy(\.isFinite) else { throw .invalid("an intercept is not finite") }
    }

    /// The nearest `stance` training settings, so `inspect` and reports say what was fitted.
    /// MLlib's objective is mean loss + λ·penalty and `stance`'s is C·total loss + penalty, so
    /// C = 1/(λn) when the training size is known.
    private var trainingParameters: TrainingParameters {
        switch model {
        case .naiveBayes:
            return TrainingParameters(kind: .nb, naiveBayes: NaiveBayes(variant: .multinomial, alpha: params.smoothing ?? 1))
        case .logisticRegression:
            var lr = LogisticRegression()
            let lambda = params.regParam ?? 0, n = trainingData?.documents ?? 0
            lr.c = lambda > 0 && n > 0 ? 1 / (lambda * Double(n)) : .greatestFiniteMagnitude
            let mix = params.elasticNetParam ?? 0
            lr.penalty = mix == 0 ? .l2 : mix == 1 ? .l1 : .elasticnet
            lr.l1Ratio = mix
            lr.fitIntercept = params.fitIntercept ?? true
            return TrainingParameters(kind: .logreg, logisticRegression: lr)
        }
    }

    private var describeParameters: String {
        switch model {
        case .naiveBayes: return ", smoothing \(params.smoothing ?? 1)"
        case .logisticRegression:
            return ", regParam \(params.regParam ?? 0), elasticNetParam \(params.elasticNetParam ?? 0), standardization \(params.standardization ?? true)"
        }
    }
}
