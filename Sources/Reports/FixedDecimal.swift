/// Prints numbers with a fixed number of decimals, identically on every machine.
///
/// Why not `String(format: "%.3f")` or `NumberFormatter`: both come from Foundation and follow
/// a locale (a German machine writes "0,839"), and the report promises byte-identical output for
/// the same input wherever it is generated. Scaling to an integer and printing its digits needs
/// nothing but the standard library and cannot vary.
///
///     FixedDecimal.format(0.83333, decimals: 3)  // "0.833"
///     FixedDecimal.format(-0.0004, decimals: 3)  // "0.000" (no "-0.000")
///     FixedDecimal.format(.nan, decimals: 3)     // "n/a"
enum FixedDecimal {
    /// `value` rounded half away from zero to `decimals` places (clamped to 0...15).
    ///
    /// Rounding applies to the binary value, as `printf` does: 0.125 is exact and becomes "0.13",
    /// while 1.005 is stored as 1.00499… and becomes "1.00". Non-finite values print as "n/a", so
    /// a page never shows "nan" or "inf"; magnitudes too large for 64-bit digits (beyond about
    /// 9·10¹⁸ after scaling) fall back to Swift's own locale-free `description`.
    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "n/a" }
        let places = min(max(decimals, 0), 15)
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (value.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return value.description }
        let units = UInt64(scaled)
        var text = value < 0 && units != 0 ? "-" : ""
        text += String(units / scale)
        if places > 0 {
            let fraction = String(units % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// A contribution or other signed quantity with its sign always written: "+0.309", "-0.120".
    static func signed(_ value: Double, decimals: Int) -> String {
        let text = format(value, decimals: decimals)
        guard value.isFinite, !text.hasPrefix("-") else { return text }
        return "+" + text
    }
}
