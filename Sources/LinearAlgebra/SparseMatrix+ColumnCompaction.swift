extension SparseMatrix {
    /// The same rows over only the columns that hold at least one stored value, and the original
    /// column of each kept one (ascending, so rows stay sorted).
    ///
    /// A hashed feature space is mostly empty on a small corpus (2^22 buckets, a few hundred
    /// thousand in use): an optimiser that carries every column pays for the empty ones in each
    /// vector it keeps. Their optimum is exactly zero under L2 or L1, so fitting on the kept
    /// columns and putting the weights back is the same model at a fraction of the memory.
    public func compactingColumns() -> (matrix: SparseMatrix, kept: [Int]) {
        var newIndex = [Int32](repeating: -1, count: columns)
        for column in columnIndices { newIndex[Int(column)] = 0 }
        var kept: [Int] = []
        for j in 0..<columns where newIndex[j] == 0 {
            newIndex[j] = Int32(kept.count)
            kept.append(j)
        }
        let compact = SparseMatrix(columns: kept.count, rowStart: rowStart,
                                   columnIndices: columnIndices.map { newIndex[Int($0)] }, values: values)
        return (compact, kept)
    }
}
