/// Small, Foundation-free helpers for looking inside generated markup.
enum Markup {
    /// The `<svg …>…</svg>` element whose opening tag starts with `<svg id="ID"`, if any.
    static func svg(id: String, in page: String) -> String? {
        guard let start = page.firstRange(of: "<svg id=\"\(id)\"")?.lowerBound,
              let end = page[start...].firstRange(of: "</svg>")?.upperBound else { return nil }
        return String(page[start..<end])
    }

    /// Where `needle` first occurs in `text`, as a character offset, or nil.
    static func offset(of needle: String, in text: String) -> Int? {
        guard let range = text.firstRange(of: needle) else { return nil }
        return text.distance(from: text.startIndex, to: range.lowerBound)
    }

    /// How many times `needle` occurs in `text`, not overlapping.
    static func occurrences(of needle: String, in text: String) -> Int {
        var count = 0
        var rest = Substring(text)
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }

    /// Whether every element opened in `markup` is closed in order, with self-closing tags and
    /// the HTML void elements in `void` standing alone. Enough to catch a tag left open or text
    /// that broke out of its element (all text is escaped, so a raw `<` always starts a tag).
    static func isBalanced(_ markup: String, void: Set<String> = []) -> Bool {
        var open: [String] = []
        var rest = Substring(markup)
        while let start = rest.firstIndex(of: "<") {
            guard let end = rest[start...].firstIndex(of: ">") else { return false }
            let tag = rest[rest.index(after: start)..<end]
            rest = rest[rest.index(after: end)...]
            if tag.hasPrefix("!") { continue }
            let name = String(tag.prefix { $0 != " " && $0 != "/" && $0 != "\n" })
            if tag.hasPrefix("/") {
                guard open.popLast() == String(tag.dropFirst()) else { return false }
            } else if !tag.hasSuffix("/") && !void.contains(name) {
                open.append(name)
            }
        }
        return open.isEmpty
    }
}
