import Foundation
import TextFeatures

/// Cross-validated search over learners, regularisation, n-gram ranges, pruning and weighting —
/// the `stance tune` command.
///
/// The first trials are each learner's defaults (so the tuner never reports worse than what a
/// newcomer gets without it); after them, random configurations drawn with a seeded generator
/// from ``Space`` (random search finds good settings with far fewer trials than a full grid when
/// only a few settings matter, as Bergstra & Bengio 2012 showed). Trials stop at the budget in
/// trials or seconds, whichever comes first. Feature counts are cached per n-gram setting, so
/// trials that differ only in learner or weighting do not tokenise again.
public struct HyperparameterSearch: Sendable {
    public struct Space: Sendable {
        public var kinds: [ClassifierKind] = [.logreg, .nblr, .nb, .complementNB]
        public var c: [Double] = [0.1, 0.3, 1, 3, 10, 30]
        public var alpha: [Double] = [0.1, 0.3, 1]
        /// logreg: rare classes weighed up or not (balanced helps scores that average per-class F1).
        public var classWeights: [ClassWeight] = [.none, .balanced]
        /// nblr: β, the share of the fitted weights against naive Bayes'.
        public var interpolation: [Double] = [1, 0.5, 0.25]
        public var wordNGrams: [NGramRange?] = [NGramRange(1, 1), NGramRange(1, 2), NGramRange(1, 3)]
        public var charNGrams: [NGramRange?] = [nil, NGramRange(2, 4), NGramRange(2, 5), NGramRange(1, 5)]
        public var minDocumentFrequency: [Int] = [1, 2]
        public var logregWeighting: [FeatureConfiguration.Weighting] = [.tfidf, .binary]
        public init() {}
    }

    public struct Trial: Sendable, Codable, Equatable {
        public var number: Int
        public var classifier: String
        public var settings: String
        public var score: Double
        public var std: Double
        public var accuracy: Double
        public var macroF1: Double
        public var seconds: Double
        public var parameters: TrainingParameters
        public var features: FeatureConfiguration
    }

    public var space = Space()
    public var folds = 5
    public var seed: UInt64 = 42
    public var metric: Metric = .macroF1
    public var maxTrials = 30
    public var maxSeconds: Double? = nil
    public var base: FeatureConfiguration.Tokenizing = .init()

    public init() {}

    /// Runs the search; `onTrial` sees each finished trial (for progress and tables).
    public func run(documents: [Document], labels: [String], groups: [String]? = nil,
                    onTrial: ((Trial) -> Void)? = nil) throws(TrainingError) -> [Trial] {
        let start = Date()
        var generator = SeededGenerator(seed: seed)
        var cache: [String: FeatureCounts] = [:]
        var trials: [Trial] = []
        var seen = Set<String>()
        var candidates = space.kinds.map { TrainingParameters(kind: $0) }.map { ($0, $0.kind.defaultFeatures) }
        var attempts = 0
        while trials.count < maxTrials && attempts < maxTrials * 20 {
            if let maxSeconds, Date().timeIntervalSince(start) >= maxSeconds, !trials.isEmpty { break }
            attempts += 1
            var (parameters, features) = candidates.isEmpty ? draw(&generator) : candidates.removeFirst()
            features.tokenizer = base.tokenizer
            features.contextNGrams = base.contextNGrams
            features.hashBits = base.hashBits
            let key = "\(parameters)|\(features)"
            guard seen.insert(key).inserted else { continue }
            let trainer = TextClassifierTrainer(features: features, parameters: parameters)
            guard (try? trainer.validate()) != nil else { continue }
            let countsKey = "\(features.ngrams)|\(features.tokenizer)|\(String(describing: features.hashBits))|\(String(describing: features.contextNGrams))"
            let counts = cache[countsKey] ?? FeatureCounts(documents: documents, configuration: features)
            cache[countsKey] = counts
            let trialStart = Date()
            let report = try CrossValidation(trainer: trainer, folds: folds, seed: seed, metric: metric)
                .run(documents: documents, labels: labels, groups: groups, counts: counts)
            let trial = Trial(number: trials.count + 1, classifier: parameters.kind.rawValue, settings: Self.describe(parameters, features),
                              score: report.pooledScore, std: report.stdScore, accuracy: report.pooled.accuracy,
                              macroF1: report.pooled.macroF1, seconds: Date().timeIntervalSince(trialStart),
                              parameters: parameters, features: features)
            trials.append(trial)
            onTrial?(trial)
        }
        return trials
    }

    /// A random point of the space.
    func draw(_ g: inout SeededGenerator) -> (TrainingParameters, FeatureConfiguration) {
        func pick<T>(_ a: [T]) -> T { a[g.uniform(below: a.count)] }
        let kind = pick(space.kinds)
        var features = kind.defaultFeatures
        features.ngrams = NGramGenerator(words: pick(space.wordNGrams), characters: pick(space.charNGrams))
        if features.ngrams.words == nil && features.ngrams.characters == nil { features.ngrams.words = NGramRange(1, 2) }
        features.minDocumentFrequency = pick(space.minDocumentFrequency)
        var parameters = TrainingParameters(kind: kind)
        switch kind {
        case .logreg:
            parameters.logisticRegression.c = pick(space.c)
            parameters.logisticRegression.classWeight = pick(space.classWeights)
            features.weighting = pick(space.logregWeighting)
            features.sublinearTF = features.weighting == .tfidf
        case .nblr:
            parameters.nbLogisticRegression.logisticRegression.c = pick(space.c)
            parameters.nbLogisticRegression.alpha = pick(space.alpha)
            parameters.nbLogisticRegression.interpolation = pick(space.interpolation)
        case .nb, .complementNB, .bernoulliNB:
            parameters.naiveBayes.alpha = pick(space.alpha)
        }
        return (parameters, features)
    }

    /// The settings of a trial as command-line flags, so a user can reproduce it with `stance train`.
    public static func describe(_ p: TrainingParameters, _ f: FeatureConfiguration) -> String {
        var parts = ["--classifier \(p.kind.rawValue)"]
        switch p.kind {
        case .logreg:
            parts.append("--C \(p.logisticRegression.c)")
            if p.logisticRegression.classWeight != .none { parts.append("--class-weight \(p.logisticRegression.classWeight.rawValue)") }
        case .nblr:
            parts += ["--C \(p.nbLogisticRegression.logisticRegression.c)", "--alpha \(p.nbLogisticRegression.alpha)",
                      "--interpolation \(p.nbLogisticRegression.interpolation)"]
        case .nb, .complementNB, .bernoulliNB: parts.append("--alpha \(p.naiveBayes.alpha)")
        }
        parts.append("--word-ngrams \(f.ngrams.words?.description ?? "0")")
        parts.append("--char-ngrams \(f.ngrams.characters?.description ?? "0")")
        parts.append("--weighting \(f.weighting.rawValue)")
        if f.minDocumentFrequency != 1 { parts.append("--min-df \(f.minDocumentFrequency)") }
        return parts.joined(separator: " ")
    }
}

extension FeatureConfiguration {
    /// The settings a tuner must not vary: how text is read, hashing, and context features.
    public struct Tokenizing: Sendable {
        public var tokenizer = Tokenizer()
        public var hashBits: Int? = nil
        public var contextNGrams: NGramRange? = nil
        public init(tokenizer: Tokenizer = Tokenizer(), hashBits: Int? = nil, contextNGrams: NGramRange? = nil) {
            self.tokenizer = tokenizer
            self.hashBits = hashBits
            self.contextNGrams = contextNGrams
        }
    }
}
