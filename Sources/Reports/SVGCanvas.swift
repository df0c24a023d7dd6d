/// Collects SVG elements with coordinates in pixels and wraps them in one `<svg>` element.
///
/// Every number goes through ``number(_:)`` and every piece of text through
/// `markupEscaped`, so the chart functions cannot write `NaN` or unescaped text by accident.
/// `attributes` arguments are trusted, fixed strings written by this module.
struct SVGCanvas {
    enum Anchor: String {
        case start, middle, end
    }

    private(set) var body = ""

    /// A coordinate as SVG text: two decimals at most, trailing zeros dropped ("12.5", "40"),
    /// and 0 for a non-finite value, which an SVG renderer would reject.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var text = FixedDecimal.format(value, decimals: 2)
        while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String,
        attributes: String = "", tooltip: String? = nil
    ) {
        body += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\""
            + " height=\"\(Self.number(max(height, 0)))\" fill=\"\(fill)\"" + Self.spaced(attributes)
        close("rect", tooltip: tooltip)
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, attributes: String = "") {
        body += "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\""
            + " y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\"" + Self.spaced(attributes) + "/>\n"
    }

    /// Text at (x, y) on its baseline; `attributes` may add e.g. a rotation or `dy="0.35em"`
    /// (which centres the text vertically on y, more portably than `dominant-baseline`).
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: Anchor = .start, fontSize: Double = 11,
        attributes: String = "", tooltip: String? = nil
    ) {
        body += "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\""
            + (anchor == .start ? "" : " text-anchor=\"\(anchor.rawValue)\"")
            + (fontSize == 11 ? "" : " font-size=\"\(Self.number(fontSize))\"")
            + Self.spaced(attributes) + ">" + content.markupEscaped
        if let tooltip { body += "<title>\(tooltip.markupEscaped)</title>" }
        body += "</text>\n"
    }

    /// A polyline through `points`, simplified first: points closer than 0.1 px to the previous
    /// one are dropped, and a run of points along one horizontal or vertical line, heading one
    /// way, is replaced by its ends. A step curve over thousands of thresholds then costs a few
    /// hundred points instead of megabytes, and looks the same.
    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, attributes: String = "") {
        var kept: [(x: Double, y: Double)] = []
        for point in points {
            let p = (x: Self.tenth(point.x), y: Self.tenth(point.y))
            if let last = kept.last, last.x == p.x && last.y == p.y { continue }
            if kept.count >= 2 {
                let a = kept[kept.count - 2], b = kept[kept.count - 1]
                let vertical = a.x == b.x && b.x == p.x && (b.y - a.y) * (p.y - b.y) >= 0
                let horizontal = a.y == b.y && b.y == p.y && (b.x - a.x) * (p.x - b.x) >= 0
                if vertical || horizontal {
                    kept[kept.count - 1] = p
                    continue
                }
            }
            kept.append(p)
        }
        guard !kept.isEmpty else { return }
        let list = kept.map { Self.number($0.x) + "," + Self.number($0.y) }.joined(separator: " ")
        body += "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\"" + Self.spaced(attributes) + "/>\n"
    }

    /// The finished chart. `label` becomes its `<title>` and accessible name.
    func svg(id: String, label: String, width: Double, height: Double) -> String {
        let w = Self.number(width.rounded(.up)), h = Self.number(height.rounded(.up))
        return "<svg id=\"\(id)\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\""
            + " viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\"\(label.markupEscaped)\""
            + " font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"11\" fill=\"#1f2328\">\n"
            + "<title>\(label.markupEscaped)</title>\n" + body + "</svg>"
    }

    private mutating func close(_ element: String, tooltip: String?) {
        if let tooltip {
            body += "><title>\(tooltip.markupEscaped)</title></\(element)>\n"
        } else {
            body += "/>\n"
        }
    }

    private static func spaced(_ attributes: String) -> String {
        attributes.isEmpty ? "" : " " + attributes
    }

    private static func tenth(_ value: Double) -> Double {
        value.isFinite ? (value * 10).rounded() / 10 : 0
    }
}
