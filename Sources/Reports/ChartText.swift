/// Fitting labels into charts without a font engine.
enum ChartText {
    /// `text` cut to at most `limit` characters, ending in "…" when cut; the full text goes into
    /// the element's tooltip instead.
    static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(max(limit - 1, 1))) + "…"
    }

    /// A rough width in pixels: 0.6 em per character, a little wider than the average
    /// sans-serif glyph. Only margins are sized with it, and SVG has no way to measure text
    /// without a renderer, so a guess that errs wide is enough.
    static func estimatedWidth(_ text: String, fontSize: Double = 11) -> Double {
        Double(text.count) * fontSize * 0.6
    }

    /// The widest estimated width among `texts`, or `minimum` when they are narrower or absent.
    static func widest(_ texts: [String], fontSize: Double = 11, minimum: Double = 0) -> Double {
        texts.reduce(minimum) { max($0, estimatedWidth($1, fontSize: fontSize)) }
    }
}
