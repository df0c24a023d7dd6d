import ArgumentParser
import Classifiers
import TextFeatures

/// Feature settings. Anything not given takes the chosen learner's default
/// (``ClassifierKind/defaultFeatures``), so `--classifier nb` alone gets NB's best features.
struct FeatureOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Word n-gram lengths, e.g. 1-2; 0 turns word n-grams off.", valueName: "range"))
    var wordNgrams: String?

    @Option(name: .long, help: ArgumentHelp("Character n-gram lengths within words, e.g. 2-5; 0 turns them off.", valueName: "range"))
    var charNgrams: String?

    @Option(name: .long, help: "Keep terms found in at least this many training documents.")
    var minDf: Int?

    @Option(name: .long, help: "Drop terms found in more than this fraction of training documents.")
    var maxDf: Double?

    @Option(name: .long, help: "Keep only this many of the most frequent terms.")
    var maxFeatures: Int?

    @Option(name: .long, help: "Hash features into 2^k buckets instead of learning a vocabulary.")
    var hashBits: Int?

    @Option(name: .long, help: "Term weighting: counts, binary or tfidf.")
    var weighting: FeatureConfiguration.Weighting?

    @Option(name: .long, help: "Use 1 + log(tf) for term frequency: true or false.")
    var sublinearTf: Bool?

    @Option(name: .long, help: "Row normalisation: l2 or none.")
    var norm: FeatureConfiguration.Normalization?

    @Option(name: .long, help: ArgumentHelp("Word n-grams of the context around each text (--context-field), as separate features, e.g. 1-2.", valueName: "range"))
    var contextNgrams: String?

    @Flag(name: .long, help: "Keep letter case (by default text is lower-cased).")
    var keepCase = false

    @Flag(name: .long, help: "Drop punctuation tokens.")
    var noPunctuation = false

    @Flag(name: .long, help: "Tweets: also split #CamelCaseHashtags into their words.")
    var splitHashtags = false

    @Flag(name: .long, help: "Tweets: cut letters repeated 3+ times to two (soooo → soo).")
    var squeezeElongations = false

    @Flag(name: .long, help: "Mark words after a negation (not, never, …n't) up to the next punctuation with _NEG.")
    var markNegation = false

    func validate() throws {
        for (name, value) in [("--word-ngrams", wordNgrams), ("--char-ngrams", charNgrams), ("--context-ngrams", contextNgrams)] {
            if let value, value != "0", NGramRange(parsing: value) == nil {
                throw ValidationError("\(name) takes a range like 1-3 (or 0 for none), got '\(value)'")
            }
        }
    }

    func configuration(for kind: ClassifierKind) -> FeatureConfiguration {
        var c = kind.defaultFeatures
        if let wordNgrams { c.ngrams.words = wordNgrams == "0" ? nil : NGramRange(parsing: wordNgrams) }
        if let charNgrams { c.ngrams.characters = charNgrams == "0" ? nil : NGramRange(parsing: charNgrams) }
        if let contextNgrams { c.contextNGrams = contextNgrams == "0" ? nil : NGramRange(parsing: contextNgrams) }
        if let minDf { c.minDocumentFrequency = minDf }
        if let maxDf { c.maxDocumentFrequency = maxDf }
        if let maxFeatures { c.maxFeatures = maxFeatures }
        if let hashBits { c.hashBits = hashBits }
        if let weighting { c.weighting = weighting }
        if let sublinearTf { c.sublinearTF = sublinearTf }
        if let norm { c.normalization = norm }
        c.tokenizer = Tokenizer(lowercase: !keepCase, punctuation: !noPunctuation, splitHashtags: splitHashtags,
                                squeezeElongations: squeezeElongations, markNegation: markNegation)
        return c
    }
}

extension FeatureConfiguration.Weighting: ExpressibleByArgument {}
extension FeatureConfiguration.Normalization: ExpressibleByArgument {}
