/// An inclusive range of n-gram lengths, written "1-3" on the command line ("2" means 2-2).
public struct NGramRange: Sendable, Equatable, Codable, CustomStringConvertible {
    public var lower: Int
    public var upper: Int

    public init(_ lower: Int, _ upper: Int) {
        precondition(lower >= 1 && upper >= lower, "NGramRange: need 1 ≤ lower ≤ upper, got \(lower)-\(upper)")
        self.lower = lower
        self.upper = upper
    }

    /// Parses "1-3" or "2"; nil when malformed.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let lo = Int(parts[0]), let hi = Int(parts.last!), lo >= 1, hi >= lo, hi <= 16 else { return nil }
        self.init(lo, hi)
    }

    public var description: String { lower == upper ? "\(lower)" : "\(lower)-\(upper)" }
}
