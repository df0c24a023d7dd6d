/// A JSON value as the JSON Lines reader needs it: scalars exactly, containers only by kind.
///
/// Numbers keep the text they were written with, so `"label": 12345678901234567890` becomes
/// the label "12345678901234567890" rather than a rounded Double, and an integer can be told
/// from a fraction (`1` from `1.0`) by the grammar instead of by guessing.
enum JSONValue: Equatable {
    case string(String)
    /// A number with no fraction or exponent, e.g. `0`, `-12`.
    case integer(String)
    /// A number with a fraction or exponent, e.g. `0.5`, `1e3`.
    case fraction(String)
    case bool(Bool)
    case null
    case array
    case object

    /// The kind, for messages such as "the label field \"label\" is a boolean (true)".
    var kindDescription: String {
        switch self {
        case .string: return "a string"
        case .integer(let text): return "an integer (\(text))"
        case .fraction(let text): return "a number with a fraction (\(text))"
        case .bool(let value): return "a boolean (\(value))"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// What one line turned out to be: an object with its top-level members, or another value.
enum JSONLine {
    case object([String: JSONValue])
    case other(JSONValue)
}

/// A JSON syntax error; `column` is 1-based and counts characters, not bytes.
struct JSONSyntaxError: Error {
    var reason: String
    var column: Int
}

/// Two uppercase hexadecimal digits, e.g. `0A`.
func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return byte < 0x10 ? "0" + digits : digits
}
