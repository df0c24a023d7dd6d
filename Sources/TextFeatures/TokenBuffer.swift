/// The tokens of one text, stored as UTF-8 bytes in a single reusable array: " tok₁ tok₂ … tokₙ ".
///
/// Why this layout: featurising must not allocate a `String` per token or per n-gram. With one
/// space before, between and after the tokens, every feature the ``NGramGenerator`` makes is a
/// *contiguous* byte range of this array — a word n-gram is the bytes from the start of its first
/// token to the end of its last (tokens never contain a space), and a token padded with a space
/// on either side, as the `char_wb` n-grams need, is the token's range widened by one byte each
/// way. Hashing or looking up a feature is then a walk over bytes already in cache.
///
/// Keep one buffer per thread and refill it per document (``Tokenizer/tokenize(_:into:)``); it
/// keeps its capacity.
public struct TokenBuffer: Sendable {
    /// " tok₁ tok₂ … " (a lone " " when there are no tokens).
    public private(set) var bytes: [UInt8] = [0x20]
    /// Token i is `bytes[starts[i] ..< ends[i]]`.
    public private(set) var starts: [Int32] = []
    public private(set) var ends: [Int32] = []

    public init() {}

    public var count: Int { starts.count }

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(0x20)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// Starts a token; append its bytes with ``appendByte(_:)`` and close it with ``endToken()``.
    @inline(__always) mutating func beginToken() { starts.append(Int32(bytes.count)) }
    @inline(__always) mutating func appendByte(_ b: UInt8) { bytes.append(b) }
    @inline(__always) mutating func endToken() {
        ends.append(Int32(bytes.count))
        bytes.append(0x20)
    }

    /// Appends `source[start..<end]`, all ASCII, as one token in one bulk copy, with upper case
    /// lowered when `lower` and backticks made apostrophes (as the byte-by-byte path does).
    @inline(__always) mutating func appendASCIIToken(_ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lower: Bool) {
        let first = bytes.count
        starts.append(Int32(first))
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<end]))
        let last = bytes.count
        ends.append(Int32(last))
        bytes.append(0x20)
        bytes.withUnsafeMutableBufferPointer { b in
            for k in first..<last {
                let c = b[k]
                if c == 0x60 { b[k] = 0x27 } else if lower && c >= 0x41 && c <= 0x5A { b[k] = c | 0x20 }
            }
        }
    }

    public mutating func append(_ token: String) {
        beginToken()
        bytes.append(contentsOf: token.utf8)
        endToken()
    }

    /// Token i as a `String` (for tests, explanations and the slow paths).
    public func token(_ i: Int) -> String {
        String(decoding: bytes[Int(starts[i]) ..< Int(ends[i])], as: UTF8.self)
    }

    public var tokens: [String] { (0..<count).map(token) }
}
