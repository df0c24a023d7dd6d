/// One CSV or TSV record: its fields and the line it starts on.
struct DelimitedRow {
    var fields: [String]
    /// 1-based; a record whose quoted fields hold line breaks spans several lines.
    var line: Int
    /// The file offset of the first NUL byte in the record, reported by the reader, not here,
    /// so that a bad record can be skipped without losing our place in the file.
    var nulOffset: Int?
}

/// Splits CSV (RFC 4180) or TSV bytes into records, one call at a time.
///
/// RFC 4180 in short: fields are separated by the delimiter; a field may be wrapped in double
/// quotes, and then it may hold delimiters and line breaks, with a quote inside written as two
/// (`""`). LF, CRLF and lone CR all end a record. Where the RFC is silent we follow Python's
/// `csv` module, which most corpora were written with: a quote in the middle of an unquoted
/// field is an ordinary character (`5" screen`), text after a closing quote is kept (`"ab"c` →
/// `abc`), and line breaks inside quotes are kept as written. Lines holding only spaces (or
/// tabs, in CSV) are skipped: they are layout, not one-field records.
///
/// The one unrecoverable error is a quote that is never closed: everything after it belongs to
/// one field, so no later record can be trusted. It is thrown with the line where it opened.
struct DelimitedParser {
    private let bytes: [UInt8]
    private let delimiter: UInt8
    private let file: String
    private var position: Int
    /// The physical line at `position`.
    private var line = 1

    init(_ bytes: [UInt8], from start: Int, delimiter: UInt8, file: String) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.file = file
        self.position = start
    }

    /// The next record, or nil at the end of the file.
    mutating func nextRow() throws(DataFileError) -> DelimitedRow? {
        skipBlankLines()
        guard position < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var nulOffset: Int?
        while true {
            fields.append(try readField(&nulOffset))
            guard position < bytes.count else { break }
            if bytes[position] == delimiter {
                position += 1  // a delimiter at the very end leaves one more, empty, field
                continue
            }
            consumeLineBreak()
            break
        }
        return DelimitedRow(fields: fields, line: startLine, nulOffset: nulOffset)
    }

    private mutating func readField(_ nulOffset: inout Int?) throws(DataFileError) -> String {
        if position < bytes.count && bytes[position] == ASCII.quote {
            return try readQuotedField(&nulOffset)
        }
        let start = position
        readUnquoted(&nulOffset)
        return bytes.string(start..<position)
    }

    /// Moves `position` to the next delimiter or line break (or the end), noting any NUL.
    private mutating func readUnquoted(_ nulOffset: inout Int?) {
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if byte == delimiter || byte == ASCII.lineFeed || byte == ASCII.carriageReturn { return }
            if byte == ASCII.nul && nulOffset == nil { nulOffset = position }
            position += 1
        }
    }

    private mutating func readQuotedField(_ nulOffset: inout Int?) throws(DataFileError) -> String {
        let count = bytes.count
        let openingLine = line
        position += 1  // the opening quote
        var value: [UInt8] = []
        var segmentStart = position
        while true {
            guard position < count else {
                throw DataFileError(
                    file: file, line: openingLine,
                    problem: "a quoted field opens here and is never closed, so the rest of the file would be one field",
                    hint: "end the field with a double quote, and write a quote inside a field as two (\"\")")
            }
            let byte = bytes[position]
            if byte == ASCII.quote {
                value.append(contentsOf: bytes[segmentStart..<position])
                if position + 1 < count && bytes[position + 1] == ASCII.quote {
                    value.append(ASCII.quote)  // "" stands for one quote
                    position += 2
                    segmentStart = position
                    continue
                }
                position += 1  // the closing quote
                break
            }
            if byte == ASCII.lineFeed {
                line += 1
            } else if byte == ASCII.carriageReturn && !(position + 1 < count && bytes[position + 1] == ASCII.lineFeed) {
                line += 1  // a lone CR; in CRLF the LF does the counting
            } else if byte == ASCII.nul && nulOffset == nil {
                nulOffset = position
            }
            position += 1
        }
        let tailStart = position
        readUnquoted(&nulOffset)
        value.append(contentsOf: bytes[tailStart..<position])
        return String(decoding: value, as: UTF8.self)
    }

    /// Steps over one LF, CRLF or CR at `position`.
    private mutating func consumeLineBreak() {
        let isCRLF = bytes[position] == ASCII.carriageReturn && position + 1 < bytes.count
            && bytes[position + 1] == ASCII.lineFeed
        position += isCRLF ? 2 : 1
        line += 1
    }

    /// Skips empty lines and lines of spaces (and of tabs, when tab is not the delimiter).
    private mutating func skipBlankLines() {
        let count = bytes.count
        while position < count {
            var index = position
            while index < count
                && (bytes[index] == ASCII.space || (bytes[index] == ASCII.tab && delimiter != ASCII.tab)) {
                index += 1
            }
            if index == count {
                position = count
                return
            }
            guard bytes[index] == ASCII.lineFeed || bytes[index] == ASCII.carriageReturn else { return }
            position = index
            consumeLineBreak()
        }
    }
}
