extension SVG {
    /// Precision, recall and F1 of every label as grouped bars: `<svg id="class-scores">`.
    ///
    /// One group per label, in the given order, three bars each on a shared 0–1 scale with grid
    /// lines at quarters, so labels can be compared at a glance; the exact values are in each
    /// bar's tooltip and in the per-class table. Long label names are shortened (the full name
    /// is the tooltip) and slanted when they would overlap.
    public static func classScores(_ rows: [ClassificationSummary.Row]) -> String {
        let k = rows.count
        let names = rows.map { ChartText.shortened($0.label, to: 18) }
        let nameWidth = ChartText.widest(names)
        let group = k == 0 ? 0 : min(96, max(42, 600 / Double(k)))
        let slanted = nameWidth > group - 6
        // A slanted name reaches cos 40° of its width left of its group's centre; the first one
        // must not be cut off at the chart's edge.
        let left = slanted ? max(40, nameWidth * 0.77 - group / 2 + 6) : 40, top = 30.0, plotHeight = 180.0
        let plotWidth = max(group * Double(k), 120)
        let nameDepth = slanted ? nameWidth * 0.71 + 16 : 20
        let width = max(left + plotWidth + 12, left + 250)
        let height = top + plotHeight + nameDepth + 6
        var canvas = SVGCanvas()

        for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let y = top + (1 - tick) * plotHeight
            canvas.line(
                x1: left, y1: y, x2: left + plotWidth, y2: y, stroke: tick == 0 ? ChartPalette.axis : ChartPalette.grid)
            canvas.text(
                FixedDecimal.format(tick, decimals: 2), x: left - 5, y: y, anchor: .end, fontSize: 10,
                attributes: "dy=\"0.35em\" fill=\"\(ChartPalette.axis)\"")
        }
        let metrics: [(name: String, color: String, value: (ClassificationSummary.Row) -> Double)] = [
            ("precision", ChartPalette.precision, { $0.precision }),
            ("recall", ChartPalette.recall, { $0.recall }),
            ("F1", ChartPalette.f1, { $0.f1 }),
        ]
        for (index, metric) in metrics.enumerated() {
            let x = left + Double(index) * 82
            canvas.rect(x: x, y: 8, width: 10, height: 10, fill: metric.color)
            canvas.text(metric.name, x: x + 14, y: 17)
        }
        if k == 0 {
            canvas.text(
                "no labels to show", x: left + plotWidth / 2, y: top + plotHeight / 2, anchor: .middle,
                attributes: "fill=\"\(ChartPalette.axis)\"")
        }
        let barWidth = (group - 12) / 3
        for (g, row) in rows.enumerated() {
            let groupLeft = left + Double(g) * group
            for (index, metric) in metrics.enumerated() {
                let raw = metric.value(row)
                let value = raw.isNaN ? 0 : min(max(raw, 0), 1)
                let barHeight = value * plotHeight
                canvas.rect(
                    x: groupLeft + 6 + Double(index) * barWidth, y: top + plotHeight - barHeight,
                    width: barWidth - 1, height: barHeight, fill: metric.color,
                    tooltip: "\(row.label): \(metric.name) \(FixedDecimal.format(raw, decimals: 3)) (support \(row.support))")
            }
            let x = groupLeft + group / 2, y = top + plotHeight + 14
            if slanted {
                canvas.text(
                    names[g], x: x, y: y, anchor: .end,
                    attributes: "transform=\"rotate(-40 \(SVGCanvas.number(x)) \(SVGCanvas.number(y)))\"", tooltip: row.label)
            } else {
                canvas.text(names[g], x: x, y: y, anchor: .middle, tooltip: row.label)
            }
        }
        return canvas.svg(id: "class-scores", label: "Precision, recall and F1 per label", width: width, height: height)
    }
}
