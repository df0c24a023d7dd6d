import Foundation
import TextFeatures
import Testing

/// The byte-level featuriser must make exactly the features of the readable String path; these
/// tests compare the two on tricky strings, random Unicode and real corpora.

private let tricky: [String] = [
    "We’re not entering into a transaction, ” Dunford insisted.",
    "@User see https://t.co/xyz! #SemST http://a.b/c). www.x.org” HTTP://LOUD.com Www.Mixed.org",
    "1,000 troops cost $3.5 billion; 1.2.3 a,b 9,x x,9 9.",
    "well-known rock'n'roll -- end- -start a--b it’s rock‘n’roll O`Neil ´quoted´ x' 'y",
    "ÉTAT «Paix» Москва İstanbul ΣΑΣ straße ǅemal Ⅻ ½ ٣ 𝒳𝒴 e\u{301}te",
    "emoji 😀❤️👍🏽 flags 🇺🇸🇷🇺 zwj 👩‍👩‍👧 \u{200B}zero\u{FEFF}width\u{00A0}nbsp\u{2028}ls",
    "#tag_with_underscore #123 #Über @émile x@y #'quote ##double @@ #-",
    "a…b — c – d − e ‘’“”„‟‹›«» \u{7F}\u{1}ctrl",
    "", " ", "x", "#", "@", "'", "’", "http://", "www.", "h", "w",
]

private func randomText(_ generator: inout SystemRandomNumberGeneratorSeeded) -> String {
    let alphabet: [Unicode.Scalar] = Array("aZ09_ '’‘`´-.,#@:/hwtpHW!?\"“”«»ÉéСсΣσİı\u{301}\u{FE0F}😀…—\t\n\u{A0}\u{200B}".unicodeScalars)
    var view = String.UnicodeScalarView()
    for _ in 0..<Int(generator.next() % 40) {
        view.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
    }
    return String(view)
}

/// A small deterministic generator (SplitMix64), so failures reproduce.
private struct SystemRandomNumberGeneratorSeeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private let tokenizers = [
    Tokenizer(),
    Tokenizer(lowercase: false),
    Tokenizer(punctuation: false),
    Tokenizer(splitHashtags: true, squeezeElongations: true, markNegation: true),
]

@Test func byteTokenizerMatchesScalarRulesOnTrickyText() {
    for tokenizer in tokenizers {
        for text in tricky {
            #expect(tokenizer.fastTokens(text) == tokenizer.tokens(text), "\(tokenizer) on \(text.debugDescription)")
        }
    }
}

@Test func byteTokenizerMatchesScalarRulesOnRandomUnicode() {
    var generator = SystemRandomNumberGeneratorSeeded(state: 2026)
    for _ in 0..<20_000 {
        let text = randomText(&generator)
        for tokenizer in tokenizers.prefix(3) where tokenizer.fastTokens(text) != tokenizer.tokens(text) {
            Issue.record("\(tokenizer) differs on \(text.debugDescription): \(tokenizer.fastTokens(text)) vs \(tokenizer.tokens(text))")
            return
        }
    }
}

/// The features of the reference path, as a multiset.
private func referenceFeatures(_ document: Document, _ configuration: FeatureConfiguration) -> [String: Int] {
    var out: [String: Int] = [:]
    FeatureCounts.forEachFeature(of: document, configuration) { out[$0, default: 0] += 1 }
    return out
}

private func scannedFeatures(_ document: Document, _ configuration: FeatureConfiguration) -> [String: Int] {
    var out: [String: Int] = [:]
    var scanner = FeatureScanner(configuration: configuration)
    scanner.forEachFeature(of: document) { feature in
        let name = feature.string
        out[name, default: 0] += 1
        #expect(feature.hash32 == FeatureHashing.fnv1a32(name))
        #expect(feature.key64 == FeatureKey.of(name))
    }
    return out
}

private let configurations = [
    FeatureConfiguration.standard,
    FeatureConfiguration(ngrams: NGramGenerator(words: NGramRange(1, 3), characters: NGramRange(1, 6)), contextNGrams: NGramRange(1, 2)),
    FeatureConfiguration(ngrams: NGramGenerator(words: nil, characters: NGramRange(3, 3))),
    // Bigrams alone: the paired unigram/bigram walk without emitting the unigrams.
    FeatureConfiguration(ngrams: NGramGenerator(words: NGramRange(2, 2), characters: nil), contextNGrams: NGramRange(2, 2)),
]

