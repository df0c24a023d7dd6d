import LinearAlgebra
import Testing

/// [[1 0 2]
///  [0 0 0]
///  [0 3 0]]
private func example() -> SparseMatrix {
    var b = SparseMatrixBuilder(columns: 3)
    var ids: [Int32] = [2, 0, 2]      // counts: column 0 once, column 2 twice
    b.appendRow(countingIDs: &ids)
    var empty: [Int32] = []
    b.appendRow(countingIDs: &empty)
    b.appendSortedRow([Int32(1)], [Float(3)])
    var m = b.build()
    m.mapValues { column, value in column == 2 ? 2 : value }
    return m
}

@Test func builderCountsRepeatedIDsAndSortsColumns() {
    var b = SparseMatrixBuilder(columns: 5)
    var ids: [Int32] = [4, 1, 4, 4, 0]
    b.appendRow(countingIDs: &ids)
    let m = b.build()
    #expect(m.rowStart == [0, 3])
    #expect(m.columnIndices == [0, 1, 4])
    #expect(m.values == [1, 1, 3])
}

/// Every path of the row sort (insertion, bucket + insertion, and the radix fallback for ids
/// crowded into few buckets) against a dictionary count, on rows of 0 to 700 ids.
@Test(arguments: [(1 << 20, false), (1 << 20, true), (5_000, false), (70, false), (3, false)])
func builderCountsRowsOfEveryShape(columns: Int, crowded: Bool) {
    var generator = SystemRandomNumberGenerator()
    var b = SparseMatrixBuilder(columns: columns)
    var expected: [[(Int32, Float)]] = []
    for n in [0, 1, 2, 47, 48, 49, 200, 700] {
        // Crowded: all ids within 64 of each other, so a few top-bit buckets hold everything.
        let low = crowded ? Int.random(in: 0..<(columns - 64), using: &generator) : 0
        let high = crowded ? low + 64 : columns
        var ids = (0..<n).map { _ in Int32(Int.random(in: low..<high, using: &generator)) }
        let counts = Dictionary(ids.map { ($0, Float(1)) }, uniquingKeysWith: +)
        expected.append(counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        b.appendRow(countingIDs: &ids)
    }
    let m = b.build()
    for (i, row) in expected.enumerated() {
        let range = m.rowStart[i]..<m.rowStart[i + 1]
        #expect(Array(m.columnIndices[range]) == row.map(\.0))
        #expect(Array(m.values[range]) == row.map(\.1))
    }
}

@Test func sparseTimesDenseMatchesDenseProduct() {
    let x = example()
    let w = DenseMatrix(rows: 3, columns: 2, values: [1, 2, 3, 4, 5, 6])
    #expect(x.multiply(w).values == [11, 14, 0, 0, 9, 12])
    let g = DenseMatrix(rows: 3, columns: 2, values: [1, -1, 5, 5, 2, 0])
    #expect(x.transposeMultiply(g).values == [1, -1, 6, 0, 2, -2])
    #expect(x[0, 2] == 2 && x[0, 1] == 0 && x[2, 1] == 3)
}

@Test func selectingRowsKeepsOrderAndContents() {
    let x = example().selectingRows([2, 0])
    #expect(x.rows == 2)
    #expect(x.row(0).map(\.column) == [1])
    #expect(x.row(1).map(\.value) == [1, 2])
}

@Test func compactingColumnsKeepsOnlyColumnsInUse() {
    var b = SparseMatrixBuilder(columns: 6)
    b.appendSortedRow([Int32(1), 4], [Float(2), 3])
    b.appendSortedRow([Int32](), [Float]())
    b.appendSortedRow([Int32(4)], [Float(5)])
    let x = b.build()
    let kept = x.columnsInUse()
    let compact = x.keepingColumns(kept)
    #expect(kept == [1, 4])
    #expect(compact.columns == 2 && compact.rows == 3)
    #expect(compact.row(0).map(\.column) == [0, 1] && compact.row(0).map(\.value) == [2, 3])
    #expect(compact.row(1).isEmpty)
    #expect(compact.row(2).map(\.column) == [1] && compact.row(2).map(\.value) == [5])
}
