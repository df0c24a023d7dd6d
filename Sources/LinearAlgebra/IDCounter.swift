/// Turns a document's feature ids, one per occurrence, into its distinct ids in increasing
/// order with their multiplicities: a CSR row of counts, without a dictionary per document.
/// The sort's scratch is kept between calls, so counting a corpus allocates once.
public struct IDCounter: Sendable {
    private var sortScratch: [Int32] = []
    private var histogram: [Int] = []

    public init() {}

    /// Sorts `ids` in place, gathers its distinct ids at its front and their counts at the front
    /// of `counts` (grown as needed), and returns how many there are. Every id must lie in
    /// `0..<columns`.
    public mutating func count(_ ids: inout [Int32], into counts: inout [Float], below columns: Int) -> Int {
        sort(&ids, below: columns)
        let n = ids.count
        if counts.count < n { counts = [Float](repeating: 0, count: max(n, 2 * counts.count)) }
        return ids.withUnsafeMutableBufferPointer { ids in
            counts.withUnsafeMutableBufferPointer { counts in
                var distinct = 0
                var p = 0
                while p < n {
                    let id = ids[p]
                    precondition(id >= 0 && Int(id) < columns, "IDCounter: column \(id) outside 0..<\(columns)")
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
    }

    /// Sorts ids below `columns`: insertion sort for short rows; otherwise one counting pass on
    /// the top bits into about n buckets, then an insertion sort that only moves ids within
    /// their bucket. Hashed ids are uniform, so buckets hold one or two ids and the whole sort
    /// is a few passes over the row — where a full LSD radix sort spent most of its time
    /// clearing and summing 2×1,024 histogram slots for a row of 200 ids. Rows whose ids crowd
    /// into few buckets (vocabulary ids can) take the LSD radix sort instead.
    mutating func sort(_ ids: inout [Int32], below columns: Int) {
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
}
