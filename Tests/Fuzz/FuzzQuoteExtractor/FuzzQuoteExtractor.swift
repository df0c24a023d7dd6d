// Fuzz harness: the quoted-statement extractor.
import Articles

/// Any text: every statement lies inside the article, with a non-empty text.
func fuzz(_ bytes: [UInt8]) {
    let article = String(decoding: bytes, as: UTF8.self)
    let length = article.unicodeScalars.count
    for s in QuoteExtractor().extract(from: article) {
        precondition(0 <= s.start && s.start < s.end && s.end <= length, "offsets \(s.start)..<\(s.end) outside 0..<\(length)")
        precondition(!s.text.isEmpty, "empty statement")
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

@_cdecl("FuzzQuoteExtractor_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var (count, vector) = (argc, argv)
    return LLVMFuzzerRunDriver(&count, &vector, fuzzOneInput)
}
#else
@_cdecl("FuzzQuoteExtractor_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    print("FuzzQuoteExtractor is a libFuzzer harness; build and run it with `make fuzz` (see Tests/Fuzz/README.md)")
    return 1
}
#endif
