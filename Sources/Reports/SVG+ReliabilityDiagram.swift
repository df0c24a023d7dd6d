extension SVG {
    /// The reliability diagram of Guo et al. 2017: `<svg id="reliability">`.
    ///
    /// The square plot has confidence on x and accuracy on y, one bar per non-empty bin
    /// reaching its accuracy, and a dashed diagonal of perfect calibration. The translucent red
    /// band on each bar spans the gap between its accuracy and its mean confidence: red above
    /// the bar means over-confidence, red inside it under-confidence. Below, a small histogram
    /// shows how many predictions each bin holds (with the counts written above it for up to
    /// 20 bins), because a bar drawn from three examples deserves less trust than one from
    /// three thousand. The last line is the caption with the ECE.
    public static func reliabilityDiagram(_ calibration: Calibration) -> String {
        let left = 46.0, top = 30.0, plot = 280.0
        let histogramTop = top + plot + 44, histogramHeight = 56.0
        let histogramBase = histogramTop + histogramHeight
        let width = max(left + plot + 16, left + 346), height = histogramBase + 44
        func x(_ value: Double) -> Double { left + value * plot }
        func y(_ value: Double) -> Double { top + (1 - value) * plot }
        var canvas = SVGCanvas()

        canvas.rect(x: left, y: 8, width: 10, height: 10, fill: ChartPalette.precision)
        canvas.text("accuracy", x: left + 14, y: 17, fontSize: 10)
        canvas.rect(x: left + 72, y: 8, width: 10, height: 10, fill: "#e15759", attributes: "fill-opacity=\"0.4\"")
        canvas.text("gap to confidence", x: left + 86, y: 17, fontSize: 10)
        canvas.line(x1: left + 198, y1: 13, x2: left + 218, y2: 13, stroke: "#1f2328", attributes: "stroke-dasharray=\"4 3\"")
        canvas.text("perfect calibration", x: left + 222, y: 17, fontSize: 10)

        for step in 0...5 {
            let tick = Double(step) / 5, label = FixedDecimal.format(tick, decimals: 1)
            canvas.line(x1: x(tick), y1: top, x2: x(tick), y2: top + plot, stroke: ChartPalette.grid)
            canvas.line(x1: left, y1: y(tick), x2: left + plot, y2: y(tick), stroke: ChartPalette.grid)
            canvas.text(label, x: x(tick), y: top + plot + 14, anchor: .middle, fontSize: 10, attributes: "fill=\"\(ChartPalette.axis)\"")
            canvas.text(label, x: left - 5, y: y(tick), anchor: .end, fontSize: 10, attributes: "dy=\"0.35em\" fill=\"\(ChartPalette.axis)\"")
        }
        canvas.text("confidence (highest probability)", x: left + plot / 2, y: top + plot + 30, anchor: .middle)
        canvas.text(
            "accuracy", x: 12, y: top + plot / 2, anchor: .middle,
            attributes: "transform=\"rotate(-90 12 \(SVGCanvas.number(top + plot / 2)))\"")

        let largest = calibration.bins.reduce(0) { max($0, $1.count) }
        let showCounts = calibration.bins.count <= 20
        for bin in calibration.bins where bin.count > 0 {
            let barLeft = x(bin.lowerBound) + 1
            let barWidth = max((bin.upperBound - bin.lowerBound) * plot - 2, 0.5)
            let range = "\(FixedDecimal.format(bin.lowerBound, decimals: 2))–\(FixedDecimal.format(bin.upperBound, decimals: 2))"
            canvas.rect(
                x: barLeft, y: y(bin.accuracy), width: barWidth, height: bin.accuracy * plot, fill: ChartPalette.precision,
                tooltip: "confidence \(range): accuracy \(FixedDecimal.format(bin.accuracy, decimals: 3)), "
                    + "mean confidence \(FixedDecimal.format(bin.meanConfidence, decimals: 3)), \(bin.count) predictions")
            let gapTop = max(bin.accuracy, bin.meanConfidence), gapBottom = min(bin.accuracy, bin.meanConfidence)
            canvas.rect(
                x: barLeft, y: y(gapTop), width: barWidth, height: (gapTop - gapBottom) * plot, fill: "#e15759",
                attributes: "fill-opacity=\"0.4\"")
            let histogramBar = largest > 0 ? Double(bin.count) / Double(largest) * histogramHeight : 0
            canvas.rect(
                x: barLeft, y: histogramBase - histogramBar, width: barWidth, height: histogramBar, fill: ChartPalette.axis,
                tooltip: "confidence \(range): \(bin.count) predictions")
            if showCounts {
                canvas.text(
                    String(bin.count), x: barLeft + barWidth / 2, y: histogramBase - histogramBar - 3, anchor: .middle,
                    fontSize: 9, attributes: "fill=\"\(ChartPalette.axis)\"")
            }
        }
        canvas.line(
            x1: x(0), y1: y(0), x2: x(1), y2: y(1), stroke: "#1f2328", attributes: "stroke-dasharray=\"4 3\"")
        canvas.rect(x: left, y: top, width: plot, height: plot, fill: "none", attributes: "stroke=\"\(ChartPalette.axis)\"")
        canvas.line(x1: left, y1: histogramBase, x2: left + plot, y2: histogramBase, stroke: ChartPalette.axis)
        canvas.text("predictions per bin", x: left, y: histogramBase + 13, fontSize: 10, attributes: "fill=\"\(ChartPalette.axis)\"")

        let caption = calibration.count > 0
            ? "ECE \(FixedDecimal.format(calibration.expectedCalibrationError, decimals: 3)) · "
                + "\(calibration.bins.count) bin\(calibration.bins.count == 1 ? "" : "s") · n = \(calibration.count)"
            : "ECE 0.000 · no predictions to bin"
        canvas.text(caption, x: left, y: histogramBase + 34, fontSize: 12, attributes: "font-weight=\"600\"")
        return canvas.svg(
            id: "reliability", label: "Reliability diagram: accuracy against confidence. " + caption,
            width: width, height: height)
    }
}
