/// A row-major dense matrix of `Double`.
///
/// Row-major because CSR products touch one output row per sample and one weight row per
/// feature; both are then contiguous.
public struct DenseMatrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    /// `rows × columns` values, row after row.
    public var values: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "DenseMatrix: negative shape \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = Array(repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "DenseMatrix: \(values.count) values for \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    @inlinable public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// A copy of one row.
    public func row(_ i: Int) -> [Double] { Array(values[i * columns ..< (i + 1) * columns]) }

    /// The transpose, as a new matrix.
    public var transposed: DenseMatrix {
        var t = DenseMatrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t.values[j * rows + i] = values[i * columns + j] } }
        return t
    }
}

extension DenseMatrix {
    /// op(self)·x, through BLAS `dgemv`.
    public func multiply(_ x: [Double], transposed: Bool = false) -> [Double] {
        var y = [Double](repeating: 0, count: transposed ? columns : rows)
        values.withUnsafeBufferPointer { a in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { yp in
                    BLAS.gemv(transpose: transposed, rows: rows, cols: columns, alpha: 1, a, xp, beta: 0, yp)
                }
            }
        }
        return y
    }

    /// op(self)·op(other), through BLAS `dgemm`.
    public func multiply(_ other: DenseMatrix, transposeSelf: Bool = false, transposeOther: Bool = false) -> DenseMatrix {
        let m = transposeSelf ? columns : rows
        let k = transposeSelf ? rows : columns
        let k2 = transposeOther ? other.columns : other.rows
        let n = transposeOther ? other.rows : other.columns
        precondition(k == k2, "DenseMatrix.multiply: inner dimensions \(k) and \(k2) differ")
        var c = DenseMatrix(rows: m, columns: n)
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                c.values.withUnsafeMutableBufferPointer { cp in
                    BLAS.gemm(transposeA: transposeSelf, transposeB: transposeOther, m: m, n: n, k: k,
                              alpha: 1, a, b, beta: 0, cp)
                }
            }
        }
        return c
    }
}
