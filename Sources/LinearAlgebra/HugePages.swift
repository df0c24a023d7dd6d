import Foundation

/// Large arrays that are read at random — hashed weight tables of millions of buckets — spend
/// most of their time in TLB misses when backed by 4 KB pages: a 24 MB table spans 6,000
/// pages, more than the TLB holds, so nearly every sparse update walks the page table. Linux
/// backs a range with 2 MB pages when asked (`madvise(MADV_HUGEPAGE)`) *before* the memory is
/// first touched, which is why the advice is given between allocation and initialisation.
public enum HugePages {
    /// Arrays smaller than this gain nothing (they fit the TLB's reach) and are left alone.
    public static let threshold = 4 << 20

    /// An array of `count` copies of `value`, backed by huge pages where the system allows.
    public static func array<T: BitwiseCopyable>(repeating value: T, count: Int) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            advise(UnsafeMutableRawBufferPointer(buffer))
            buffer.initialize(repeating: value)
            initialized = count
        }
    }

    /// Makes room for `capacity` elements in `array`, backed by huge pages when it is empty
    /// (a large array then lands in a few hundred page faults instead of hundreds of thousands).
    public static func reserve<T: BitwiseCopyable>(_ array: inout [T], capacity: Int) {
        guard array.isEmpty, capacity * MemoryLayout<T>.stride >= threshold else { return array.reserveCapacity(capacity) }
        array = [T](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            advise(UnsafeMutableRawBufferPointer(buffer))
            initialized = 0
        }
    }

    /// Asks for huge pages for the 2 MB-aligned part of `memory` (a no-op where unsupported).
    public static func advise(_ memory: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard memory.count >= threshold, let base = memory.baseAddress else { return }
        let huge = 2 << 20
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + memory.count) & ~(huge - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, 14 /* MADV_HUGEPAGE */)
        #endif
    }
}
