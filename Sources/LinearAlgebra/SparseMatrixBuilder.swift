/// Appends rows to CSR arrays in place, so featurising a corpus allocates nothing per token.
///
/// Typical use: collect a document's feature ids into a reusable scratch buffer, then call
/// ``appendRow(countingIDs:)`` which sorts the buffer in place and stores each distinct id once
/// with its count.
public struct SparseMatrixBuilder: Sendable {
    /// The column count; ids must stay below it. May grow while building (e.g. while a
    /// vocabulary is still being discovered), see ``build(columns:)``.
    public var columns: Int
    private var rowStart: [Int] = [0]
    private var columnIndices: [Int32] = []
    private var values: [Float] = []

    public init(columns: Int) {
        precondition(columns >= 0 && columns <= Int(Int32.max), "SparseMatrixBuilder: \(columns) columns")
        self.columns = columns
    }

    public var rows: Int { rowStart.count - 1 }

    public mutating func reserve(rows: Int, nonzeros: Int) {
        rowStart.reserveCapacity(rowStart.count + rows)
        columnIndices.reserveCapacity(columnIndices.count + nonzeros)
        values.reserveCapacity(values.count + nonzeros)
    }

    /// Appends a row whose entries are the distinct ids in `ids` with their multiplicities.
    /// `ids` is sorted in place (that is the point: no temporary dictionary per document).
    public mutating func appendRow(countingIDs ids: inout [Int32]) {
        ids.sort()
        var p = 0
        while p < ids.count {
            let id = ids[p]
            precondition(id >= 0 && Int(id) < columns, "SparseMatrixBuilder: column \(id) outside 0..<\(columns)")
            var q = p + 1
            while q < ids.count && ids[q] == id { q += 1 }
            columnIndices.append(id)
            values.append(Float(q - p))
            p = q
        }
        rowStart.append(columnIndices.count)
    }

    /// Appends a row given as strictly increasing column indices and their values.
    public mutating func appendSortedRow<C: Collection, V: Collection>(_ columns: C, _ rowValues: V)
    where C.Element == Int32, V.Element == Float {
        precondition(columns.count == rowValues.count, "SparseMatrixBuilder: \(columns.count) columns, \(rowValues.count) values")
        var previous: Int32 = -1
        for c in columns {
            precondition(c > previous && Int(c) < self.columns, "SparseMatrixBuilder: columns must increase within 0..<\(self.columns)")
            previous = c
        }
        columnIndices.append(contentsOf: columns)
        values.append(contentsOf: rowValues)
        rowStart.append(columnIndices.count)
    }

    /// Appends another matrix's rows below the ones already here.
    public mutating func append(_ matrix: SparseMatrix) {
        precondition(matrix.columns == columns, "SparseMatrixBuilder: \(matrix.columns) columns, expected \(columns)")
        let offset = columnIndices.count
        columnIndices.append(contentsOf: matrix.columnIndices)
        values.append(contentsOf: matrix.values)
        rowStart.append(contentsOf: matrix.rowStart.dropFirst().map { $0 + offset })
    }

    public func build() -> SparseMatrix {
        SparseMatrix(columns: columns, rowStart: rowStart, columnIndices: columnIndices, values: values)
    }

    /// Builds with a final column count, for rows appended before the width was known.
    public func build(columns finalColumns: Int) -> SparseMatrix {
        precondition(finalColumns >= 0 && finalColumns <= Int(Int32.max), "SparseMatrixBuilder: \(finalColumns) columns")
        precondition(columnIndices.allSatisfy { Int($0) < finalColumns }, "SparseMatrixBuilder: a column id exceeds \(finalColumns)")
        return SparseMatrix(columns: finalColumns, rowStart: rowStart, columnIndices: columnIndices, values: values)
    }
}
