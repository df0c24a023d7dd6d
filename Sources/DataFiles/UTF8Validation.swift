/// Checking that a file is UTF-8 before parsing it, so bad bytes are reported, never repaired.
///
/// `String(decoding:as:)` silently replaces bad bytes with U+FFFD, which would let a Latin-1
/// or Windows-1252 file train a model on mangled words without a warning. So the whole buffer
/// is checked once, up front, and the first bad byte is reported with its line and offset.
/// It is a file-level error (never skipped by `skipBadRows`): a file with one bad byte is
/// almost always entirely in another encoding, and skipping rows would drop most of it quietly.
enum UTF8Validation {
    /// The 3 bytes of a UTF-8 byte-order mark, which some Windows editors write first.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The number of bytes to skip at the start: 3 after a UTF-8 BOM, else 0.
    static func byteOrderMarkLength(_ bytes: [UInt8]) -> Int {
        bytes.starts(with: byteOrderMark) ? 3 : 0
    }

    /// Throws when the buffer starts with a UTF-16 byte-order mark or holds a byte sequence
    /// that is not UTF-8 (overlong forms, surrogates and code points past U+10FFFF included).
    static func validate(_ bytes: [UInt8], from start: Int, file: String) throws(DataFileError) {
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            throw DataFileError(file: file, problem: "is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8",
                                hint: "save it as UTF-8, e.g. iconv -f utf-16 -t utf-8")
        }
        guard let offset = firstInvalidByte(in: bytes, from: start) else { return }
        throw DataFileError(file: file, line: bytes.lineNumber(ofOffset: offset, from: start),
                            problem: "is not valid UTF-8: byte 0x\(hex(bytes[offset])) at byte offset \(offset) does not start a valid UTF-8 character",
                            hint: "save the file as UTF-8; if it is Latin-1 or Windows-1252, convert it with iconv -f windows-1252 -t utf-8")
    }

    /// The offset of the first byte of the first ill-formed sequence, or nil when all of
    /// `bytes[start...]` is UTF-8. The ranges follow the Unicode standard's table of well-formed
    /// byte sequences (Table 3-7), which rules out overlongs and surrogates by the second byte.
    static func firstInvalidByte(in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) -> Int? in
            let count = buffer.count
            var index = start
            while index < count {
                // ASCII, most of any corpus, eight bytes at a time.
                while index + 8 <= count,
                      UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                guard index < count else { break }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var secondLow: UInt8 = 0x80, secondHigh: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; secondLow = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; secondHigh = 0x9F
                case 0xF0: length = 4; secondLow = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; secondHigh = 0x8F
                default: return index
                }
                guard index + length <= count else { return index }
                let second = buffer[index + 1]
                guard second >= secondLow && second <= secondHigh else { return index }
                for continuation in 2..<length where buffer[index + continuation] & 0xC0 != 0x80 {
                    return index
                }
                index += length
            }
            return nil
        }
    }
}
