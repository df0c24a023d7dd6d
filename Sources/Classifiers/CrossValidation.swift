import Foundation
import LinearAlgebra
import TextFeatures

/// Stratified K-fold cross-validation of a ``TextClassifierTrainer``, optionally per group.
///
/// Text is tokenised once; each fold then learns its own vocabulary and idf from its training
/// part only (see ``FeatureCounts``), so no statistic of the held-out fold leaks into training.
/// With groups, each fold trains one classifier per group on that group's training rows and
/// scores the group's held-out rows with it; folds are stratified by (group, label), and the
/// pooled predictions of every group give the pooled score (how SemEval scores stance).
public struct CrossValidation: Sendable {
    public var trainer: TextClassifierTrainer
    public var folds: Int
    public var seed: UInt64
    public var metric: Metric

    public init(trainer: TextClassifierTrainer, folds: Int = 10, seed: UInt64 = 42, metric: Metric = .accuracy) {
        self.trainer = trainer
        self.folds = folds
        self.seed = seed
        self.metric = metric
    }

    public struct FoldResult: Sendable, Equatable, Codable {
        public var fold: Int
        public var trainSize: Int
        public var testSize: Int
        public var accuracy: Double
        public var macroF1: Double
        /// The chosen metric on this fold.
        public var score: Double
    }

    public struct Report: Sendable, Equatable, Codable {
        public var metric: String
        public var folds: [FoldResult]
        public var meanAccuracy: Double
        public var stdAccuracy: Double
        public var meanMacroF1: Double
        public var stdMacroF1: Double
        public var meanScore: Double
        public var stdScore: Double
        /// All folds' held-out predictions pooled into one report, and the metric on it.
        public var pooled: ClassificationReport
        public var pooledScore: Double
        public var seconds: Double
    }

    public func run(texts: [String], labels: [String], onFold: ((FoldResult) -> Void)? = nil) throws(TrainingError) -> Report {
        try run(documents: texts.map { Document(text: $0) }, labels: labels, onFold: onFold)
    }

    /// `counts`, when given, are the documents' feature counts already made (by a tuner that
    /// reuses them across trials); they must come from the same documents.
    public func run(documents: [Document], labels: [String], groups: [String]? = nil, counts given: FeatureCounts? = nil,
                    onFold: ((FoldResult) -> Void)? = nil) throws(TrainingError) -> Report {
        let start = Date()
        try trainer.validate()
        guard !documents.isEmpty else { throw .noExamples }
        let names = TextClassifierTrainer.labelSet(labels)
        guard names.count >= 2 else { throw .singleClass(names[0]) }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let y = labels.map { index[$0]! }
        var perClass = [Int](repeating: 0, count: names.count)
        for c in y { perClass[c] += 1 }
        for (c, n) in perClass.enumerated() where n < 2 {
            throw .invalidParameter("label \"\(names[c])\" has only \(n) example; cross-validation needs at least 2 examples of every label (one to train on, one to test)")
        }
        let groupNames = groups.map { Array(Set($0)).sorted() } ?? [""]
        let groupOf = groups.map { g in let gi = Dictionary(uniqueKeysWithValues: groupNames.enumerated().map { ($1, $0) }); return g.map { gi[$0]! } }
            ?? [Int](repeating: 0, count: documents.count)
        // Stratify by (group, label) so every fold sees every group's labels in proportion.
        let strata = zip(groupOf, y).map { $0 * names.count + $1 }
        let assignment = try StratifiedKFold(folds: folds, seed: seed).assign(labels: strata, classCount: groupNames.count * names.count)
        let counts = given?.reweighted(trainer.features) ?? FeatureCounts(documents: documents, configuration: trainer.features)

        var results: [FoldResult] = []
        var pooledTruth: [Int] = [], pooledPredicted: [Int] = []
        for fold in 0..<folds {
            var truth: [Int] = [], predicted: [Int] = [], trainSize = 0
            for g in groupNames.indices {
                let trainRows = assignment.indices.filter { assignment[$0] != fold && groupOf[$0] == g }
                let testRows = assignment.indices.filter { assignment[$0] == fold && groupOf[$0] == g }
                guard !testRows.isEmpty else { continue }
                // A group's model predicts among the labels it was trained on, mapped to the global indices.
                let localLabels = Array(Set(trainRows.map { y[$0] })).sorted()
                guard localLabels.count >= 2 else {
                    throw .invalidParameter("group \"\(groupNames[g])\" has training examples of only one label in fold \(fold + 1); it needs at least two")
                }
                let local = Dictionary(uniqueKeysWithValues: localLabels.enumerated().map { ($1, $0) })
                let fit = FeatureExtractor.fit(counts, rows: trainRows)
                let (model, _) = try trainer.fitModel(fit.features, labels: trainRows.map { local[y[$0]]! }, classCount: localLabels.count)
                predicted += model.predict(fit.transform(counts, rows: testRows)).map { localLabels[$0] }
                truth += testRows.map { y[$0] }
                trainSize += trainRows.count
            }
            let report = ClassificationReport(labels: names, truth: truth, predicted: predicted)
            let result = FoldResult(fold: fold + 1, trainSize: trainSize, testSize: truth.count,
                                    accuracy: report.accuracy, macroF1: report.macroF1, score: try metric.value(report))
            results.append(result)
            pooledTruth += truth
            pooledPredicted += predicted
            onFold?(result)
        }
        let (ma, sa) = Self.meanAndStd(results.map(\.accuracy))
        let (mf, sf) = Self.meanAndStd(results.map(\.macroF1))
        let (ms, ss) = Self.meanAndStd(results.map(\.score))
        let pooled = ClassificationReport(labels: names, truth: pooledTruth, predicted: pooledPredicted)
        return Report(metric: metric.description, folds: results, meanAccuracy: ma, stdAccuracy: sa, meanMacroF1: mf, stdMacroF1: sf,
                      meanScore: ms, stdScore: ss, pooled: pooled, pooledScore: try metric.value(pooled),
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
