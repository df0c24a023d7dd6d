import Foundation

/// Numerically stable log-sum-exp and softmax.
///
/// exp(1000) overflows a Double, so both subtract the maximum first:
/// log Σ exp(xᵢ) = m + log Σ exp(xᵢ − m) with m = max xᵢ. An all −∞ input gives −∞ (and a
/// uniform softmax), never NaN.
public enum Softmax {
    public static func logSumExp(_ x: UnsafeBufferPointer<Double>) -> Double {
        guard let m = x.max() else { return -.infinity }
        if m == -.infinity { return -.infinity }
        if m == .infinity { return .infinity }
        var s = 0.0
        for v in x { s += exp(v - m) }
        return m + log(s)
    }

    public static func logSumExp(_ x: [Double]) -> Double { x.withUnsafeBufferPointer { logSumExp($0) } }

    /// Replaces `x` by softmax(x) in place and returns log Σ exp(x) of the input.
    @discardableResult
    public static func softmaxInPlace(_ x: UnsafeMutableBufferPointer<Double>) -> Double {
        let lse = logSumExp(UnsafeBufferPointer(x))
        if !lse.isFinite {
            // Every score −∞ (or a +∞): fall back to uniform or to the argmax, never NaN.
            let top = x.max() ?? 0
            let hits = x.filter { $0 == top }.count
            for i in x.indices { x[i] = (x[i] == top) ? 1 / Double(hits) : 0 }
            return lse
        }
        for i in x.indices { x[i] = exp(x[i] - lse) }
        return lse
    }

    public static func softmax(_ x: [Double]) -> [Double] {
        var y = x
        y.withUnsafeMutableBufferPointer { _ = softmaxInPlace($0) }
        return y
    }

    /// Applies softmax to every row of `m` in place.
    public static func softmaxRows(_ m: inout DenseMatrix) {
        let k = m.columns
        m.values.withUnsafeMutableBufferPointer { all in
            for i in 0..<m.rows {
                softmaxInPlace(UnsafeMutableBufferPointer(rebasing: all[i * k ..< (i + 1) * k]))
            }
        }
    }
}
