import TextFeatures

/// The learners `stance` can train, with the settings of each.
public enum ClassifierKind: String, Sendable, Codable, CaseIterable {
    case logreg
    case nb
    case complementNB = "complement-nb"
    case bernoulliNB = "bernoulli-nb"
    /// Logistic regression on naive-Bayes-scaled features (NBSVM/NBLR).
    case nblr

    /// The feature settings that work best for this learner when the user gives none.
    ///
    /// Logistic regression: word 1–2 + char 2–5 (within words), sublinear TF-IDF, L2 rows.
    /// Naive Bayes estimates per-class term rates, which TF-IDF and row scaling distort, so the
    /// NB defaults are binary word 1–2-grams with no normalisation ("MNB-bi" in Wang & Manning
    /// 2012, the strongest NB on sentence-level sentiment).
    public var defaultFeatures: FeatureConfiguration {
        switch self {
        case .logreg:
            return .standard
        case .nblr:
            // Measured by 10-fold CV on MR: binary word 1–3 + char 2–5 within words, C = 0.3.
            return FeatureConfiguration(
                ngrams: NGramGenerator(words: NGramRange(1, 3), characters: NGramRange(2, 5)),
                weighting: .binary, sublinearTF: false, normalization: .none)
        case .nb, .complementNB, .bernoulliNB:
            return FeatureConfiguration(
                ngrams: NGramGenerator(words: NGramRange(1, 2), characters: nil),
                weighting: .binary, sublinearTF: false, normalization: .none)
        }
    }
}

/// Everything that decides how a classifier learns, stored in the model file.
public struct TrainingParameters: Sendable, Equatable, Codable {
    public var kind: ClassifierKind
    public var logisticRegression: LogisticRegression
    public var naiveBayes: NaiveBayes
    /// Settings of `nblr` (its own C: the NB-scaled features want a different strength).
    public var nbLogisticRegression: NBLogisticRegression
    /// Folds for fitting a probability temperature after training (``TemperatureScaling``);
    /// nil: probabilities as the learner gives them.
    public var calibrationFolds: Int?

    enum CodingKeys: String, CodingKey { case kind, logisticRegression, naiveBayes, nbLogisticRegression, calibrationFolds }

    /// `nbLogisticRegression` arrived after format 1.0; older files read with its defaults.
    public init(from decoder: Decoder) throws {
        let k = try decoder.container(keyedBy: CodingKeys.self)
        kind = try k.decode(ClassifierKind.self, forKey: .kind)
        logisticRegression = try k.decode(LogisticRegression.self, forKey: .logisticRegression)
        naiveBayes = try k.decode(NaiveBayes.self, forKey: .naiveBayes)
        nbLogisticRegression = try k.decodeIfPresent(NBLogisticRegression.self, forKey: .nbLogisticRegression) ?? NBLogisticRegression(interpolation: 1)
        calibrationFolds = try k.decodeIfPresent(Int.self, forKey: .calibrationFolds)
    }

    public init(kind: ClassifierKind, logisticRegression: LogisticRegression = LogisticRegression(),
                naiveBayes: NaiveBayes = NaiveBayes(), nbLogisticRegression: NBLogisticRegression = NBLogisticRegression()) {
        self.kind = kind
        self.logisticRegression = logisticRegression
        self.naiveBayes = naiveBayes
        self.nbLogisticRegression = nbLogisticRegression
        switch kind {
        case .nb: self.naiveBayes.variant = .multinomial
        case .complementNB: self.naiveBayes.variant = .complement
        case .bernoulliNB: self.naiveBayes.variant = .bernoulli
        case .logreg, .nblr: break
        }
    }

    /// Checks the learner's settings and that the features suit it.
    public func validate(features: FeatureConfiguration) throws(TrainingError) {
        if let folds = calibrationFolds, folds < 2 {
            throw .invalidParameter("calibration-folds must be at least 2, got \(folds)")
        }
        switch kind {
        case .logreg:
            try logisticRegression.validate()
        case .nblr:
            try nbLogisticRegression.validate()
            if features.weighting != .binary || features.normalization != .none {
                throw .invalidParameter("nblr scales binary features by their NB log-count ratio; use --weighting binary --norm none (got \(features.weighting.rawValue), \(features.normalization.rawValue))")
            }
        case .nb, .complementNB, .bernoulliNB:
            try naiveBayes.validate()
            if kind == .bernoulliNB && (features.weighting != .binary || features.normalization != .none) {
                throw .invalidParameter("bernoulli-nb models presence and absence of features; use --weighting binary --norm none (got \(features.weighting.rawValue), \(features.normalization.rawValue))")
            }
        }
    }
}
