/// The transpose of a CSR matrix, kept as CSR of Xᵀ (that is, X in compressed-column form).
///
/// Logistic regression needs Xᵀ·G at every evaluation. Summing row contributions into one
/// gradient cannot be split across threads without either locks or a private gradient per
/// thread (memory d×k each) whose sum would depend on how rows were split. Walking Xᵀ instead,
/// each feature's gradient row is one independent dot product over that feature's column: it
/// parallelises by feature with no sharing, and gives the same bits whatever the thread count.
extension SparseMatrix {
    public var transposed: SparseMatrix {
        var counts = [Int](repeating: 0, count: columns + 1)
        for c in columnIndices { counts[Int(c) + 1] += 1 }
        for j in 0..<columns { counts[j + 1] += counts[j] }
        var next = counts
        var rowsOut = [Int32](repeating: 0, count: nonzeroCount)
        var valuesOut = [Float](repeating: 0, count: nonzeroCount)
        for i in 0..<rows {
            for p in rowStart[i]..<rowStart[i + 1] {
                let j = Int(columnIndices[p])
                rowsOut[next[j]] = Int32(i)
                valuesOut[next[j]] = values[p]
                next[j] += 1
            }
        }
        return SparseMatrix(columns: rows, rowStart: counts, columnIndices: rowsOut, values: valuesOut)
    }
}
