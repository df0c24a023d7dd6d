/// Splits text into normalised tokens, the same way at training and at prediction time.
///
/// What it does, in order, for each token it finds:
/// - **Lower-cases** (Unicode-aware, when `lowercase` is on): "ÉTAT" → "état".
/// - **Apostrophes** ’ ‘ ʼ ` ´ all become ', so "We’re" and "We're" are the same token; an
///   apostrophe is part of a word only *between* letters or digits ("we're", "rock'n'roll"), so
///   the possessive in "the 90s’" or a quote mark ‘like this’ does not stick to the word.
/// - **Words** are runs of letters, marks and digits, joined across single inner hyphens
///   ("well-known") and apostrophes. **Numbers** keep inner "," and "." ("1,000", "3.5").
/// - **URLs** (`http://…`, `https://…`, `www.…`) become the single token `<url>`, and
///   **@mentions** become `@user`: their exact spelling almost never generalises, their presence
///   does (the TweetEval convention).
/// - **#hashtags** stay one token with the `#`, so "#peace" and "peace" are different features.
/// - **Punctuation and symbols** become one-character tokens ("!", "?", "$") when
///   `punctuation` is on; quotation marks of every kind become `"`.
///
/// The tokenizer never allocates per character; it walks the Unicode scalars once.
public struct Tokenizer: Sendable, Equatable, Codable {
    public var lowercase: Bool
    public var punctuation: Bool

    public init(lowercase: Bool = true, punctuation: Bool = true) {
        self.lowercase = lowercase
        self.punctuation = punctuation
    }

    public func tokens(_ text: String) -> [String] {
        var out: [String] = []
        forEachToken(text) { out.append($0) }
        return out
    }

    public func forEachToken(_ text: String, _ body: (String) -> Void) {
        let source = lowercase ? text.lowercased() : text
        let scalars = Array(source.unicodeScalars)
        var i = 0
        let n = scalars.count
        while i < n {
            let c = scalars[i]
            if Self.isSpace(c) { i += 1; continue }
            if let end = Self.urlEnd(scalars, from: i) {
                body("<url>")
                i = end
                continue
            }
            if (c == "@" || c == "#"), i + 1 < n, Self.isWordScalar(scalars[i + 1]), i == 0 || !Self.isWordScalar(scalars[i - 1]) {
                let end = Self.wordEnd(scalars, from: i + 1)
                body(c == "@" ? "@user" : "#" + Self.string(scalars[(i + 1)..<end]))
                i = end
                continue
            }
            if Self.isWordScalar(c) {
                let end = Self.wordEnd(scalars, from: i)
                body(Self.string(scalars[i..<end]))
                i = end
                continue
            }
            if punctuation { body(Self.punctuationToken(c)) }
            i += 1
        }
    }

    // MARK: - Character classes

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || c.value < 0x20 || c.value == 0x7F || c.value == 0xFEFF || c.value == 0x200B
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
        }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func isApostrophe(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x27, 0x2019, 0x2018, 0x02BC, 0x60, 0xB4: return true
        default: return false
        }
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    /// The end of the word starting at `start`: word scalars, joined across one apostrophe or
    /// hyphen between word scalars, and across "." or "," between digits.
    static func wordEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var j = start
        while j < s.count {
            if isWordScalar(s[j]) { j += 1; continue }
            guard j + 1 < s.count, j > start else { break }
            let joiner = s[j]
            if (isApostrophe(joiner) || joiner == "-") && isWordScalar(s[j - 1]) && isWordScalar(s[j + 1]) {
                j += 1
                continue
            }
            if (joiner == "." || joiner == ",") && isDigit(s[j - 1]) && isDigit(s[j + 1]) {
                j += 1
                continue
            }
            break
        }
        return j
    }

    /// Builds the token text, writing every apostrophe variant as '.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        for c in scalars { view.append(isApostrophe(c) ? "'" : c) }
        return String(view)
    }

    static func punctuationToken(_ c: Unicode.Scalar) -> String {
        switch c.value {
        case 0x22, 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2039, 0x203A: return "\""
        case 0x27, 0x2018, 0x2019, 0x02BC, 0x60, 0xB4: return "'"
        case 0x2013, 0x2014, 0x2212: return "-"
        case 0x2026: return "..."
        default: return String(Character(c))
        }
    }

    /// If a URL starts at `i`, the index just past it (URLs run to the next space).
    static func urlEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        func hasPrefix(_ p: String) -> Bool {
            var k = i
            for pc in p.unicodeScalars {
                guard k < s.count, s[k] == pc else { return false }
                k += 1
            }
            return true
        }
        guard i == 0 || !isWordScalar(s[i - 1]) else { return nil }
        guard hasPrefix("http://") || hasPrefix("https://") || hasPrefix("www.") else { return nil }
        var j = i
        while j < s.count && !isSpace(s[j]) { j += 1 }
        // A URL rarely ends in sentence punctuation; give it back.
        while j > i, let last = Optional(s[j - 1]), ".,;:!?)\"”’'".unicodeScalars.contains(last) { j -= 1 }
        return j
    }
}
