import Foundation

/// One physical line of the input: the byte range of its content, without the line break.
struct ByteLine {
    /// Indices into the whole file's bytes.
    var range: Range<Int>
    /// 1-based, counted over every line of the file, blank ones included.
    var number: Int
}

/// Splits bytes into lines at LF, CRLF or a lone CR, without decoding anything.
///
/// Scanning bytes rather than calling `String.components(separatedBy:)` matters for corpora of
/// hundreds of megabytes: it neither copies the file into one big `String` nor allocates an
/// array of all lines up front. Accepting all three line ends makes files from Windows (CRLF)
/// and classic Mac OS or some spreadsheet exports (CR) read the same as Unix ones, and numbers
/// lines the way editors do. A final line break does not start an extra, empty line.
struct ByteLines: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private var position: Int
    private var lastNumber = 0
    /// The first LF at or after `position` once searched for (`count` when there is none).
    private var nextLineFeed = -1

    /// Lines of `bytes` from `start` on (after a byte-order mark, say); the first is numbered
    /// `firstNumber` (a chunk of a file read piece by piece starts where the last one ended).
    init(_ bytes: [UInt8], from start: Int = 0, firstNumber: Int = 1) {
        self.bytes = bytes
        self.position = start
        self.lastNumber = firstNumber - 1
    }

    mutating func next() -> ByteLine? {
        let count = bytes.count
        guard position < count else { return nil }
        let lineStart = position
        // The next LF, then the first CR before it: vectorised memchr scans instead of a
        // byte-by-byte loop testing both (line splitting was a serial pass over every byte).
        // The LF found is remembered, so a file of CR-only line ends is not searched to its end
        // once per line.
        if nextLineFeed < position {
            nextLineFeed = bytes.firstIndex(of: ASCII.lineFeed, in: position..<count) ?? count
        }
        var index = bytes.firstIndex(of: ASCII.carriageReturn, in: position..<nextLineFeed) ?? nextLineFeed
        let lineEnd = index
        if index < count {
            let isCRLF = bytes[index] == ASCII.carriageReturn && index + 1 < count
                && bytes[index + 1] == ASCII.lineFeed
            index += isCRLF ? 2 : 1
        }
        position = index
        lastNumber += 1
        return ByteLine(range: lineStart..<lineEnd, number: lastNumber)
    }
}

/// The ASCII bytes the readers look for.
enum ASCII {
    static let nul: UInt8 = 0x00
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let verticalTab: UInt8 = 0x0B
    static let formFeed: UInt8 = 0x0C
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C

    /// Space, tab, vertical tab, form feed, CR and LF: what trimming removes. Unicode spaces
    /// (NBSP and friends) are kept: they may be meaningful in a text and are rare at its ends.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || (byte >= tab && byte <= carriageReturn)
    }
}

extension Array where Element == UInt8 {
    /// The text of a range. The whole buffer was validated as UTF-8 before any parsing, so
    /// decoding cannot meet (and silently repair) a bad sequence here.
    func string(_ range: Range<Int>) -> String {
        String(decoding: self[range], as: UTF8.self)
    }

    /// True when the range holds only ASCII whitespace (or nothing).
    func isBlank(_ range: Range<Int>) -> Bool {
        for index in range where !ASCII.isWhitespace(self[index]) { return false }
        return true
    }

    /// The range without ASCII whitespace at either end.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper && ASCII.isWhitespace(self[lower]) { lower += 1 }
        while upper > lower && ASCII.isWhitespace(self[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The index of the first `byte` in `range`, if any, by memchr (vectorised in the C library).
    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "firstIndex(of:in:): range outside the array")
        guard !range.isEmpty else { return nil }
        return withUnsafeBufferPointer { buffer in
            memchr(buffer.baseAddress! + range.lowerBound, Int32(byte), range.count)
                .map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - buffer.baseAddress! }
        }
    }

    /// Whether the range starts with the ASCII text `prefix`.
    func hasPrefix(_ prefix: StaticString, in range: Range<Int>) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard range.count >= count else { return false }
        return prefix.withUTF8Buffer { (expected: UnsafeBufferPointer<UInt8>) -> Bool in
            for offset in 0..<count where self[range.lowerBound + offset] != expected[offset] { return false }
            return true
        }
    }

    /// The 1-based number of the line holding `offset`, counting LF, CRLF and lone CR as one
    /// line break each, the way ``ByteLines`` does.
    func lineNumber(ofOffset offset: Int, from start: Int) -> Int {
        var line = 1
        var index = start
        while index < offset {
            let byte = self[index]
            if byte == ASCII.lineFeed {
                line += 1
            } else if byte == ASCII.carriageReturn {
                // A CR directly followed by LF is one break; the LF is counted on its own turn.
                if !(index + 1 < count && self[index + 1] == ASCII.lineFeed) { line += 1 }
            }
            index += 1
        }
        return line
    }
}
