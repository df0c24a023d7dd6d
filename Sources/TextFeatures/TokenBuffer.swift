/// The tokens of one text, stored as UTF-8 bytes in a single reusable array: " tok₁ tok₂ … tokₙ ".
///
/// Why this layout: featurising must not allocate a `String` per token or per n-gram. With one
/// space before, between and after the tokens, every feature the ``NGramGenerator`` makes is a
/// *contiguous* byte range of this array — a word n-gram is the bytes from the start of its first
/// token to the end of its last (tokens never contain a space), and a token padded with a space
/// on either side, as the `char_wb` n-grams need, is the token's range widened by one byte each
/// way. Hashing or looking up a feature is then a walk over bytes already in cache.
///
/// The arrays are storage, sized ahead and never shrunk; `length` and `count` say how much of
/// them is in use. The byte scanner reserves room for the worst case of a text up front and then
/// writes through a ``TokenWriter`` (plain pointer stores): an `Array.append` per byte or per
/// token paid a capacity and a uniqueness check each time, a tenth of featurising.
///
/// Keep one buffer per thread and refill it per document (``Tokenizer/tokenize(_:into:)``); it
/// keeps its capacity.
public struct TokenBuffer: Sendable {
    private var storage: [UInt8] = [0x20]
    private var startStorage: [Int32] = []
    private var endStorage: [Int32] = []
    /// Bytes in use: " tok₁ tok₂ … " (a lone " " when there are no tokens).
    public private(set) var length = 1
    /// Tokens in use.
    public private(set) var count = 0

    public init() {}

    public mutating func removeAll() {
        length = 1
        count = 0
    }

    /// Calls `body` with the bytes in use and the token bounds: token i is
    /// `bytes[starts[i] ..< ends[i]]`.
    @inline(__always)
    public func withTokens<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>) -> R) -> R {
        storage.withUnsafeBufferPointer { bytes in
            startStorage.withUnsafeBufferPointer { starts in
                endStorage.withUnsafeBufferPointer { ends in
                    body(UnsafeBufferPointer(rebasing: bytes[0..<length]),
                         UnsafeBufferPointer(rebasing: starts[0..<count]),
                         UnsafeBufferPointer(rebasing: ends[0..<count]))
                }
            }
        }
    }

    /// Appends tokens through a writer, with room for at most `bytes` more bytes and `tokens`
    /// more tokens: the caller's worst case. The writer checks the room once per token.
    mutating func write(reservingBytes bytes: Int, tokens: Int, _ body: (inout TokenWriter) -> Void) {
        Self.grow(&storage, to: length + bytes, keeping: length)
        Self.grow(&startStorage, to: count + tokens, keeping: count)
        Self.grow(&endStorage, to: count + tokens, keeping: count)
        let (newLength, newCount) = storage.withUnsafeMutableBufferPointer { b in
            startStorage.withUnsafeMutableBufferPointer { s in
                endStorage.withUnsafeMutableBufferPointer { e in
                    var writer = TokenWriter(bytes: b.baseAddress!, length: length, byteLimit: b.count,
                                             starts: s.baseAddress!, ends: e.baseAddress!, count: count, tokenLimit: s.count)
                    body(&writer)
                    return (writer.length, writer.count)
                }
            }
        }
        length = newLength
        count = newCount
    }

    /// Grows `array` to at least `size` elements, keeping its first `used`. The new room is left
    /// unwritten (every element is written before `length` or `count` covers it), so a long
    /// document's worst-case reservation costs address space, not memory: zero-filling it
    /// committed eleven bytes per input byte.
    private static func grow<T: BitwiseCopyable>(_ array: inout [T], to size: Int, keeping used: Int) {
        guard array.count < size else { return }
        let capacity = max(size, 2 * array.count)
        array = array.withUnsafeBufferPointer { old in
            [T](unsafeUninitializedCapacity: capacity) { new, initialized in
                new.baseAddress!.initialize(from: old.baseAddress!, count: used)
                initialized = capacity
            }
        }
    }

    /// Appends one whole token (the slow paths: informal-text options).
    public mutating func append(_ token: String) {
        let utf8 = token.utf8
        write(reservingBytes: utf8.count + 1, tokens: 1) { w in
            w.beginToken()
            for b in utf8 { w.byte(b) }
            w.endToken()
        }
    }

    /// Token i as a `String` (for tests, explanations and the slow paths).
    public func token(_ i: Int) -> String {
        String(decoding: storage[Int(startStorage[i]) ..< Int(endStorage[i])], as: UTF8.self)
    }

    public var tokens: [String] { (0..<count).map(token) }
}

/// Writes tokens into room a ``TokenBuffer`` reserved: every byte is a plain pointer store. The
/// room is checked once per token, at its start (a token) and at its end (its bytes), so a
/// caller's wrong worst case stops the program instead of running on over the heap.
struct TokenWriter {
    let bytes: UnsafeMutablePointer<UInt8>
    var length: Int
    let byteLimit: Int
    let starts: UnsafeMutablePointer<Int32>
    let ends: UnsafeMutablePointer<Int32>
    var count: Int
    let tokenLimit: Int

    /// Starts a token; write its bytes with ``byte(_:)`` and close it with ``endToken()``.
    @inline(__always) mutating func beginToken() {
        precondition(count < tokenLimit, "TokenWriter: more tokens than reserved")
        starts[count] = Int32(length)
    }
    @inline(__always) mutating func byte(_ b: UInt8) {
        bytes[length] = b
        length += 1
    }
    @inline(__always) mutating func endToken() {
        precondition(length < byteLimit, "TokenWriter: more bytes than reserved")
        ends[count] = Int32(length)
        count += 1
        bytes[length] = 0x20
        length += 1
    }

    /// A whole token from a literal (`<url>`, `@user`, normalised punctuation).
    @inline(__always) mutating func token(_ literal: StaticString) {
        beginToken()
        let p = literal.utf8Start
        for k in 0..<literal.utf8CodeUnitCount { byte(p[k]) }
        endToken()
    }
}
