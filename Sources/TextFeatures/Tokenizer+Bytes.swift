/// The tokenizer's fast path: the rules of ``Tokenizer/forEachRawToken(_:_:)``, applied straight
/// to UTF-8 bytes and written into a ``TokenBuffer``, with no `String` per token.
///
/// It gives exactly the tokens of the scalar-by-scalar rules (a test compares the two on real
/// corpora and random Unicode). ASCII bytes are classified with one table lookup; other scalars
/// are decoded where they stand and classified by the same Unicode properties. Lower-casing an
/// all-ASCII text happens byte by byte on the way into the buffer; any other text is lower-cased
/// whole first (``lowercasedUTF8(_:)``, equal to the scalar path's `String.lowercased()`),
/// because lower-casing can change the number of scalars.
///
/// The informal-text options (hashtag splitting, elongations, negation) are rare and work on
/// whole tokens, so with any of them on the buffer is filled from the `String` path instead.
extension Tokenizer {
    public func tokenize(_ text: String, into buffer: inout TokenBuffer) {
        buffer.removeAll()
        if splitHashtags || squeezeElongations || markNegation {
            forEachToken(text) { buffer.append($0) }
            return
        }
        var source = text
        source.withUTF8 { bytes in
            guard lowercase, !Self.isASCII(bytes) else {
                ByteScanner(s: bytes, lowerASCII: lowercase, punctuation: punctuation).scan(into: &buffer)
                return
            }
            let lowered = Self.lowercasedUTF8(bytes)
            lowered.withUnsafeBufferPointer { lowered in
                ByteScanner(s: lowered, lowerASCII: false, punctuation: punctuation).scan(into: &buffer)
            }
        }
    }

    /// Whether every byte is below 0x80, eight bytes at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        var high: UInt64 = 0
        while i + 8 <= n {
            high |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            i += 8
        }
        while i < n { high |= UInt64(base[i]); i += 1 }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// `String(decoding: bytes).lowercased()` as UTF-8, built the same way — each scalar
    /// replaced by its full lower-case mapping, with no context — but ASCII bytes (most of any
    /// English text) map through arithmetic instead of the Unicode tables, which made
    /// `lowercased()` a tenth of featurising text with a few curly quotes in it.
    static func lowercasedUTF8(_ s: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count + 16)
        var i = 0
        let n = s.count
        while i < n {
            let b = s[i]
            if b < 0x80 {
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                i += 1
                continue
            }
            let length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = (value << 6) | (UInt32(s[i + k]) & 0x3F) }
            out.append(contentsOf: Unicode.Scalar(value)!.properties.lowercaseMapping.utf8)
            i += length
        }
        return out
    }

    /// The tokens of `text` by the fast path, as strings (tests compare this with ``tokens(_:)``).
    public func fastTokens(_ text: String) -> [String] {
        var buffer = TokenBuffer()
        tokenize(text, into: &buffer)
        return buffer.tokens
    }
}

/// Byte classes of ASCII, for the scanner's table lookup.
private enum ASCIIClass {
    static let space: UInt8 = 1
    static let word: UInt8 = 2
    static let digit: UInt8 = 4
    /// May join two words into one: ' ` - (between word scalars), . , (between digits).
    static let joins: UInt8 = 8

    static let table: [UInt8] = (0..<128).map { b -> UInt8 in
        switch b {
        case 0x30...0x39: return word | digit
        case 0x41...0x5A, 0x61...0x7A, 0x5F: return word
        case 0..<0x21, 0x7F: return space
        case 0x27, 0x60, 0x2D, 0x2E, 0x2C: return joins
        default: return 0
        }
    }
}

/// One pass over a UTF-8 text. Indices are byte offsets; every rule that looks one scalar back
/// or ahead decodes that scalar where it stands.
private struct ByteScanner {
    let s: UnsafeBufferPointer<UInt8>
    let n: Int
    let lowerASCII: Bool
    let punctuation: Bool
    let table = ASCIIClass.table

    init(s: UnsafeBufferPointer<UInt8>, lowerASCII: Bool, punctuation: Bool) {
        self.s = s
        self.n = s.count
        self.lowerASCII = lowerASCII
        self.punctuation = punctuation
    }

