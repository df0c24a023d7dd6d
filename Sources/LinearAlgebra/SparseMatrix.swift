/// A compressed sparse-row (CSR) matrix: the shape every bag-of-n-grams corpus takes.
///
/// Row `i` owns the entries `rowStart[i] ..< rowStart[i + 1]` of `columnIndices` and `values`.
/// Column indices are 32-bit and values single precision: a corpus of millions of documents is
/// dominated by these two arrays, and halving them matters more than the seventh digit of a
/// TF-IDF weight. Within a row, column indices are strictly increasing (``SparseMatrixBuilder``
/// guarantees it), which makes rows comparable and products cache-friendly.
public struct SparseMatrix: Equatable, Sendable {
    public let columns: Int
    public internal(set) var rowStart: [Int]
    public internal(set) var columnIndices: [Int32]
    public internal(set) var values: [Float]

    public var rows: Int { rowStart.count - 1 }
    public var nonzeroCount: Int { columnIndices.count }

    /// An empty matrix with `columns` columns and no rows.
    public init(columns: Int) {
        precondition(columns >= 0 && columns <= Int(Int32.max), "SparseMatrix: \(columns) columns")
        self.columns = columns
        self.rowStart = [0]
        self.columnIndices = []
        self.values = []
    }

    /// Builds from raw CSR arrays, checking every invariant (used when loading or slicing).
    public init(columns: Int, rowStart: [Int], columnIndices: [Int32], values: [Float]) {
        precondition(rowStart.first == 0 && rowStart.last == columnIndices.count && columnIndices.count == values.count,
                     "SparseMatrix: inconsistent CSR arrays")
        self.columns = columns
        self.rowStart = rowStart
        self.columnIndices = columnIndices
        self.values = values
    }

    /// The entries of row `i` as (column, value) pairs, for tests and small tools.
    public func row(_ i: Int) -> [(column: Int, value: Float)] {
        (rowStart[i]..<rowStart[i + 1]).map { (Int(columnIndices[$0]), values[$0]) }
    }

    /// The value at (i, j), zero where nothing is stored. Binary search: rows are sorted.
    public subscript(i: Int, j: Int) -> Float {
        var lo = rowStart[i], hi = rowStart[i + 1]
        let target = Int32(j)
        while lo < hi {
            let mid = (lo + hi) / 2
            if columnIndices[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo < rowStart[i + 1] && columnIndices[lo] == target ? values[lo] : 0
    }

    /// A new matrix made of the given rows, in the given order (cross-validation folds).
    public func selectingRows(_ indices: [Int]) -> SparseMatrix {
        var builder = SparseMatrixBuilder(columns: columns)
        builder.reserve(rows: indices.count, nonzeros: indices.reduce(0) { $0 + rowStart[$1 + 1] - rowStart[$1] })
        columnIndices.withUnsafeBufferPointer { columns in
            values.withUnsafeBufferPointer { values in
                for i in indices {
                    let row = rowStart[i]..<rowStart[i + 1]
                    builder.appendSortedRow(UnsafeBufferPointer(rebasing: columns[row]), UnsafeBufferPointer(rebasing: values[row]))
                }
            }
        }
        return builder.build()
    }

    /// Hands the column indices and the values (writable, same order) to `body` at once, for
    /// loops too hot to call a closure per value.
    public mutating func withColumnsAndValues<R>(_ body: (UnsafeBufferPointer<Int32>, UnsafeMutableBufferPointer<Float>) -> R) -> R {
        columnIndices.withUnsafeBufferPointer { columns in values.withUnsafeMutableBufferPointer { body(columns, $0) } }
    }

    /// Applies `transform(column, value)` to every stored value in place.
    public mutating func mapValues(_ transform: (Int32, Float) -> Float) {
        for p in 0..<values.count { values[p] = transform(columnIndices[p], values[p]) }
    }
}
