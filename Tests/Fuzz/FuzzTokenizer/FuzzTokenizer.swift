// Fuzz harness: the tokeniser (every option) and the n-gram generator, and a differential check
// of the byte-level fast path (tokenizer and feature scanner) against the readable String path.
import TextFeatures

/// Any bytes, as lossy UTF-8: tokens are never empty and never contain white space; the fast
/// byte path gives exactly the String path's tokens and features.
func fuzz(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    for tokenizer in [Tokenizer(), Tokenizer(lowercase: false, punctuation: false),
                      Tokenizer(splitHashtags: true, squeezeElongations: true, markNegation: true)] {
        let tokens = tokenizer.tokens(text)
        for token in tokens {
            precondition(!token.isEmpty, "empty token")
            precondition(!token.contains(where: { $0 == " " || $0 == "\n" }), "token with white space: \(token)")
        }
        _ = NGramGenerator(words: NGramRange(1, 3), characters: NGramRange(1, 5)).features(of: tokens)
        precondition(tokenizer.fastTokens(text) == tokens, "byte tokenizer differs on \(text.debugDescription)")
    }
    let configuration = FeatureConfiguration(ngrams: NGramGenerator(words: NGramRange(1, 3), characters: NGramRange(1, 5)),
                                             contextNGrams: NGramRange(1, 2))
    let document = Document(text: text, context: "“" + text + "” he said " + text.prefix(7))
    var reference: [String: Int] = [:], scanned: [String: Int] = [:]
    FeatureCounts.forEachFeature(of: document, configuration) { reference[$0, default: 0] += 1 }
    var scanner = FeatureScanner(configuration: configuration)
    scanner.forEachFeature(of: document) { feature in
        let name = feature.string
        scanned[name, default: 0] += 1
        precondition(feature.hash32 == FeatureHashing.fnv1a32(name) && feature.key64 == FeatureKey.of(name), "hash of \(name)")
    }
    precondition(scanned == reference, "feature scanner differs on \(text.debugDescription)")
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

@_cdecl("FuzzTokenizer_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var (count, vector) = (argc, argv)
    return LLVMFuzzerRunDriver(&count, &vector, fuzzOneInput)
}
#else
@_cdecl("FuzzTokenizer_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    print("FuzzTokenizer is a libFuzzer harness; build and run it with `make fuzz` (see Tests/Fuzz/README.md)")
    return 1
}
#endif
