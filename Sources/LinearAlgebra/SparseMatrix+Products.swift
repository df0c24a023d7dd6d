import CPrefetch
/// Products between a CSR matrix X (n×d) and dense row-major matrices.
///
/// These two loops are where a linear model spends its time. They follow LIBLINEAR's
/// `sparse_operator`: one pass over the stored entries, the dense side accessed by rows so that
/// the k class weights of a feature sit next to each other in memory.
extension SparseMatrix {
    /// Rows per parallel piece: big enough to amortise scheduling, fixed so results never depend
    /// on the thread count (see ``Parallel``).
    static let rowsPerPiece = 4096

    /// How many non-zeros ahead `multiply` prefetches weight rows: far enough to cover a miss,
    /// near enough that the line is still cached when reached.
    public static let prefetchDistance = 12

    /// X·W for W of shape d×k; returns n×k. Rows are independent, so pieces of rows run in
    /// parallel and each output row is computed exactly as it would be alone.
    public func multiply(_ w: DenseMatrix) -> DenseMatrix {
        precondition(w.rows == columns, "SparseMatrix.multiply: W has \(w.rows) rows, X has \(columns) columns")
        let k = w.columns
        var out = DenseMatrix(rows: rows, columns: k)
        let pieces = Parallel.blocks(rows, size: Self.rowsPerPiece)
        columnIndices.withUnsafeBufferPointer { cols in
            values.withUnsafeBufferPointer { vals in
                rowStart.withUnsafeBufferPointer { starts in
                    w.values.withUnsafeBufferPointer { wp in
                        out.values.withUnsafeMutableBufferPointer { op in
                            let output = op
                            let nonzeros = cols.count, ahead = Self.prefetchDistance
                            Parallel.forEach(pieces.count) { piece in
                                for i in pieces[piece] {
                                    let o = i * k
                                    for p in starts[i]..<starts[i + 1] {
                                        // Each non-zero reads a weight row at a random address
                                        // (a cache miss on large models): ask for one a few ahead.
                                        if p + ahead < nonzeros { stance_prefetch_read(wp.baseAddress! + Int(cols[p + ahead]) * k) }
                                        let v = Double(vals[p])
                                        let base = Int(cols[p]) * k
                                        for c in 0..<k { output[o + c] += v * wp[base + c] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Xᵀ·G for G of shape n×k, accumulated into `result` (d×k) as `result += scale·XᵀG`.
    public func transposeMultiply(_ g: DenseMatrix, scale: Double = 1, into result: inout DenseMatrix) {
        precondition(g.rows == rows, "SparseMatrix.transposeMultiply: G has \(g.rows) rows, X has \(rows)")
        precondition(result.rows == columns && result.columns == g.columns, "SparseMatrix.transposeMultiply: result shape")
        let k = g.columns
        columnIndices.withUnsafeBufferPointer { cols in
            values.withUnsafeBufferPointer { vals in
                g.values.withUnsafeBufferPointer { gp in
                    result.values.withUnsafeMutableBufferPointer { rp in
                        for i in 0..<rows {
                            let o = i * k
                            for p in rowStart[i]..<rowStart[i + 1] {
                                let v = scale * Double(vals[p])
                                let base = Int(cols[p]) * k
                                for c in 0..<k { rp[base + c] += v * gp[o + c] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Xᵀ·G as a new d×k matrix.
    public func transposeMultiply(_ g: DenseMatrix) -> DenseMatrix {
        var result = DenseMatrix(rows: columns, columns: g.columns)
        transposeMultiply(g, into: &result)
        return result
    }
}