@Test func scannerMakesTheReferenceFeatures() {
    var generator = SystemRandomNumberGeneratorSeeded(state: 7)
    let documents = tricky.map { Document(text: $0, context: "“\($0)” he said, adding: \($0.prefix(5))") }
        + (0..<2_000).map { _ in Document(text: randomText(&generator), context: randomText(&generator)) }
    for configuration in configurations {
        for document in documents where scannedFeatures(document, configuration) != referenceFeatures(document, configuration) {
            Issue.record("features differ for \(document.text.debugDescription)")
            return
        }
    }
}

/// The byte scanner reserves 3n + 8 bytes and n + 1 tokens up front and writes without checks
/// per byte; the texts that come closest to that bound (a token per input byte, or three output
/// bytes per input byte) tokenise exactly as the scalar rules say.
@Test func worstCaseTextsFitTheReservedRoom() {
    let texts = [String(repeating: "@x ", count: 3_000), String(repeating: "@x,", count: 3_000),
                 String(repeating: ",", count: 10_000), String(repeating: "…", count: 3_000),
                 String(repeating: "www. ", count: 2_000), String(repeating: "#a ", count: 3_000),
                 String(repeating: "«»", count: 2_000), "@x", ",", "…", "www.", "a", ""]
    for tokenizer in [Tokenizer(), Tokenizer(lowercase: false)] {
        for text in texts where tokenizer.fastTokens(text) != tokenizer.tokens(text) {
            Issue.record("differs on \(text.prefix(40).debugDescription)…")
        }
    }
}

/// The running hashes (a word n-gram's hash continues its first words') are the hashes of the
/// names, as multisets: the hashed and vocabulary paths see exactly the reference features.
@Test func runningHashesAreTheHashesOfTheNames() {
    var generator = SystemRandomNumberGeneratorSeeded(state: 11)
    let documents = tricky.map { Document(text: $0, context: "“\($0)” she said: \($0.suffix(7))") }
        + (0..<500).map { _ in Document(text: randomText(&generator), context: randomText(&generator)) }
    let bits = 24
    for configuration in configurations {
        var scanner = FeatureScanner(configuration: configuration)
        for document in documents {
            var names: [String] = []
            FeatureCounts.forEachFeature(of: document, configuration) { names.append($0) }
            var buckets: [Int32] = [], keys: [UInt64] = []
            scanner.forEachBucket(of: document, bits: bits) { buckets.append($0) }
            scanner.forEachKey(of: document) { keys.append($0) }
            let expectedBuckets = names.map { FeatureHashing.bucket($0, bits: bits) }.sorted()
            let expectedKeys = names.map { FeatureKey.of($0) }.sorted()
            if buckets.sorted() != expectedBuckets || keys.sorted() != expectedKeys {
                Issue.record("running hashes differ for \(document.text.debugDescription) under \(configuration)")
                return
            }
        }
    }
}

/// Real text, when the shared data sets are present: every MR sentence and FNC-1 article body
/// (hundreds of thousands of real-world strings with their quotes, dashes and odd bytes).
@Test(.enabled(if: sharedDatasets != nil, "../shared/datasets not found (set STANCE_DATA); skipping the real-corpus comparison"))
func byteTokenizerMatchesScalarRulesOnRealCorpora() throws {
    let root = sharedDatasets!
    var texts: [String] = []
    for name in ["sentences/mr.tsv", "news/fnc1-train-bodies.csv"] {
        let data = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
        texts += data.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
    #expect(texts.count > 10_000)
    let tokenizer = Tokenizer()
    var mismatches = 0
    for text in texts where tokenizer.fastTokens(text) != tokenizer.tokens(text) {
        mismatches += 1
        if mismatches <= 3 { Issue.record("differs on \(text.prefix(200).debugDescription)") }
    }
    #expect(mismatches == 0)
}

private let sharedDatasets: URL? = {
    if let path = ProcessInfo.processInfo.environment["STANCE_DATA"] { return URL(fileURLWithPath: path) }
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/datasets").standardized
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}()
