extension SVG {
    /// One precision–recall curve per label on shared axes: `<svg id="pr-curves">`.
    ///
    /// Each curve is drawn as the step function that average precision integrates — precision
    /// P_n held over the recall interval (R_{n−1}, R_n] — so the area under a drawn curve *is*
    /// its AP, rather than the optimistic straight lines between points. The legend beside
    /// the plot gives each label's colour, dash and AP; a label with no positive examples has
    /// no curve and says so.
    ///
    /// - Parameters:
    ///   - curves: one per label, in label order.
    ///   - labels: their names; a curve without a name is called "label N".
    public static func precisionRecallCurves(_ curves: [PrecisionRecallCurve], labels: [String]) -> String {
        let left = 46.0, top = 12.0, plotWidth = 300.0, plotHeight = 260.0, rowHeight = 16.0
        let legendLeft = left + plotWidth + 18
        let entries = curves.enumerated().map { index, curve -> (name: String, text: String) in
            let name = index < labels.count ? labels[index] : "label \(index + 1)"
            let score = curve.positiveCount > 0
                ? "AP \(FixedDecimal.format(curve.averagePrecision, decimals: 3))" : "no positives"
            return (name, ChartText.shortened(name, to: 22) + "  " + score)
        }
        let width = legendLeft + 26 + ChartText.widest(entries.map(\.text), minimum: 60) + 8
        let height = max(top + plotHeight + 40, top + Double(entries.count) * rowHeight + 8)
        func x(_ recall: Double) -> Double { left + recall * plotWidth }
        func y(_ precision: Double) -> Double { top + (1 - precision) * plotHeight }
        var canvas = SVGCanvas()

        for step in 0...5 {
            let tick = Double(step) / 5, label = FixedDecimal.format(tick, decimals: 1)
            canvas.line(x1: x(tick), y1: top, x2: x(tick), y2: top + plotHeight, stroke: ChartPalette.grid)
            canvas.line(x1: left, y1: y(tick), x2: left + plotWidth, y2: y(tick), stroke: ChartPalette.grid)
            canvas.text(label, x: x(tick), y: top + plotHeight + 14, anchor: .middle, fontSize: 10, attributes: "fill=\"\(ChartPalette.axis)\"")
            canvas.text(label, x: left - 5, y: y(tick), anchor: .end, fontSize: 10, attributes: "dy=\"0.35em\" fill=\"\(ChartPalette.axis)\"")
        }
        canvas.rect(x: left, y: top, width: plotWidth, height: plotHeight, fill: "none", attributes: "stroke=\"\(ChartPalette.axis)\"")
        canvas.text("recall", x: left + plotWidth / 2, y: top + plotHeight + 30, anchor: .middle)
        canvas.text(
            "precision", x: 12, y: top + plotHeight / 2, anchor: .middle,
            attributes: "transform=\"rotate(-90 12 \(SVGCanvas.number(top + plotHeight / 2)))\"")
        if curves.isEmpty {
            canvas.text(
                "no labels to show", x: x(0.5), y: y(0.5), anchor: .middle, attributes: "fill=\"\(ChartPalette.axis)\"")
        }

        for (index, curve) in curves.enumerated() {
            let color = ChartPalette.color(index), dash = ChartPalette.dashAttribute(index)
            var steps: [(x: Double, y: Double)] = []
            var previousRecall = 0.0
            for point in curve.points {
                steps.append((x(previousRecall), y(point.precision)))
                steps.append((x(point.recall), y(point.precision)))
                previousRecall = point.recall
            }
            canvas.polyline(steps, stroke: color, attributes: "stroke-width=\"1.75\"" + (dash.isEmpty ? "" : " " + dash))
            let rowY = top + Double(index) * rowHeight + 10
            canvas.line(
                x1: legendLeft, y1: rowY - 4, x2: legendLeft + 20, y2: rowY - 4, stroke: color,
                attributes: "stroke-width=\"2\"" + (dash.isEmpty ? "" : " " + dash))
            canvas.text(entries[index].text, x: legendLeft + 26, y: rowY, tooltip: entries[index].name)
        }
        return canvas.svg(
            id: "pr-curves", label: "Precision–recall curves, one-vs-rest per label, with average precision",
            width: width, height: height)
    }
}
