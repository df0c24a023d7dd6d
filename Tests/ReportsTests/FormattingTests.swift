@testable import Reports
import Testing

@Test func fixedDecimalsRoundHalfAwayFromZero() {
    #expect(FixedDecimal.format(0.83333, decimals: 3) == "0.833")
    #expect(FixedDecimal.format(0.125, decimals: 2) == "0.13")
    #expect(FixedDecimal.format(-1.5, decimals: 0) == "-2")
    #expect(FixedDecimal.format(2, decimals: 3) == "2.000")
    #expect(FixedDecimal.format(1234.5678, decimals: 2) == "1234.57")
    #expect(FixedDecimal.format(0.0001, decimals: 3) == "0.000")
    #expect(FixedDecimal.format(-0.0004, decimals: 3) == "0.000")
    #expect(FixedDecimal.format(-0.25, decimals: 1) == "-0.3")
    #expect(FixedDecimal.format(7, decimals: 0) == "7")
}

@Test func nonFiniteNumbersNeverPrintAsNaN() {
    #expect(FixedDecimal.format(.nan, decimals: 3) == "n/a")
    #expect(FixedDecimal.format(.infinity, decimals: 1) == "n/a")
    #expect(FixedDecimal.format(-.infinity, decimals: 1) == "n/a")
    #expect(SVGCanvas.number(.nan) == "0")
    #expect(SVGCanvas.number(.infinity) == "0")
}

@Test func signedFormattingAlwaysShowsTheSign() {
    #expect(FixedDecimal.signed(0.3094, decimals: 3) == "+0.309")
    #expect(FixedDecimal.signed(-0.12, decimals: 3) == "-0.120")
    #expect(FixedDecimal.signed(.nan, decimals: 3) == "n/a")
}

@Test func svgCoordinatesDropTrailingZeros() {
    #expect(SVGCanvas.number(12.5) == "12.5")
    #expect(SVGCanvas.number(40) == "40")
    #expect(SVGCanvas.number(3.14159) == "3.14")
    #expect(SVGCanvas.number(-0.001) == "0")
    #expect(SVGCanvas.number(-7.25) == "-7.25")
}

@Test func markupIsEscaped() {
    #expect("<script>alert('x') & \"y\"</script>".markupEscaped
        == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    #expect("tab\there\nnew line – ünïcode".markupEscaped == "tab\there\nnew line – ünïcode")
    #expect("a\u{0}b\u{1B}c".markupEscaped == "a\u{FFFD}b\u{FFFD}c")
    #expect("&amp;".markupEscaped == "&amp;amp;")
}

@Test func paletteCyclesAndDashesLaterCycles() {
    #expect(ChartPalette.color(0) == ChartPalette.color(10))
    #expect(ChartPalette.color(0) != ChartPalette.color(1))
    #expect(ChartPalette.dashAttribute(3) == "")
    #expect(ChartPalette.dashAttribute(13) == "stroke-dasharray=\"6 3\"")
    #expect(ChartPalette.heat(0) == "rgb(247,251,255)")
    #expect(ChartPalette.heat(1) == "rgb(8,69,148)")
    #expect(ChartPalette.heat(.nan) == ChartPalette.heat(0))
}

@Test func longLabelsAreShortenedWithAnEllipsis() {
    #expect(ChartText.shortened("neutral", to: 18) == "neutral")
    #expect(ChartText.shortened("abcdefghij", to: 5) == "abcd…")
}
