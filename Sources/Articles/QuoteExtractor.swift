/// Finds the direct quotations in a news article and who said them.
///
/// How it reads an article:
/// 1. Lines that are page furniture ("Advertisement", "Share") are treated as blank.
/// 2. Quotation marks are paired within a paragraph: “…” (and the scraped-page habit of ”…”),
///    straight "…", ‘…’ (an apostrophe between letters, as in We’re, never opens or closes one),
///    and «…». A quotation nested inside another stays part of the outer one. A paragraph that
///    ends inside a quotation continues it when the next paragraph reopens with the same mark
///    (the newspaper convention for multi-paragraph quotes).
/// 3. A quotation split by its attribution — “We’re not entering…,” Dunford insisted, “…” — is
///    joined into one statement when the first part ends with a comma and the words between are
///    a short attribution ending in a comma.
/// 4. One-word quotations are terms or scare quotes and are left out; fragments of up to three
///    words, or lower-case fragments inside the reporter's sentence, are kept as `partial`.
/// 5. The speaker comes from the attribution around the quote (``SpeakerResolver``).
public struct QuoteExtractor: Sendable {
    public init() {}

    struct Span {
        var start: Int          // opening mark
        var end: Int            // just past the closing mark
        var parts: [Range<Int>] // inner text ranges
        /// Where the first part ends: for a split quotation the attribution sits there.
        var firstEnd: Int
    }

    public func extract(from article: String) -> [QuotedStatement] {
        let text = Array(Self.blankingFurniture(article).unicodeScalars)
        let spans = mergeSplitQuotations(pairQuotationMarks(text), text)
        var resolver = SpeakerResolver(text)
        var statements: [QuotedStatement] = []
        for span in spans {
            let parts = span.parts.map { Self.clean(String(String.UnicodeScalarView(text[$0]))) }
            let quote = parts.filter { !$0.isEmpty }.joined(separator: " ")
            let words = quote.split(whereSeparator: { $0 == " " }).count
            guard words >= 2, !Self.looksLikeATitle(quote) else { continue }
            var (speaker, verb) = resolver.attribution(quoteStart: span.start, quoteEnd: span.firstEnd)
            // A quotation with no attribution of its own, close after an attributed one, is
            // usually the same speaker going on.
            if speaker == nil, let previous = statements.last(where: { $0.speaker != nil }), span.start - previous.end < 700 {
                speaker = previous.speaker
            }
            let first = quote.unicodeScalars.first!
            let before = Self.previousNonSpace(text, span.start)
            let embedded = first.properties.isLowercase && before.map { QuoteFamily.isLetterOrDigit($0) || $0 == "," } == true
            if let speaker { resolver.recentSpeakers.append(.init(name: speaker, position: span.start)) }
            statements.append(QuotedStatement(
                text: quote, start: span.start, end: span.end,
                context: resolver.context(quoteStart: span.start, quoteEnd: span.end),
                speaker: speaker, verb: verb, partial: words <= 3 || embedded))
        }
        return statements
    }

    // MARK: - Pairing

    func pairQuotationMarks(_ s: [Unicode.Scalar]) -> [Span] {
        var spans: [Span] = []
        var i = 0
        while i < s.count {
            guard let family = QuoteFamily.opening(s[i], before: i > 0 ? s[i - 1] : nil, after: i + 1 < s.count ? s[i + 1] : nil) else {
                i += 1
                continue
            }
            if let span = findClosing(s, from: i, family: family) {
                spans.append(span)
                i = span.end
            } else {
                i += 1
            }
        }
        return spans
    }

    /// Looks for the mark closing the quotation opened at `open`, following multi-paragraph
    /// continuations. Nil when the quotation is never closed (a stray mark).
    func findClosing(_ s: [Unicode.Scalar], from open: Int, family: QuoteFamily) -> Span? {
        var parts: [Range<Int>] = []
        var partStart = open + 1
        var j = open + 1
        while j < s.count {
            let c = s[j]
            if c == "\n" {
                // Continuation: the next non-blank line reopens with the same family's mark.
                var k = j
                while k < s.count && (s[k] == "\n" || s[k] == " " || s[k] == "\t" || s[k] == "\r") { k += 1 }
                guard k < s.count, k > j,
                      QuoteFamily.opening(s[k], before: nil, after: k + 1 < s.count ? s[k + 1] : nil) == family,
                      parts.count < 20 else { return nil }
                parts.append(partStart..<j)
                partStart = k + 1
                j = k + 1
                continue
            }
            if family.closes(c, after: j + 1 < s.count ? s[j + 1] : nil) && j > partStart
                && !(family == .single && Self.isLikelyPossessive(s, j)) {
                parts.append(partStart..<j)
                return Span(start: open, end: j + 1, parts: parts, firstEnd: j + 1)
            }
            j += 1
        }
        return nil
    }