    /// The scalar starting at byte `i` and its length in bytes (the input is valid UTF-8).
    @inline(__always) func decode(_ i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(s[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 {
            return (Unicode.Scalar(((b0 & 0x1F) << 6) | (UInt32(s[i + 1]) & 0x3F))!, 2)
        }
        if b0 < 0xF0 {
            let v = ((b0 & 0x0F) << 12) | ((UInt32(s[i + 1]) & 0x3F) << 6) | (UInt32(s[i + 2]) & 0x3F)
            return (Unicode.Scalar(v)!, 3)
        }
        let v = ((b0 & 0x07) << 18) | ((UInt32(s[i + 1]) & 0x3F) << 12) | ((UInt32(s[i + 2]) & 0x3F) << 6) | (UInt32(s[i + 3]) & 0x3F)
        return (Unicode.Scalar(v)!, 4)
    }

    /// The start of the scalar that ends just before byte `i`.
    @inline(__always) func previousStart(_ i: Int) -> Int {
        var j = i - 1
        while j > 0 && s[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    @inline(__always) func isWord(at i: Int) -> Bool {
        let b = s[i]
        if b < 0x80 { return table[Int(b)] & ASCIIClass.word != 0 }
        return Tokenizer.isWordScalar(decode(i).0)
    }

    @inline(__always) func isDigit(at i: Int) -> Bool {
        let b = s[i]
        return b >= 0x30 && b <= 0x39
    }

    @inline(__always) func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? table[Int(c.value)] & ASCIIClass.space != 0 : Tokenizer.isSpace(c)
    }

    @inline(__always) func lowered(_ b: UInt8) -> UInt8 {
        lowerASCII && b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }

    /// Appends the tokens of `s` to `buffer`. Room for the worst case is reserved first: every
    /// token consumes at least one input byte, and takes at most three times the bytes it
    /// consumes, its separating space included ("@x" → "@user ", "," → ", ", "www." → "<url> "
    /// then ". "), so n + 1 tokens and 3n + 8 bytes always suffice.
    func scan(into buffer: inout TokenBuffer) {
        buffer.write(reservingBytes: 3 * n + 8, tokens: n + 1) { scan(into: &$0) }
    }

    private func scan(into buffer: inout TokenWriter) {
        var i = 0
        while i < n {
            let b = s[i]
            // The common case first: an ASCII letter or digit starts a word (or, from h or w, a URL).
            if b < 0x80 && table[Int(b)] & ASCIIClass.word != 0 {
                if b | 0x20 == 0x68 || b | 0x20 == 0x77, let end = urlEnd(from: i) {
                    buffer.token("<url>")
                    i = end
                } else {
                    i = appendWord(from: i, into: &buffer)
                }
                continue
            }
            let (c, length) = decode(i)
            if isSpace(c) { i += length; continue }
            if let end = urlEnd(from: i) {
                buffer.token("<url>")
                i = end
                continue
            }
            if (c == "@" || c == "#"), i + 1 < n, isWord(at: i + 1), i == 0 || !isWord(at: previousStart(i)) {
                let end = wordEnd(from: i + 1)
                if c == "@" {
                    buffer.token("@user")
                } else {
                    buffer.beginToken()
                    buffer.byte(0x23)
                    copyWord(i + 1, end, into: &buffer)
                    buffer.endToken()
                }
                i = end
                continue
            }
            if Tokenizer.isWordScalar(c) {
                i = appendWord(from: i, into: &buffer)
                continue
            }
            if punctuation { appendPunctuation(c, at: i, length: length, into: &buffer) }
            i += length
        }
    }

    /// Writes the word starting at `start` and returns its end. Most words are a run of ASCII
    /// letters and digits ended by a byte that cannot join words (a space, most punctuation):
    /// those are lowered and written in the same pass that finds their end. A run ended by a
    /// joiner (' ` - . ,) or a non-ASCII scalar is rewritten by the general rules.
    @inline(__always) func appendWord(from start: Int, into buffer: inout TokenWriter) -> Int {
        buffer.beginToken()
        let mark = buffer.length
        var j = start
        while j < n {
            let b = s[j]
            guard b < 0x80, table[Int(b)] & ASCIIClass.word != 0 else { break }
            buffer.byte(lowered(b))
            j += 1
        }
        if j == n || (s[j] < 0x80 && table[Int(s[j])] & ASCIIClass.joins == 0) {
            buffer.endToken()
            return j
        }
        buffer.length = mark
        let end = wordEnd(from: start)
        copyWord(start, end, into: &buffer)
        buffer.endToken()
        return end
    }

    /// Copies a word's bytes, lower-casing ASCII when asked and writing every apostrophe as '.
    func copyWord(_ start: Int, _ end: Int, into buffer: inout TokenWriter) {
        var j = start
        while j < end {
            let b = s[j]
            if b < 0x80 {
                buffer.byte(b == 0x60 ? 0x27 : lowered(b))
                j += 1
            } else {
                let (c, length) = decode(j)
                if Tokenizer.isApostrophe(c) {
                    buffer.byte(0x27)
                } else {
                    for k in j..<(j + length) { buffer.byte(s[k]) }
                }
                j += length
            }
        }
    }

    /// As ``Tokenizer/wordEnd(_:from:)``: word scalars, joined across one apostrophe or hyphen
    /// between word scalars and across "." or "," between digits.
    func wordEnd(from start: Int) -> Int {
        var j = start
        while j < n {
            let b = s[j]
            if b < 0x80 {
                if table[Int(b)] & ASCIIClass.word != 0 { j += 1; continue }
                guard j + 1 < n, j > start else { break }
                if (b == 0x27 || b == 0x60 || b == 0x2D) && isWord(at: previousStart(j)) && isWord(at: j + 1) {
                    j += 1
                    continue
                }
                if (b == 0x2E || b == 0x2C) && isDigit(at: j - 1) && isDigit(at: j + 1) {
                    j += 1
                    continue
                }
                break
            }
            let (c, length) = decode(j)
            if Tokenizer.isWordScalar(c) { j += length; continue }
            guard j + length < n, j > start else { break }
            if Tokenizer.isApostrophe(c) && isWord(at: previousStart(j)) && isWord(at: j + length) {
                j += length
                continue
            }
            break
        }
        return j
    }

    func appendPunctuation(_ c: Unicode.Scalar, at i: Int, length: Int, into buffer: inout TokenWriter) {
        switch c.value {
        case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2039, 0x203A: buffer.token("\"")
        case 0x27, 0x2018, 0x2019, 0x02BC, 0x60, 0xB4: buffer.token("'")
        case 0x2013, 0x2014, 0x2212: buffer.token("-")
        case 0x2026: buffer.token("...")
        default:
            buffer.beginToken()
            for k in i..<(i + length) { buffer.byte(s[k]) }
            buffer.endToken()
        }
    }

    /// As ``Tokenizer/urlEnd(_:from:)``: a URL starts with http://, https:// or www. after a
    /// non-word scalar and runs to the next space, minus trailing sentence punctuation.
    func urlEnd(from i: Int) -> Int? {
        func hasPrefix(_ p: StaticString) -> Bool {
            let count = p.utf8CodeUnitCount
            guard i + count <= n else { return false }
            let start = p.utf8Start
            for k in 0..<count where lowered(s[i + k]) != start[k] { return false }
            return true
        }
        let b = s[i]
        guard b == 0x68 || b == 0x77 || (lowerASCII && (b == 0x48 || b == 0x57)) else { return nil }
        guard i == 0 || !isWord(at: previousStart(i)) else { return nil }
        guard hasPrefix("http://") || hasPrefix("https://") || hasPrefix("www.") else { return nil }
        var j = i
        while j < n {
            let (c, length) = decode(j)
            if isSpace(c) { break }
            j += length
        }
        while j > i {
            let p = previousStart(j)
            guard Self.urlTrailing.contains(decode(p).0) else { break }
            j = p
        }
        return j
    }

    static let urlTrailing = Set(".,;:!?)\"”’'".unicodeScalars)
}
