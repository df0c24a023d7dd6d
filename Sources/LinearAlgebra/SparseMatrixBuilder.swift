import CAllocator

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
    /// Sorts and counts a row's ids; it and the counts are scratch kept between rows.
    private var counter = IDCounter()
    private var countScratch: [Float] = []

    public init(columns: Int) {
        precondition(columns >= 0 && columns <= Int(Int32.max), "SparseMatrixBuilder: \(columns) columns")
        self.columns = columns
    }

    public var rows: Int { rowStart.count - 1 }

    /// Makes room for more rows and entries. `hugePages` backs a large reservation by 2 MB pages,
    /// which is right only when it will be filled: a page is resident as soon as one byte of it is
    /// touched (pieces reserved for their worst case took 800 MB more on a million documents).
    public mutating func reserve(rows: Int, nonzeros: Int, hugePages: Bool = false) {
        rowStart.reserveCapacity(rowStart.count + rows)
        if hugePages {
            HugePages.reserve(&columnIndices, capacity: columnIndices.count + nonzeros)
            HugePages.reserve(&values, capacity: values.count + nonzeros)
        } else {
            columnIndices.reserveCapacity(columnIndices.count + nonzeros)
            values.reserveCapacity(values.count + nonzeros)
        }
    }

    /// Appends a row whose entries are the distinct ids in `ids` with their multiplicities.
    /// `ids` is scratch: it is sorted in place (that is the point: no temporary dictionary per
    /// document) and its front then overwritten with the distinct ids; clear it before reuse.
    /// The distinct ids and their counts are appended in one bulk copy each: an append per
    /// entry paid a uniqueness check and a capacity check every time.
    public mutating func appendRow(countingIDs ids: inout [Int32]) {
        let distinct = counter.count(&ids, into: &countScratch, below: columns)
        columnIndices.append(contentsOf: ids[0..<distinct])
        values.append(contentsOf: countScratch[0..<distinct])
        rowStart.append(columnIndices.count)
    }

    /// Appends a row given as strictly increasing column indices and their values.
    public mutating func appendSortedRow(_ columns: UnsafeBufferPointer<Int32>, _ rowValues: UnsafeBufferPointer<Float>) {
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

    /// Appends a row given as strictly increasing column indices and their values (any
    /// collections: a convenience for tests and small tables; it copies them first).
    public mutating func appendSortedRow<C: Collection, V: Collection>(_ columns: C, _ rowValues: V)
    where C.Element == Int32, V.Element == Float {
        let columns = Array(columns), rowValues = Array(rowValues)
        columns.withUnsafeBufferPointer { c in rowValues.withUnsafeBufferPointer { appendSortedRow(c, $0) } }
    }

    /// Appends another matrix's rows below the ones already here.
    public mutating func append(_ matrix: SparseMatrix) {
        precondition(matrix.columns == columns, "SparseMatrixBuilder: \(matrix.columns) columns, expected \(columns)")
        let offset = columnIndices.count
        columnIndices.append(contentsOf: matrix.columnIndices)
        values.append(contentsOf: matrix.values)
        rowStart.append(contentsOf: matrix.rowStart.dropFirst().lazy.map { $0 + offset })
    }

    /// `parts` one below the other, in order, copied once into arrays sized exactly (stacking
    /// by appending alone grew them by doubling: a copy and fresh pages at each step, a tenth
    /// of featurising a corpus). Each part is released as soon as it is copied, and the freed
    /// memory handed back to the system every few parts (the C library would keep it for
    /// reuse), so the peak is the result plus a few parts rather than twice the result.
    public static func stacking(_ parts: inout [SparseMatrix?], columns: Int) -> SparseMatrix {
        var all = SparseMatrixBuilder(columns: columns)
        all.reserve(rows: parts.reduce(0) { $0 + $1!.rows }, nonzeros: parts.reduce(0) { $0 + $1!.nonzeroCount }, hugePages: true)
        for p in parts.indices {
            all.append(parts[p]!)
            parts[p] = nil
            if p % 16 == 15 { stance_return_free_memory() }
        }
        return all.build()
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
