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
///
/// Options for tweets and informal text (all off by default):
/// - `splitHashtags`: "#GunControlNow" also gives "gun", "control", "now" (split at case changes,
///   digits and underscores), so the words inside a hashtag count as words.
/// - `squeezeElongations`: "soooo" → "soo", "!!!!" stays "!" "!" "!": any letter repeated three or
///   more times is cut to two, so emphatic spellings share one feature.
/// - `markNegation`: words after a negation ("not", "never", "no", "…n't", "cannot") until the next
///   punctuation get a "_NEG" suffix (Das & Chen 2001; Pang et al. 2002), so "not good" and
///   "good" become different features even for a unigram model.
public struct Tokenizer: Sendable, Equatable, Codable {
    public var lowercase: Bool
    public var punctuation: Bool
    public var splitHashtags: Bool
    public var squeezeElongations: Bool
    public var markNegation: Bool

    public init(lowercase: Bool = true, punctuation: Bool = true, splitHashtags: Bool = false,
                squeezeElongations: Bool = false, markNegation: Bool = false) {
        self.lowercase = lowercase
        self.punctuation = punctuation
        self.splitHashtags = splitHashtags
        self.squeezeElongations = squeezeElongations
        self.markNegation = markNegation
    }

    enum CodingKeys: String, CodingKey { case lowercase, punctuation, splitHashtags, squeezeElongations, markNegation }

    /// Options added after format 1.0 default to off when an older model file lacks them.
    public init(from decoder: Decoder) throws {
        let k = try decoder.container(keyedBy: CodingKeys.self)
        lowercase = try k.decode(Bool.self, forKey: .lowercase)
        punctuation = try k.decode(Bool.self, forKey: .punctuation)
        splitHashtags = try k.decodeIfPresent(Bool.self, forKey: .splitHashtags) ?? false
        squeezeElongations = try k.decodeIfPresent(Bool.self, forKey: .squeezeElongations) ?? false
        markNegation = try k.decodeIfPresent(Bool.self, forKey: .markNegation) ?? false
    }

    public func tokens(_ text: String) -> [String] {
        var out: [String] = []
        forEachToken(text) { out.append($0) }
        return out
    }

    static let negations: Set<String> = ["not", "no", "never", "cannot", "nobody", "nothing", "none", "neither", "nor", "nowhere", "without"]
    static let clauseEnds: Set<String> = [".", ",", ";", ":", "!", "?", "\""]

    /// Tokens with the informal-text options applied on top of ``forEachRawToken(_:_:)``.
    public func forEachToken(_ text: String, _ body: (String) -> Void) {
        guard splitHashtags || squeezeElongations || markNegation else {
            forEachRawToken(text, body)
            return
        }
        var negated = false
        forEachRawToken(text) { raw in
            var token = raw
            if squeezeElongations { token = Self.squeezed(token) }
            if markNegation {
                if Self.clauseEnds.contains(token) {
                    negated = false
                } else if Self.negations.contains(token) || token.hasSuffix("n't") {
                    body(token)
                    negated = true
                    return
                } else if negated && token.first.map({ $0.isLetter }) == true {
                    token += "_NEG"
                }
            }
            body(token)
        }
    }

    /// Cuts runs of three or more identical letters to two.
    static func squeezed(_ token: String) -> String {
        var out = String.UnicodeScalarView()
        var run = 0
        var previous: Unicode.Scalar? = nil
        for c in token.unicodeScalars {
            run = c == previous ? run + 1 : 1
            previous = c
            if run <= 2 || !c.properties.isAlphabetic { out.append(c) }
        }
        return String(out)
    }

    /// "GunControlNow" → ["gun", "control", "now"]: splits at lower→upper changes, letter↔digit
    /// changes and underscores. Needs the original case, so it runs before lower-casing.
    static func hashtagWords(_ tag: ArraySlice<Unicode.Scalar>) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var previous: Unicode.Scalar? = nil
        func flush() {
            if !current.isEmpty { words.append(String(current).lowercased()) }
            current = String.UnicodeScalarView()
        }
        for c in tag {
            if c == "_" { flush(); previous = nil; continue }
            if let p = previous {
                let caseChange = p.properties.isLowercase && c.properties.isUppercase
                let digitChange = isDigit(p) != isDigit(c)
                if caseChange || digitChange { flush() }
            }
            current.append(c)
            previous = c
        }
        flush()
        return words
    }

    /// The tokens of the basic rules above, before the informal-text options.
    public func forEachRawToken(_ text: String, _ body: (String) -> Void) {
        let original = splitHashtags ? Array(text.unicodeScalars) : []
        let source = lowercase ? text.lowercased() : text
        let scalars = Array(source.unicodeScalars)
        // Hashtag words need the original case; lower-casing can change the scalar count, so the
        // original is only used when the two line up (otherwise the tag is kept whole).
        let aligned = splitHashtags && original.count == scalars.count
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
                if c == "#" && splitHashtags {
                    let words = Self.hashtagWords(aligned ? original[(i + 1)..<end] : scalars[(i + 1)..<end])
                    for w in words { body(w) }
                }
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
