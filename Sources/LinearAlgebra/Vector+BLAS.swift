/// Dense vectors are plain `[Double]`: Swift arrays are contiguous, copy-on-write values, which is
/// all a vector needs. These extensions route the arithmetic through OpenBLAS.
extension Array where Element == Double {
    /// self · other
    public func dot(_ other: [Double]) -> Double {
        withUnsafeBufferPointer { x in other.withUnsafeBufferPointer { y in BLAS.dot(x, y) } }
    }

    /// self ← self + a·x
    public mutating func addScaled(_ x: [Double], by a: Double) {
        x.withUnsafeBufferPointer { xp in withUnsafeMutableBufferPointer { BLAS.axpy(a, xp, $0) } }
    }

    /// self ← a·self
    public mutating func scale(by a: Double) {
        withUnsafeMutableBufferPointer { BLAS.scal(a, $0) }
    }

    /// ‖self‖₂
    public var norm2: Double { withUnsafeBufferPointer { BLAS.nrm2($0) } }

    /// max |xᵢ|, the norm used for gradient-based convergence tests (as in scikit-learn's `gtol`).
    public var normInfinity: Double { reduce(0) { Swift.max($0, Swift.abs($1)) } }
}
