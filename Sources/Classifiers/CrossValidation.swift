import Foundation
import LinearAlgebra
import TextFeatures

/// Stratified K-fold cross-validation of a ``TextClassifierTrainer``.
///
/// Text is tokenised once; each fold then learns its own vocabulary and idf from its training
/// part only (see ``FeatureCounts``), so no statistic of the held-out fold leaks into training.
public struct CrossValidation: Sendable {
    public var trainer: TextClassifierTrainer
    public var folds: Int
    public var seed: UInt64

    public init(trainer: TextClassifierTrainer, folds: Int = 10, seed: UInt64 = 42) {
        self.trainer = trainer
        self.folds = folds
        self.seed = seed
    }

    public struct FoldResult: Sendable, Equatable, Codable {
        public var fold: Int
        public var trainSize: Int
        public var testSize: Int
        public var accuracy: Double
        public var macroF1: Double
    }

    public struct Report: Sendable, Equatable, Codable {
        public var folds: [FoldResult]
        public var meanAccuracy: Double
        public var stdAccuracy: Double
        public var meanMacroF1: Double
        public var stdMacroF1: Double
        /// All folds' held-out predictions pooled into one report.
        public var pooled: ClassificationReport
        public var seconds: Double
    }

    public func run(texts: [String], labels: [String], onFold: ((FoldResult) -> Void)? = nil) throws(TrainingError) -> Report {
        try run(documents: texts.map { Document(text: $0) }, labels: labels, onFold: onFold)
    }

    public func run(documents: [Document], labels: [String], onFold: ((FoldResult) -> Void)? = nil) throws(TrainingError) -> Report {
        let texts = documents.map(\.text)
        let start = Date()
        try trainer.validate()
        guard !texts.isEmpty else { throw .noExamples }
        let names = TextClassifierTrainer.labelSet(labels)
        guard names.count >= 2 else { throw .singleClass(names[0]) }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let y = labels.map { index[$0]! }
        var perClass = [Int](repeating: 0, count: names.count)
        for c in y { perClass[c] += 1 }
        for (c, n) in perClass.enumerated() where n < 2 {
            throw .invalidParameter("label \"\(names[c])\" has only \(n) example; cross-validation needs at least 2 examples of every label (one to train on, one to test)")
        }
        let assignment = try StratifiedKFold(folds: folds, seed: seed).assign(labels: y, classCount: names.count)
        let counts = FeatureCounts(documents: documents, configuration: trainer.features)

        var results: [FoldResult] = []
        var pooledTruth: [Int] = [], pooledPredicted: [Int] = []
        for fold in 0..<folds {
            let trainRows = assignment.indices.filter { assignment[$0] != fold }
            let testRows = assignment.indices.filter { assignment[$0] == fold }
            let fit = FeatureExtractor.fit(counts, rows: trainRows)
            let (model, _) = try trainer.fitModel(fit.features, labels: trainRows.map { y[$0] }, classCount: names.count)
            let predicted = model.predict(fit.transform(counts, rows: testRows))
            let truth = testRows.map { y[$0] }
            let report = ClassificationReport(labels: names, truth: truth, predicted: predicted)
            let result = FoldResult(fold: fold + 1, trainSize: trainRows.count, testSize: testRows.count,
                                    accuracy: report.accuracy, macroF1: report.macroF1)
            results.append(result)
            pooledTruth += truth
            pooledPredicted += predicted
            onFold?(result)
        }
        let (ma, sa) = Self.meanAndStd(results.map(\.accuracy))
        let (mf, sf) = Self.meanAndStd(results.map(\.macroF1))
        return Report(folds: results, meanAccuracy: ma, stdAccuracy: sa, meanMacroF1: mf, stdMacroF1: sf,
                      pooled: ClassificationReport(labels: names, truth: pooledTruth, predicted: pooledPredicted),
                      seconds: Date().timeIntervalSince(start))
    }

    /// Mean and sample standard deviation (n − 1), as reported by most CV tools.
    static func meanAndStd(_ x: [Double]) -> (Double, Double) {
        guard !x.isEmpty else { return (0, 0) }
        let mean = x.reduce(0, +) / Double(x.count)
        guard x.count > 1 else { return (mean, 0) }
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
        return (mean, variance.squareRoot())
    }
}
