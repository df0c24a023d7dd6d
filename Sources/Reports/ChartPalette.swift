/// The fixed colours of the charts.
///
/// Why fixed: the same label gets the same colour in every report, and the output stays
/// byte-identical. The series palette is Tableau 10, chosen to stay distinguishable for the
/// common forms of colour blindness. Past ten labels the colours repeat, and each further cycle
/// adds a dash pattern, so label 0 (solid blue) and label 10 (dashed blue) can still be told
/// apart on a line chart.
enum ChartPalette {
    static let series = [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ]

    private static let dashes = ["", "6 3", "2 2", "8 3 2 3"]

    /// The colour of series `index`, cycling through the palette.
    static func color(_ index: Int) -> String {
        series[(index % series.count + series.count) % series.count]
    }

    /// A `stroke-dasharray` attribute for series `index`, or "" for the first cycle (solid).
    static func dashAttribute(_ index: Int) -> String {
        let cycle = (max(index, 0) / series.count) % dashes.count
        return cycle == 0 ? "" : "stroke-dasharray=\"\(dashes[cycle])\""
    }

    /// The three metrics of the per-class bar chart.
    static let precision = "#4e79a7"
    static let recall = "#f28e2b"
    static let f1 = "#59a14f"

    /// Lines and text that should recede: axes, grid, ticks.
    static let axis = "#8c959f"
    static let grid = "#eaeef2"

    /// A heat-map fill for a share in [0, 1]: from near-white to dark blue (the ends of
    /// ColorBrewer's "Blues"), interpolated linearly in RGB. Shares outside [0, 1] or NaN are
    /// clamped, so the result is always a valid colour.
    static func heat(_ share: Double) -> String {
        let s = share.isNaN ? 0 : min(max(share, 0), 1)
        let light = (247.0, 251.0, 255.0), dark = (8.0, 69.0, 148.0)
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * s).rounded()) }
        return "rgb(\(channel(light.0, dark.0)),\(channel(light.1, dark.1)),\(channel(light.2, dark.2)))"
    }

    /// Text drawn over a heat-map cell: white on the dark half, near-black on the light half.
    static func textOnHeat(_ share: Double) -> String {
        share > 0.5 ? "#ffffff" : "#1f2328"
    }
}
