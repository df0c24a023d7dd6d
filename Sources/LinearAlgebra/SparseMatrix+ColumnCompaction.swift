extension SparseMatrix {
    /// The columns that hold at least one stored value, ascending. One pass over the column
    /// indices and one over a flag per column: cheap enough to ask before deciding to compact.
    public func columnsInUse() -> [Int] {
        var used = [Bool](repeating: false, count: columns)
        for column in columnIndices { used[Int(column)] = true }
        return used.indices.filter { used[$0] }
    }

    /// The same rows over only the columns `kept` (ascending, from ``columnsInUse()``), renumbered
    /// 0..<kept.count so rows stay sorted.
    ///
    /// A hashed feature space is mostly empty on a small corpus (2^22 buckets, a few hundred
    /// thousand in use): an optimiser that carries every column pays for the empty ones in each
    /// vector it keeps. Their optimum is exactly zero under L2 or L1, so fitting on the kept
    /// columns and putting the weights back is the same model at a fraction of the memory.
    public func keepingColumns(_ kept: [Int]) -> SparseMatrix {
        var newIndex = [Int32](repeating: -1, count: columns)
        for (i, j) in kept.enumerated() { newIndex[j] = Int32(i) }
        let renumbered = columnIndices.map { newIndex[Int($0)] }
        precondition(!renumbered.contains(-1), "SparseMatrix.keepingColumns: a stored value lies in a column not kept")
        return SparseMatrix(columns: kept.count, rowStart: rowStart, columnIndices: renumbered, values: values)
    }
}
