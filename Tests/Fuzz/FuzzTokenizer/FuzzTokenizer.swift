// Fuzz harness: the tokeniser (every option) and the n-gram generator.
import TextFeatures

/// Any bytes, as lossy UTF-8: tokens are never empty and never contain white space.
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
    }
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
