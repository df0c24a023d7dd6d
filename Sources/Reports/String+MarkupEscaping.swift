extension String {
    /// This text made safe to place in HTML or SVG, as element content or inside a quoted
    /// attribute (either quote character).
    ///
    /// The five markup characters become entities (`&amp; &lt; &gt; &quot; &#39;`), so a quoted
    /// statement containing `<script>` is shown, never run. Control characters other than tab,
    /// line feed and carriage return are replaced by U+FFFD: XML forbids them outright, and one
    /// stray byte from a corpus would otherwise make a chart copied out of the page invalid SVG.
    /// The noncharacters U+FFFE and U+FFFF are replaced for the same reason.
    var markupEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    escaped += "\u{FFFD}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }
}
