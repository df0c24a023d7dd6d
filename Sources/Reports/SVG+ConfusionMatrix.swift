extension SVG {
    /// The confusion matrix as a heat map: `<svg id="confusion-matrix">`.
    ///
    /// Rows are true labels, columns predicted labels, and each cell shows its count. Cells are
    /// shaded by their share of the *row* (the recall view), not by raw count, so a rare label's
    /// row is as readable as a common one's: a dark diagonal means every label is mostly
    /// recognised, and a dark off-diagonal cell names the confusion. Diagonal cells are
    /// outlined. A row with no examples stays white.
    ///
    /// - Parameters:
    ///   - labels: the label names, in the order of `counts`' rows and columns.
    ///   - counts: counts[t][p], examples of true label t predicted as p; missing entries count 0.
    public static func confusionMatrix(labels: [String], counts: [[Int]]) -> String {
        let k = labels.count
        let names = labels.map { ChartText.shortened($0, to: 18) }
        let nameWidth = ChartText.widest(names, minimum: 12)
        let cell = k == 0 ? 0 : min(72, max(26, 440 / Double(k)))
        let grid = cell * Double(k)
        let left = 22 + nameWidth + 8, top = 10.0
        let columnNameDepth = nameWidth * 0.71 + 12
        let width = max(left + grid + 12, 220)
        let height = top + grid + columnNameDepth + 24
        var canvas = SVGCanvas()
        guard k > 0 else {
            canvas.text("no labels to show", x: 110, y: 40, anchor: .middle, attributes: "fill=\"\(ChartPalette.axis)\"")
            return canvas.svg(id: "confusion-matrix", label: "Confusion matrix (no labels)", width: width, height: 70)
        }
        let countFontSize = min(13, max(8, cell * 0.34))
        for t in 0..<k {
            let row = t < counts.count ? counts[t] : []
            let cells = (0..<k).map { $0 < row.count ? row[$0] : 0 }
            let rowTotal = cells.reduce(0, +)
            for p in 0..<k {
                let count = cells[p]
                let share = rowTotal > 0 ? Double(count) / Double(rowTotal) : 0
                let x = left + Double(p) * cell, y = top + Double(t) * cell
                canvas.rect(
                    x: x, y: y, width: cell, height: cell, fill: ChartPalette.heat(share),
                    attributes: "stroke=\"#ffffff\"",
                    tooltip: "true \(labels[t]), predicted \(labels[p]): \(count) of \(rowTotal)"
                        + " (\(FixedDecimal.format(share * 100, decimals: 1))% of the row)")
                canvas.text(
                    String(count), x: x + cell / 2, y: y + cell / 2, anchor: .middle, fontSize: countFontSize,
                    attributes: "dy=\"0.35em\" fill=\"\(ChartPalette.textOnHeat(share))\"")
            }
        }
        for d in 0..<k {
            let at = Double(d) * cell
            canvas.rect(
                x: left + at + 0.75, y: top + at + 0.75, width: cell - 1.5, height: cell - 1.5, fill: "none",
                attributes: "stroke=\"#1f2328\" stroke-width=\"1.5\"")
        }
        for (index, name) in names.enumerated() {
            let middle = Double(index) * cell + cell / 2
            canvas.text(
                name, x: left - 6, y: top + middle, anchor: .end, attributes: "dy=\"0.35em\"", tooltip: labels[index])
            let x = left + middle, y = top + grid + 12
            canvas.text(
                name, x: x, y: y, anchor: .end,
                attributes: "transform=\"rotate(-45 \(SVGCanvas.number(x)) \(SVGCanvas.number(y)))\"",
                tooltip: labels[index])
        }
        canvas.text(
            "true", x: 12, y: top + grid / 2, anchor: .middle, fontSize: 12,
            attributes: "font-weight=\"600\" transform=\"rotate(-90 12 \(SVGCanvas.number(top + grid / 2)))\"")
        canvas.text(
            "predicted", x: left + grid / 2, y: height - 8, anchor: .middle, fontSize: 12, attributes: "font-weight=\"600\"")
        return canvas.svg(
            id: "confusion-matrix", label: "Confusion matrix: rows true labels, columns predicted labels",
            width: width, height: height)
    }
}
