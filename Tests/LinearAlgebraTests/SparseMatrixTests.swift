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

@Test func sparseTimesDenseMatchesDenseProduct() {
    let x = example()
    let w = DenseMatrix(rows: 3, columns: 2, values: [1, 2, 3, 4, 5, 6])
    #expect(x.multiply(w).values == [11, 14, 0, 0, 9, 12])
    let g = DenseMatrix(rows: 3, columns: 2, values: [1, -1, 5, 5, 2, 0])
    #expect(x.transposeMultiply(g).values == [1, -1, 6, 0, 2, -2])
    #expect(x[0, 2] == 2 && x[0, 1] == 0 && x[2, 1] == 3)
    #expect(x.rowSquaredNorms() == [5, 0, 9])
}

@Test func selectingRowsKeepsOrderAndContents() {
    let x = example().selectingRows([2, 0])
    #expect(x.rows == 2)
    #expect(x.row(0).map(\.column) == [1])
    #expect(x.row(1).map(\.value) == [1, 2])
}
