/// Every setting that decides how text becomes a feature vector. Stored in the model file, so
/// prediction featurises exactly as training did.
///
/// The defaults (see ``standard``) are the ones that won on sentence-level stance and sentiment
/// sets: word 1–2-grams plus character 2–5-grams within word boundaries, sublinear TF-IDF, L2
/// rows.
public struct FeatureConfiguration: Sendable, Equatable, Codable {
    public enum Weighting: String, Sendable, Codable, CaseIterable {
        /// Raw term counts.
        case counts
        /// 1 when present, 0 otherwise (what multinomial NB does best on short texts).
        case binary
        /// tf × idf with smooth idf = ln((1 + n) / (1 + df)) + 1, as in scikit-learn.
        case tfidf
    }

    public enum Normalization: String, Sendable, Codable, CaseIterable {
        case none
        /// Each row scaled to unit Euclidean length, so long documents do not dominate.
        case l2
    }

    public var tokenizer: Tokenizer
    public var ngrams: NGramGenerator
    /// Keep a term only if it occurs in at least this many training documents (vocabulary mode).
    public var minDocumentFrequency: Int
    /// Drop a term occurring in more than this fraction of training documents (vocabulary mode).
    public var maxDocumentFrequency: Double
    /// Keep only the most frequent terms (by total count; ties by term) (vocabulary mode).
    public var maxFeatures: Int?
    /// `nil`: a vocabulary learned from the training data. `k`: hash into 2^k buckets
    /// (``FeatureHashing``), which needs no vocabulary and is stateless.
    public var hashBits: Int?
    public var weighting: Weighting
    /// Use 1 + ln(tf) instead of tf (tfidf and counts weighting).
    public var sublinearTF: Bool
    public var normalization: Normalization
    /// Word n-grams of the context around the text (``Document/context``), as separate
    /// features prefixed `x`; nil (the default) ignores the context.
    public var contextNGrams: NGramRange?

    public static let contextPrefix = "x"

    public init(
        tokenizer: Tokenizer = Tokenizer(),
        ngrams: NGramGenerator = NGramGenerator(words: NGramRange(1, 2), characters: NGramRange(2, 5)),
        minDocumentFrequency: Int = 1,
        maxDocumentFrequency: Double = 1.0,
        maxFeatures: Int? = nil,
        hashBits: Int? = nil,
        weighting: Weighting = .tfidf,
        sublinearTF: Bool = true,
        normalization: Normalization = .l2,
        contextNGrams: NGramRange? = nil
    ) {
        self.contextNGrams = contextNGrams
        self.tokenizer = tokenizer
        self.ngrams = ngrams
        self.minDocumentFrequency = minDocumentFrequency
        self.maxDocumentFrequency = maxDocumentFrequency
        self.maxFeatures = maxFeatures
        self.hashBits = hashBits
        self.weighting = weighting
        self.sublinearTF = sublinearTF
        self.normalization = normalization
    }

    /// Word 1–2 + char 2–5 (within words), sublinear TF-IDF, L2 rows.
    public static let standard = FeatureConfiguration()

    /// Checks ranges before any work starts; the message names the setting, the rule and the value.
    public func validate() throws(FeatureConfigurationError) {
        if ngrams.words == nil && ngrams.characters == nil {
            throw .invalid("no features: both word and character n-grams are switched off; enable one (e.g. --word-ngrams 1-2)")
        }
        for (name, range) in [("word-ngrams", ngrams.words), ("char-ngrams", ngrams.characters), ("context-ngrams", contextNGrams)] {
            if let range, !(range.lower >= 1 && range.upper >= range.lower && range.upper <= 16) {
                throw .invalid("\(name) must be a range like 1-3 with 1 ≤ low ≤ high ≤ 16, got \(range.lower)-\(range.upper)")
            }
        }
        if minDocumentFrequency < 1 {
            throw .invalid("min-df must be at least 1, got \(minDocumentFrequency)")
        }
        if !(maxDocumentFrequency > 0 && maxDocumentFrequency <= 1) {
            throw .invalid("max-df is a fraction of documents in (0, 1], got \(maxDocumentFrequency)")
        }
        if let maxFeatures, maxFeatures < 1 {
            throw .invalid("max-features must be at least 1, got \(maxFeatures)")
        }
        if let hashBits {
            if !(1...30).contains(hashBits) {
                throw .invalid("hash-bits must be between 1 and 30 (2 to 2^30 buckets), got \(hashBits)")
            }
            if minDocumentFrequency != 1 || maxDocumentFrequency != 1 || maxFeatures != nil {
                throw .invalid("min-df, max-df and max-features need a vocabulary; they cannot be combined with hash-bits")
            }
        }
    }
}

public enum FeatureConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)
    public var description: String {
        switch self { case .invalid(let message): return message }
    }
}
