/// Works out who said a quotation from the words around it.
///
/// It looks first *after* the quotation, within its sentence (“…,” Dunford insisted / said Kerry /
/// he said / according to the Kremlin), then *before* it (Carter says the Russians are “…”).
/// A bare surname is expanded to the full name the article introduced earlier ("Kerry" → "John
/// Kerry"), and "he"/"she" becomes the person most recently named before the quotation.
struct SpeakerResolver {
    struct Token {
        let text: String
        let lower: String
        let start: Int
        let end: Int
        var isWord: Bool
        var isCapitalized: Bool
    }

    /// A person named in the article, at a position.
    struct Mention {
        let name: String
        let position: Int
    }

    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let mentions: [Mention]
    /// Speakers of the statements found so far, for "he also said" after a quoted person.
    var recentSpeakers: [Mention] = []

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        let tokens = Self.tokenize(scalars)
        self.tokens = tokens
        self.mentions = Self.findPeople(tokens)
    }

    // MARK: - Attribution

    func attribution(quoteStart: Int, quoteEnd: Int) -> (speaker: String?, verb: String?) {
        guard let (speaker, verb) = after(quoteEnd, quoteStart: quoteStart) ?? before(quoteStart) else { return (nil, nil) }
        return (speaker.map { resolveDefinite($0, before: quoteStart) }.map(KnownSpeakers.canonicalize), verb)
    }

    /// "the president", "the Russian leader", "the senior diplomat": a definite description with
    /// a role refers back to the person the paragraph is about, like a pronoun. Indefinite ones
    /// ("a senior U.S. official") are anonymous sources and stay as written.
    private func resolveDefinite(_ speaker: String, before position: Int) -> String {
        let words = speaker.lowercased().split(separator: " ").map(String.init)
        guard words.first == "the", words.count <= 5,
              !AttributionWords.institutions.contains(words.dropFirst().joined(separator: " ")),
              words.dropFirst().contains(where: { AttributionWords.roles.contains($0) }) else { return speaker }
        return pronoun(before: position) ?? speaker
    }

    /// Tokens of the same sentence after the quotation, up to a sentence end or the next quote.
    private func after(_ position: Int, quoteStart: Int) -> (String?, String?)? {
        var window: [Token] = []
        var k = firstToken(atOrAfter: position)
        while k < tokens.count, window.count < 14 {
            let t = tokens[k]
            if Self.endsSentence(t) || Self.isQuoteMark(t.text) || t.text == "\n" { break }
            window.append(t)
            k += 1
        }
        while window.first?.text == "," { window.removeFirst() }
        guard !window.isEmpty else { return nil }
        // "according to X"
        if window.count > 2, window[0].lower == "according", window[1].lower == "to" {
            let source = Array(window[2...].prefix(10))
            return (subjectSpeaker(Self.subjectHead(source), before: quoteStart) ?? name(in: source, before: quoteStart), "according to")
        }
        // "said Kerry", "said he", "said Secretary of State John Kerry"
        if AttributionWords.verbs.contains(window[0].lower), window.count > 1 {
            let rest = Array(window[1...])
            if AttributionWords.pronouns.contains(rest[0].lower) { return (pronoun(before: quoteStart), window[0].lower) }
            if let speaker = name(in: rest, before: quoteStart) { return (speaker, window[0].lower) }
        }
        // "Dunford insisted", "he said", "the Kremlin said", "a senior U.S. official said"
        if let v = window.prefix(12).firstIndex(where: { AttributionWords.verbs.contains($0.lower) }), v > 0 {
            let subject = Self.subjectHead(Array(window[0..<v]))
            if subject.count == 1, AttributionWords.pronouns.contains(subject[0].lower) {
                return (pronoun(before: quoteStart), window[v].lower)
            }
            if let speaker = subjectSpeaker(subject, before: quoteStart) { return (speaker, window[v].lower) }
        }
        return nil
    }

    /// "Nadia Elkaim, an analyst in Beirut, said": when a comma stands right before the verb the
    /// words between commas are an apposition, and the subject is what comes before them.
    static func subjectHead(_ subject: [Token]) -> [Token] {
        guard subject.last?.text == ",", let firstComma = subject.firstIndex(where: { $0.text == "," }), firstComma > 0 else {
            return subject.filter { $0.text != "," }
        }
        return Array(subject[..<firstComma])
    }

    /// A subject that starts with an article is a description ("a senior U.S. official", "a
    /// Kremlin official"); otherwise the name in it.
    private func subjectSpeaker(_ subject: [Token], before position: Int) -> String? {
        if let first = subject.first, ["a", "an", "the"].contains(first.lower), let anonymous = description(subject) {
            return anonymous
        }
        return name(in: subject, before: position, last: true) ?? description(subject.filter { $0.text != "," })
    }

    /// The sentence before the quotation: the subject of the last speech verb, or "according to X".
    private func before(_ quoteStart: Int) -> (String?, String?)? {
        var window: [Token] = []
        var k = firstToken(atOrAfter: quoteStart) - 1
        while k >= 0, window.count < 30 {
            let t = tokens[k]
            if Self.endsSentence(t) || t.text == "\n" { break }
            window.insert(t, at: 0)
            k -= 1
        }
        let words = window.filter { $0.text != "," && !Self.isQuoteMark($0.text) }
        if let a = words.indices.first(where: { $0 + 2 < words.count && words[$0].lower == "according" && words[$0 + 1].lower == "to" }),
           let speaker = name(in: Array(words[(a + 2)...]), before: quoteStart) {
            return (speaker, "according to")
        }
        let withCommas = window.filter { !Self.isQuoteMark($0.text) }
        guard let v = words.lastIndex(where: { AttributionWords.verbs.contains($0.lower) }) else { return nil }
        if v > 0 {
            let verbAt = withCommas.lastIndex(where: { $0.start == words[v].start })!
            let subject = Self.subjectHead(Array(withCommas[0..<verbAt]))
            if let last = subject.last, AttributionWords.pronouns.contains(last.lower) { return (pronoun(before: quoteStart), words[v].lower) }
            if let speaker = subjectSpeaker(subject, before: quoteStart) { return (speaker, words[v].lower) }
            if let a = subject.lastIndex(where: { ["a", "an", "the"].contains($0.lower) }),
               let anonymous = description(Array(subject[a...])) {
                return (anonymous, words[v].lower)
            }
        }
        if v + 1 < words.count, let speaker = name(in: Array(words[(v + 1)...]), before: quoteStart) {
            return (speaker, words[v].lower)
        }
        return nil
    }

    // MARK: - Names

    /// The first (or last) capitalised run in `window` that names a person or institution,
    /// expanded to the full name the article gave before.
    private func name(in window: [Token], before position: Int, last: Bool = false) -> String? {
        var runs: [[Token]] = []
        var current: [Token] = []
        var previous: Token? = nil
        for t in window {
            if t.isWord && (t.isCapitalized || (!current.isEmpty && t.lower == "of")) {
                // "an analyst in Beirut", "at Brightwater Securities": a place or employer, not the speaker.
                if current.isEmpty, let p = previous, Self.prepositions.contains(p.lower) {
                    previous = t
                    continue
                }
                current.append(t)
            } else {
                if !current.isEmpty { runs.append(current) }
                current = []
            }
            previous = t
        }
        if !current.isEmpty { runs.append(current) }
        for run in (last ? runs.reversed() : runs) {
            let joined = run.map(\.lower).joined(separator: " ")
            if let institution = AttributionWords.institutions.first(where: { joined.hasSuffix($0) }) {
                return "the " + institution.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            }
            if ["a", "an", "the"].contains(run[0].lower) { continue }
            // "Monday Carter" → "Carter": keep what follows the last place/date/body word.
            var person = Self.stripTitles(run)
            if let cut = person.lastIndex(where: { AttributionWords.notPeople.contains($0.lower) }) {
                person = Self.stripTitles(Array(person[(cut + 1)...]))
            }
            guard !person.isEmpty else { continue }
            return expand(person.map(\.text).joined(separator: " "), before: position)
        }
        return nil
    }

    /// "a senior U.S. official" and the like: an anonymous source as the article describes it.
    private func description(_ subject: [Token]) -> String? {
        guard let first = subject.first, ["a", "an", "the", "one"].contains(first.lower) || first.lower.hasSuffix("'s") || first.lower.hasSuffix("’s"),
              subject.count <= 8,
              subject.contains(where: { AttributionWords.people.contains($0.lower) || AttributionWords.roles.contains($0.lower) })
        else { return nil }
        return subject.map(\.text).joined(separator: " ")
    }

    /// A surname alone becomes the most recent full name ending in it.
    private func expand(_ name: String, before position: Int) -> String {
        guard !name.contains(" ") else { return name }
        let suffix = " " + name
        return mentions.last(where: { $0.position < position && $0.name.hasSuffix(suffix) })?.name
            ?? mentions.first(where: { $0.name.hasSuffix(suffix) })?.name
            ?? name
    }

    /// "he said": the paragraph's subject — the first person named in the quotation's paragraph
    /// before it, else the first person named in the nearest paragraph before that names anyone.
    /// (News paragraphs lead with their subject; the last name mentioned is often an object:
    /// "Kerry defended it despite doubts from Carter and Dunford. … he said" means Kerry.)
    private func pronoun(before position: Int) -> String? {
        var paragraphStart = position
        while paragraphStart > 0 && scalars[paragraphStart - 1] != "\n" { paragraphStart -= 1 }
        if let recent = recentSpeakers.last(where: { $0.position >= paragraphStart && $0.position < position }) {
            return recent.name
        }
        var end = position
        while end > 0 {
            var start = end
            while start > 0 && !(scalars[start - 1] == "\n") { start -= 1 }
            if let first = mentions.first(where: { $0.position >= start && $0.position < end }) { return first.name }
            end = start - 1
            while end > 0 && scalars[end - 1].properties.isWhitespace { end -= 1 }
        }
        return nil
    }

    /// "Texas Representative Ronny Jackson" → "Ronny Jackson": everything up to the last title
    /// word goes, as do sentence-initial function words ("Meanwhile Putin" → "Putin").
    static func stripTitles(_ run: [Token]) -> [Token] {
        var r = run[...]
        if let t = r.lastIndex(where: { AttributionWords.titles.contains($0.lower) || AttributionWords.functionWords.contains($0.lower) }) {
            r = r[(t + 1)...]
        }
        // Possessives and trailing titles ("Kerry's") are not part of the name.
        return Array(r).filter { !$0.lower.hasSuffix("'s") && !$0.lower.hasSuffix("’s") }
    }

    static func findPeople(_ tokens: [Token]) -> [Mention] {
        var mentions: [Mention] = []
        var surnames = Set<String>()
        var run: [Token] = []
        func flush() {
            defer { run = [] }
            let person = stripTitles(run)
            guard !person.isEmpty, !person.contains(where: { AttributionWords.notPeople.contains($0.lower) || AttributionWords.verbs.contains($0.lower) }) else { return }
            if person.count >= 2 && person.count <= 4 {
                let name = person.map(\.text).joined(separator: " ")
                mentions.append(Mention(name: name, position: person[0].start))
                surnames.insert(person.last!.text)
            } else if person.count == 1, surnames.contains(person[0].text),
                      let full = mentions.last(where: { $0.name.hasSuffix(" " + person[0].text) }) {
                mentions.append(Mention(name: full.name, position: person[0].start))
            }
        }
        for (i, t) in tokens.enumerated() {
            // A capitalised word right after a sentence end may be any word; it still starts a run,
            // and the not-people list and the two-word rule keep most false starts out.
            if t.isWord && t.isCapitalized && !(i > 0 && tokens[i - 1].isWord && tokens[i - 1].lower == "the" && run.isEmpty && false) {
                run.append(t)
            } else {
                flush()
            }
        }
        flush()
        return mentions
    }

    // MARK: - Context

    /// The sentence(s) holding the quotation, bounded by sentence ends and line breaks.
    func context(quoteStart: Int, quoteEnd: Int) -> String {
        var a = quoteStart
        while a > 0, quoteStart - a < 400 {
            let c = scalars[a - 1]
            if c == "\n" { break }
            if (c == "." || c == "?" || c == "!"), a < scalars.count, scalars[a].properties.isWhitespace, a >= 3,
               !scalars[a - 3].properties.isWhitespace || !scalars[a - 2].properties.isUppercase { break }
            a -= 1
        }
        var b = quoteEnd
        while b < scalars.count, b - quoteEnd < 400 {
            let c = scalars[b]
            b += 1
            if c == "\n" { b -= 1; break }
            if (c == "." || c == "?" || c == "!"), b >= scalars.count || scalars[b].properties.isWhitespace { break }
        }
        let view = String.UnicodeScalarView(scalars[a..<b])
        return String(view).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // MARK: - Tokens

    private func firstToken(atOrAfter position: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start < position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static let prepositions: Set<String> = ["in", "at", "from", "of", "for", "with", "by", "on", "near", "to", "into"]

    static let abbreviations: Set<String> = ["gen", "sen", "rep", "mr", "mrs", "ms", "dr", "lt", "col", "gov", "jr", "sr", "st", "adm", "capt", "sgt", "prof", "maj", "cmdr", "amb"]

    static func isQuoteMark(_ s: String) -> Bool { ["\"", "“", "”", "‘", "’", "«", "»", "„"].contains(s) }

    /// A full stop ends a sentence unless it belongs to an abbreviation such as "U.S." or "Gen.".
    static func endsSentence(_ t: Token) -> Bool {
        t.text == "." || t.text == "?" || t.text == "!" || t.text == ";"
    }

    static func tokenize(_ s: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        func isWordScalar(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || c.properties.numericType != nil }
        while i < s.count {
            let c = s[i]
            if c == "\n" {
                tokens.append(Token(text: "\n", lower: "\n", start: i, end: i + 1, isWord: false, isCapitalized: false))
                i += 1
                continue
            }
            if c.properties.isWhitespace { i += 1; continue }
            if isWordScalar(c) {
                var j = i + 1
                while j < s.count {
                    if isWordScalar(s[j]) { j += 1; continue }
                    // Inner apostrophes, hyphens, and the dots of abbreviations (U.S., Gen.).
                    if (s[j] == "'" || s[j] == "’" || s[j] == "-") && j + 1 < s.count && isWordScalar(s[j + 1]) { j += 1; continue }
                    if s[j] == ".", (j + 1 < s.count && isWordScalar(s[j + 1]) && j - i <= 2) || (j - i == 1 && s[i].properties.isUppercase) { j += 1; continue }
                    // "U.S." and "Gen." keep their final dot: it abbreviates, it does not end the sentence.
                    if s[j] == "." {
                        let word = String(String.UnicodeScalarView(s[i..<j])).lowercased()
                        if word.contains(".") || Self.abbreviations.contains(word) { j += 1 }
                    }
                    break
                }
                let text = String(String.UnicodeScalarView(s[i..<j]))
                tokens.append(Token(text: text, lower: text.lowercased(), start: i, end: j, isWord: true, isCapitalized: c.properties.isUppercase))
                i = j
                continue
            }
            let text = String(c)
            tokens.append(Token(text: text, lower: text, start: i, end: i + 1, isWord: false, isCapitalized: false))
            i += 1
        }
        return tokens
    }
}