    /// "the 90s’ optimism" inside ‘…’: a ’ after an s, followed by a lower-case word, is a
    /// plural possessive when another closing ’ follows later in the same paragraph.
    static func isLikelyPossessive(_ s: [Unicode.Scalar], _ j: Int) -> Bool {
        guard j > 0, s[j - 1] == "s" || s[j - 1] == "S" else { return false }
        var k = j + 1
        while k < s.count && s[k] == " " { k += 1 }
        guard k < s.count, k > j + 1, s[k].properties.isLowercase else { return false }
        var m = k
        while m < s.count && s[m] != "\n" {
            if s[m] == "\u{2019}" && !QuoteFamily.isLetterOrDigit(m + 1 < s.count ? s[m + 1] : nil) { return true }
            m += 1
        }
        return false
    }

    /// Joins “A,” X said, “B” into one statement.
    func mergeSplitQuotations(_ spans: [Span], _ s: [Unicode.Scalar]) -> [Span] {
        var merged: [Span] = []
        for span in spans {
            if var last = merged.last, Self.isSplitAttribution(last, span, s) {
                last.end = span.end
                last.parts += span.parts
                merged[merged.count - 1] = last
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    static func isSplitAttribution(_ a: Span, _ b: Span, _ s: [Unicode.Scalar]) -> Bool {
        guard let lastPart = a.parts.last, a.end <= b.start else { return false }
        let firstText = String(String.UnicodeScalarView(s[lastPart])).trimmingTrailingSpaces
        guard firstText.hasSuffix(",") else { return false }
        let between = String(String.UnicodeScalarView(s[a.end..<b.start]))
        guard !between.contains("\n"), between.count <= 200 else { return false }
        // “A,” Obama said, “B” and also “A,” Obama said. “B”: a first part ending in a comma
        // was cut mid-sentence, so the speaker goes on (this is how the hand-checked real-news
        // quote lists count them).
        let trimmed = between.trimmingTrailingSpaces
        guard trimmed.hasSuffix(",") || trimmed.hasSuffix(":") || trimmed.hasSuffix(".") else { return false }
        let words = trimmed.lowercased().split(whereSeparator: { !$0.isLetter })
        guard words.count <= 30 && words.contains(where: { AttributionWords.verbs.contains(String($0)) }) else { return false }
        // “A,” Ryabkov said. “B,” the minister noted. — once the sentence has ended, a second part
        // with an attribution of its own is a new statement (as the hand-checked lists count it).
        return !(trimmed.hasSuffix(".") && hasOwnAttribution(b, s))
    }

    /// Whether a quotation ends in a comma and is followed, before its sentence ends, by words
    /// with a speech verb (“…,” he added.).
    static func hasOwnAttribution(_ span: Span, _ s: [Unicode.Scalar]) -> Bool {
        guard let part = span.parts.last,
              String(String.UnicodeScalarView(s[part])).trimmingTrailingSpaces.hasSuffix(",") else { return false }
        var end = span.end
        while end < s.count, end - span.end < 160, s[end] != "\n", s[end] != ".",
              QuoteFamily.opening(s[end], before: s[end - 1], after: end + 1 < s.count ? s[end + 1] : nil) == nil {
            end += 1
        }
        let words = String(String.UnicodeScalarView(s[span.end..<end])).lowercased().split(whereSeparator: { !$0.isLetter })
        return words.count <= 12 && words.contains { AttributionWords.verbs.contains(String($0)) }
    }

    // MARK: - Text helpers

    /// “New START”, “Cold War”, “Fox News Sunday”: names and titles, not statements. Short
    /// quotations whose every word is capitalised are left out.
    static func looksLikeATitle(_ quote: String) -> Bool {
        let words = quote.split(whereSeparator: { $0.isWhitespace })
        guard words.count <= 5 else { return false }
        return words.allSatisfy { word in word.first.map { $0.isUppercase || !$0.isLetter } ?? true }
    }

    /// Trims spaces and a trailing comma: “…on trust, ” gives "…on trust".
    static func clean(_ part: String) -> String {
        var t = part.trimmingTrailingSpaces
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while t.hasSuffix(",") { t = String(t.dropLast()).trimmingTrailingSpaces }
        return t.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func previousNonSpace(_ s: [Unicode.Scalar], _ index: Int) -> Unicode.Scalar? {
        var k = index - 1
        while k >= 0 && s[k].properties.isWhitespace { k -= 1 }
        return k >= 0 ? s[k] : nil
    }

    /// Same length out as in, so offsets still point into the original article.
    static func blankingFurniture(_ article: String) -> String {
        article.split(separator: "\n", omittingEmptySubsequences: false)
            .map { PageFurniture.isFurniture($0) ? String(repeating: " ", count: $0.unicodeScalars.count) : String($0) }
            .joined(separator: "\n")
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var t = self
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return t
    }
}
