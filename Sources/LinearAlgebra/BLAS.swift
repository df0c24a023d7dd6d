import CBLAS

/// The one doorway to OpenBLAS.
///
/// Every call into CBLAS goes through here so that the conversion of `Int` to CBLAS's 32-bit
/// `blasint` and the dimension checks live in a single place. The functions are thin: they take
/// buffer pointers so callers can run them on any contiguous storage without copying.
///
/// Dimension mismatches are programming errors, not user errors, so they trap with a message
/// rather than throw.
public enum BLAS {
    /// OpenBLAS's own threads help large level-3 products, but for the level-1 vector work of
    /// the optimisers (dots and axpys of a few hundred thousand entries, thousands of times) waking
    /// its pool costs more than it saves — measured as seconds of system time per training run.
    /// `stance` parallelises at a coarser grain itself (``Parallel``), so OpenBLAS runs on one thread.
    ///
    /// OpenBLAS starts its pool when it is loaded, and each thread spins on `sched_yield` for
    /// about 2^28 cycles before sleeping: a core taken from the first tenth of a second of every
    /// process. Touching this at startup also stops those threads.
    public static let singleThreaded: Void = {
        openblas_set_num_threads(1)
        _ = blas_thread_shutdown_()
    }()
    @inline(__always)
    static func int32(_ n: Int, _ what: StaticString) -> Int32 {
        precondition(n >= 0 && n <= Int(Int32.max), "BLAS: \(what) = \(n) does not fit a 32-bit blasint")
        return Int32(n)
    }

    /// x · y
    public static func dot(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>) -> Double {
        _ = singleThreaded
        precondition(x.count == y.count, "BLAS.dot: lengths \(x.count) and \(y.count) differ")
        if x.isEmpty { return 0 }
        return cblas_ddot(int32(x.count, "n"), x.baseAddress, 1, y.baseAddress, 1)
    }

    /// y ← a·x + y
    public static func axpy(_ a: Double, _ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>) {
        _ = singleThreaded
        precondition(x.count == y.count, "BLAS.axpy: lengths \(x.count) and \(y.count) differ")
        if x.isEmpty { return }
        cblas_daxpy(int32(x.count, "n"), a, x.baseAddress, 1, y.baseAddress, 1)
    }

    /// x ← a·x
    public static func scal(_ a: Double, _ x: UnsafeMutableBufferPointer<Double>) {
        if x.isEmpty { return }
        cblas_dscal(int32(x.count, "n"), a, x.baseAddress, 1)
    }

    /// ‖x‖₂, computed by OpenBLAS without overflow for large entries.
    public static func nrm2(_ x: UnsafeBufferPointer<Double>) -> Double {
        if x.isEmpty { return 0 }
        return cblas_dnrm2(int32(x.count, "n"), x.baseAddress, 1)
    }

    /// y ← α·op(A)·x + β·y for a row-major `rows`×`cols` matrix A.
    public static func gemv(
        transpose: Bool, rows: Int, cols: Int, alpha: Double,
        _ a: UnsafeBufferPointer<Double>, _ x: UnsafeBufferPointer<Double>,
        beta: Double, _ y: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(a.count == rows * cols, "BLAS.gemv: matrix storage \(a.count) ≠ \(rows)×\(cols)")
        precondition(x.count == (transpose ? rows : cols), "BLAS.gemv: x has length \(x.count)")
        precondition(y.count == (transpose ? cols : rows), "BLAS.gemv: y has length \(y.count)")
        if rows == 0 || cols == 0 {
            scal(beta, y)
            return
        }
        cblas_dgemv(
            CblasRowMajor, transpose ? CblasTrans : CblasNoTrans,
            int32(rows, "rows"), int32(cols, "cols"), alpha, a.baseAddress, int32(cols, "lda"),
            x.baseAddress, 1, beta, y.baseAddress, 1)
    }

    /// C ← α·op(A)·op(B) + β·C with row-major storage; C is m×n.
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>,
        beta: Double, _ c: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(a.count == m * k, "BLAS.gemm: A storage \(a.count) ≠ \(m)×\(k)")
        precondition(b.count == k * n, "BLAS.gemm: B storage \(b.count) ≠ \(k)×\(n)")
        precondition(c.count == m * n, "BLAS.gemm: C storage \(c.count) ≠ \(m)×\(n)")
        if m == 0 || n == 0 { return }
        if k == 0 {
            scal(beta, c)
            return
        }
        cblas_dgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            int32(m, "m"), int32(n, "n"), int32(k, "k"), alpha,
            a.baseAddress, int32(transposeA ? m : k, "lda"),
            b.baseAddress, int32(transposeB ? k : n, "ldb"),
            beta, c.baseAddress, int32(n, "ldc"))
    }
}
