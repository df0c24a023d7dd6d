import LinearAlgebra
import TextFeatures

/// Trains a ``TextClassifier`` from texts and label strings: fit the featuriser, then the learner.
public struct TextClassifierTrainer: Sendable {
    public var features: FeatureConfiguration
    public var parameters: TrainingParameters

    public init(features: FeatureConfiguration, parameters: TrainingParameters) {
        self.features = features
        self.parameters = parameters
    }

    /// Checks every setting before any work starts.
    public func validate() throws(TrainingError) {
        do { try features.validate() } catch { throw .invalidFeatures(error.description) }
        try parameters.validate(features: features)
    }

    /// The label set of a corpus, sorted so that the same data gives the same class order.
    public static func labelSet(_ labels: [String]) -> [String] { Array(Set(labels)).sorted() }

    public func train(texts: [String], labels: [String], progress: LBFGS.Progress? = nil) throws(TrainingError) -> TextClassifier {
        try train(documents: texts.map { Document(text: $0) }, labels: labels, progress: progress)
    }

    public func train(documents: [Document], labels: [String], progress: LBFGS.Progress? = nil) throws(TrainingError) -> TextClassifier {
        let texts = documents.map(\.text)
        try validate()
        guard !texts.isEmpty else { throw .noExamples }
        let names = Self.labelSet(labels)
        guard names.count >= 2 else { throw .singleClass(names[0]) }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let counts = FeatureCounts(documents: documents, configuration: features)
        let fingerprint = DataFingerprint(texts: texts, labels: labels)
        return try train(counts: consume counts, rows: nil, labels: labels.map { index[$0]! }, labelNames: names,
                         fingerprint: fingerprint, progress: progress)
    }

    /// Trains on `rows` of already-counted features (all rows when nil); `labels` holds one class
    /// index per row of `counts`. Cross-validation calls this once per fold. Handing over the
    /// last copy of `counts` lets the weights overwrite the counts (see ``FeatureExtractor/fit(_:rows:)``).
    public func train(counts: consuming FeatureCounts, rows: [Int]?, labels: [Int], labelNames: [String],
                      fingerprint: DataFingerprint, progress: LBFGS.Progress? = nil) throws(TrainingError) -> TextClassifier {
        // Calibration refits on folds of the counts, so it keeps them; otherwise they are handed on.
        var kept: FeatureCounts? = nil
        if parameters.calibrationFolds != nil {
            if let rows {
                kept = FeatureCounts(matrix: counts.matrix.selectingRows(rows), terms: counts.terms, configuration: counts.configuration)
            } else {
                kept = counts
            }
        }
        let fit = FeatureExtractor.fit(consume counts, rows: rows)
        guard fit.extractor.featureCount > 0 else {
            throw .invalidFeatures("no features to learn from: every text is empty or every term was pruned (min-df \(features.minDocumentFrequency), max-df \(features.maxDocumentFrequency)); check the text field, or lower --min-df")
        }
        let y = rows.map { $0.map { labels[$0] } } ?? labels
        var (model, report) = try fitModel(fit.features, labels: y, classCount: labelNames.count, progress: progress)
        var scaling: TemperatureScaling? = nil
        if let folds = parameters.calibrationFolds, let kept {
            (model, scaling) = try calibrated(model, counts: kept, labels: y, classCount: labelNames.count, folds: folds)
        }
        var metadata = ModelMetadata(training: parameters, trainingData: fingerprint, fit: report)
        metadata.calibration = scaling
        return TextClassifier(labels: labelNames, features: fit.extractor, model: model, metadata: metadata)
    }

    /// Fits the configured learner on ready-made features.
    public func fitModel(_ x: SparseMatrix, labels: [Int], classCount: Int,
                         progress: LBFGS.Progress? = nil) throws(TrainingError) -> (LinearModel, LogisticRegression.FitReport?) {
        switch parameters.kind {
        case .logreg:
            let (model, report) = try parameters.logisticRegression.fit(x, labels: labels, classCount: classCount, progress: progress)
            return (model, report)
        case .nb, .complementNB, .bernoulliNB:
            return (try parameters.naiveBayes.fit(x, labels: labels, classCount: classCount), nil)
        case .nblr:
            let (model, report) = try parameters.nbLogisticRegression.fit(x, labels: labels, classCount: classCount, progress: progress)
            return (model, report)
        }
    }
}
