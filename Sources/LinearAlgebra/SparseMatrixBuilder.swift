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
    /// Scratch space for sorting a row's ids (kept between rows).
    private var sortScratch: [Int32] = []
    private var histogram: [Int] = []
    /// Scratch space for a row's counts (kept between rows).
    private var countScratch: [Float] = []

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
    /// `ids` is scratch: it is sorted in place (that is the point: no temporary dictionary per
    /// document) and its front then overwritten with the distinct ids; clear it before reuse.
    /// The distinct ids are gathered at the front of `ids` and their counts in a scratch array,
    /// then appended in one bulk copy each: an append per entry paid a uniqueness check and a
    /// capacity check every time.
    public mutating func appendRow(countingIDs ids: inout [Int32]) {
        sortIDs(&ids)
        let n = ids.count
        if countScratch.count < n { countScratch = [Float](repeating: 0, count: max(n, 2 * countScratch.count)) }
        let columns = self.columns
        let distinct = ids.withUnsafeMutableBufferPointer { ids in
            countScratch.withUnsafeMutableBufferPointer { counts in
                var distinct = 0
                var p = 0
                while p < n {
                    let id = ids[p]
                    precondition(id >= 0 && Int(id) < columns, "SparseMatrixBuilder: column \(id) outside 0..<\(columns)")
                    var q = p + 1
                    while q < n && ids[q] == id { q += 1 }
                    ids[distinct] = id
                    counts[distinct] = Float(q - p)
                    distinct += 1
                    p = q
                }
                return distinct
            }
        }
        columnIndices.append(contentsOf: ids[0..<distinct])
        values.append(contentsOf: countScratch[0..<distinct])
        rowStart.append(columnIndices.count)
    }

    /// Sorts a row's ids: insertion sort for short rows; otherwise one counting pass on the top
    /// bits into about n buckets, then an insertion sort that only moves ids within their
    /// bucket. Hashed ids are uniform, so buckets hold one or two ids and the whole sort is a
    /// few passes over the row — where a full LSD radix sort spent most of its time clearing
    /// and summing 2×1,024 histogram slots for a row of 200 ids. Rows whose ids crowd into few
    /// buckets (vocabulary ids can) take the LSD radix sort instead.
    mutating func sortIDs(_ ids: inout [Int32]) {
        let n = ids.count
        if n < 48 {
            if n > 1 { ids.withUnsafeMutableBufferPointer { Self.insertionSort($0.baseAddress!, n) } }
            return
        }
        let bits = max(1, Int.bitWidth - max(columns - 1, 1).leadingZeroBitCount)
        let bucketBits = min(bits, max(6, min(12, Int.bitWidth - (n - 1).leadingZeroBitCount)))
        let buckets = 1 << bucketBits
        let shift = UInt32(bits - bucketBits)
        if sortScratch.count < n { sortScratch = [Int32](repeating: 0, count: n) }
        if histogram.count < max(buckets, 2048) { histogram = [Int](repeating: 0, count: max(buckets, 2048)) }
        let spread = ids.withUnsafeMutableBufferPointer { a in
            sortScratch.withUnsafeMutableBufferPointer { b in
                histogram.withUnsafeMutableBufferPointer { h in
                    for d in 0..<buckets { h[d] = 0 }
                    var crowded = 0
                    for i in 0..<n {
                        let d = Int(UInt32(bitPattern: a[i]) >> shift)
                        h[d] += 1
                        crowded = Swift.max(crowded, h[d])
                    }
                    guard crowded <= Self.crowdedBucket else { return false }
                    var total = 0
                    for d in 0..<buckets { let c = h[d]; h[d] = total; total += c }
                    for i in 0..<n {
                        let v = a[i]
                        let d = Int(UInt32(bitPattern: v) >> shift)
                        b[h[d]] = v
                        h[d] += 1
                    }
                    if shift > 0 { Self.insertionSort(b.baseAddress!, n) }
                    a.baseAddress!.update(from: b.baseAddress!, count: n)
                    return true
                }
            }
        }
        if !spread { radixSort(&ids, bits: bits) }
    }

    /// Above this many ids in one bucket, insertion sort would be quadratic in it.
    static let crowdedBucket = 16

    @inline(__always) private static func insertionSort(_ a: UnsafeMutablePointer<Int32>, _ n: Int) {
        for i in 1..<Swift.max(n, 1) {
            let v = a[i]
            var j = i - 1
            while j >= 0 && a[j] > v { a[j + 1] = a[j]; j -= 1 }
            a[j + 1] = v
        }
    }

    /// Two or three LSD passes of at most 11 bits: any distribution, 2·2^11 histogram steps.
    private mutating func radixSort(_ ids: inout [Int32], bits: Int) {
        let n = ids.count
        let passes = (bits + 10) / 11
        let digitBits = (bits + passes - 1) / passes
        let buckets = 1 << digitBits
        ids.withUnsafeMutableBufferPointer { a in
            sortScratch.withUnsafeMutableBufferPointer { b in
                histogram.withUnsafeMutableBufferPointer { h in
                    var source = a.baseAddress!, target = b.baseAddress!
                    let mask = UInt32(buckets - 1)
                    for pass in 0..<passes {
                        let shift = UInt32(pass * digitBits)
                        for d in 0..<buckets { h[d] = 0 }
                        for i in 0..<n { h[Int((UInt32(bitPattern: source[i]) >> shift) & mask)] += 1 }
                        var total = 0
                        for d in 0..<buckets { let c = h[d]; h[d] = total; total += c }
                        for i in 0..<n {
                            let v = source[i]
                            let d = Int((UInt32(bitPattern: v) >> shift) & mask)
                            target[h[d]] = v
                            h[d] += 1
                        }
                        swap(&source, &target)
                    }
                    if source != a.baseAddress! { a.baseAddress!.update(from: source, count: n) }
                }
            }
        }
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
        rowStart.append(contentsOf: matrix.rowStart.dropFirst().lazy.map { $0 + offset })
    }

    /// `parts` one below the other, in order, copied once into arrays sized exactly (stacking
    /// by appending alone grew them by doubling: a copy and fresh pages at each step, a tenth
    /// of featurising a corpus). Each part is released as soon as it is copied, and the freed
    /// memory handed back to the system every few parts (the C library would keep it for
    /// reuse), so the peak is the result plus a few parts rather than twice the result.
    public static func stacking(_ parts: inout [SparseMatrix?], columns: Int) -> SparseMatrix {
        var all = SparseMatrixBuilder(columns: columns)
        all.reserve(rows: parts.reduce(0) { $0 + $1!.rows }, nonzeros: parts.reduce(0) { $0 + $1!.nonzeroCount })
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
