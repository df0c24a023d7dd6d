/// A strict RFC 8259 parser for one line of JSON Lines.
///
/// Why not `JSONSerialization`: after it, a JSON `true` and a JSON `1` are both `NSNumber`, and
/// on Linux (swift-corelibs-foundation) there is no `CFBooleanGetTypeID` to tell them apart,
/// while `as? Bool` succeeds for 0 and 1. A label of `true` must be an error and a label of `1`
/// must be accepted, so the grammar itself has to decide. Owning the parser also gives the same
/// error text on every platform ("expected ':' after the field name at column 9"), accepts no
/// trailing commas (Foundation's Linux parser does), and skips building `NSDictionary`s.
///
/// Only the top-level object's members are kept; nested arrays and objects are fully checked
/// but reduced to their kind, since neither text nor label can be one.
struct JSONLineParser {
    let bytes: [UInt8]
    private let lineStart: Int
    let end: Int
    var position: Int
    private var depth = 0
    /// Deeper nesting is refused rather than risking the stack on a hostile `[[[[…`.
    private static let maximumDepth = 512

    private init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.lineStart = range.lowerBound
        self.end = range.upperBound
        self.position = range.lowerBound
    }

    /// Parses `bytes[range]` (one line, already valid UTF-8) as exactly one JSON value.
    static func parse(_ bytes: [UInt8], _ range: Range<Int>) throws(JSONSyntaxError) -> JSONLine {
        var parser = JSONLineParser(bytes: bytes, range: range)
        return try parser.parseLine()
    }

    private mutating func parseLine() throws(JSONSyntaxError) -> JSONLine {
        skipWhitespace()
        let line: JSONLine
        if position < end && bytes[position] == UInt8(ascii: "{") {
            line = .object(try parseObject(keepingMembers: true))
        } else {
            line = .other(try parseValue())
        }
        skipWhitespace()
        guard position == end else {
            throw failure("unexpected \(describe(position)) after the end of the JSON value", at: position)
        }
        return line
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard position < end else { throw failure("expected a value, found the end of the line", at: position) }
        switch bytes[position] {
        case ASCII.quote:
            return .string(try parseString())
        case UInt8(ascii: "{"):
            _ = try parseObject(keepingMembers: false)
            return .object
        case UInt8(ascii: "["):
            try parseArray()
            return .array
        case UInt8(ascii: "t"):
            return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"):
            return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"):
            return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw failure("expected a value, found \(describe(position))", at: position)
        }
    }

    private mutating func parseObject(keepingMembers: Bool) throws(JSONSyntaxError) -> [String: JSONValue] {
        try enterContainer()
        position += 1  // "{"
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if position < end && bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return members
        }
        while true {
            skipWhitespace()
            guard position < end && bytes[position] == ASCII.quote else {
                throw failure("expected a field name in double quotes, found \(describe(position))", at: position)
            }
            let key = try parseString()
            skipWhitespace()
            guard position < end && bytes[position] == UInt8(ascii: ":") else {
                throw failure("expected ':' after the field name \"\(key)\", found \(describe(position))", at: position)
            }
            position += 1
            let value = try parseValue()
            if keepingMembers { members[key] = value }  // a repeated name: the last one wins
            skipWhitespace()
            guard position < end else {
                throw failure("expected ',' or '}' after the value of \"\(key)\", found the end of the line", at: position)
            }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return members
            default:
                throw failure("expected ',' or '}' after the value of \"\(key)\", found \(describe(position))", at: position)
            }
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) {
        try enterContainer()
        position += 1  // "["
        skipWhitespace()
        if position < end && bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return
        }
        while true {
            _ = try parseValue()
            skipWhitespace()
            guard position < end else {
                throw failure("expected ',' or ']' in an array, found the end of the line", at: position)
            }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return
            default:
                throw failure("expected ',' or ']' in an array, found \(describe(position))", at: position)
            }
        }
    }

    private mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw failure("arrays and objects are nested more than \(Self.maximumDepth) deep", at: position)
        }
    }

    private mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        guard bytes.hasPrefix(word, in: position..<end) else {
            throw failure("expected a value, found \(describe(position))", at: position)
        }
        position += word.utf8CodeUnitCount
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < end && isDigit(bytes[position]) else {
            throw failure("expected a digit after '-', found \(describe(position))", at: position)
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1  // no leading zeros: "01" stops after the 0 and fails on the 1
        } else {
            skipDigits()
        }
        if position < end && bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < end && isDigit(bytes[position]) else {
                throw failure("expected a digit after the decimal point, found \(describe(position))", at: position)
            }
            skipDigits()
        }
        if position < end && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            isInteger = false
            position += 1
            if position < end && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                position += 1
            }
            guard position < end && isDigit(bytes[position]) else {
                throw failure("expected a digit in the exponent, found \(describe(position))", at: position)
            }
            skipDigits()
        }
        let text = bytes.string(start..<position)
        return isInteger ? .integer(text) : .fraction(text)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while position < end && isDigit(bytes[position]) { position += 1 }
    }

    /// JSON whitespace only: space, tab, CR, LF. (CR and LF cannot occur inside a line.)
    private mutating func skipWhitespace() {
        while position < end {
            let byte = bytes[position]
            guard byte == ASCII.space || byte == ASCII.tab || byte == ASCII.lineFeed
                || byte == ASCII.carriageReturn else { return }
            position += 1
        }
    }

    /// A syntax error at `index`, with the column counted in characters (UTF-8 lead bytes).
    func failure(_ reason: String, at index: Int) -> JSONSyntaxError {
        var column = 1
        var scan = lineStart
        while scan < min(index, end) {
            if bytes[scan] & 0xC0 != 0x80 { column += 1 }
            scan += 1
        }
        return JSONSyntaxError(reason: reason, column: column)
    }

    /// The character at `index` for a message: `'x'`, `a space`, or `the end of the line`.
    func describe(_ index: Int) -> String {
        guard index < end else { return "the end of the line" }
        let byte = bytes[index]
        if byte == ASCII.space { return "a space" }
        if byte < 0x20 || byte == 0x7F { return "control character 0x\(hex(byte))" }
        var stop = index + 1
        while stop < end && bytes[stop] & 0xC0 == 0x80 { stop += 1 }
        return "'\(bytes.string(index..<stop))'"
    }
}
