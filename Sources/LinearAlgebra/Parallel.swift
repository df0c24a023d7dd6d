import Dispatch
import Foundation
import Synchronization

/// Work split across cores in a way that never changes the answer.
///
/// Work is cut into pieces by *size* (a fixed number of rows or columns per piece), never by the
/// number of threads, and results are combined in piece order. So a model trained on 1 core and
/// on 16 is the same to the last bit; only the wall time differs.
public enum Parallel {
    /// Threads to use; 1 runs everything on the calling thread. Set at start-up (the CLI's
    /// `STANCE_THREADS`); defaults to the machine's active processor count. Atomic, because
    /// tests change it while other tests run in parallel (ThreadSanitizer caught the plain
    /// variable); since no result depends on it, a concurrent change is harmless otherwise.
    public static var threads: Int {
        get { threadCount.load(ordering: .relaxed) }
        set { threadCount.store(newValue, ordering: .relaxed) }
    }

    private static let threadCount = Atomic<Int>({
        if let value = ProcessInfo.processInfo.environment["STANCE_THREADS"], let n = Int(value), n >= 1 { return n }
        return ProcessInfo.processInfo.activeProcessorCount
    }())

    /// Calls `body(piece)` for every piece in 0..<count, concurrently when threads > 1.
    public static func forEach(_ count: Int, _ body: (Int) -> Void) {
        if threads <= 1 || count <= 1 {
            for i in 0..<count { body(i) }
        } else {
            // Pieces write disjoint outputs (each caller's contract), so sharing `body` is safe.
            withoutActuallyEscaping(body) { body in
                let shared = UncheckedSendable(body)
                DispatchQueue.concurrentPerform(iterations: count) { shared.value($0) }
            }
        }
    }

    /// The pieces of 0..<total in blocks of `size`.
    public static func blocks(_ total: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: total, by: max(size, 1)).map { $0..<min($0 + size, total) }
    }
}

/// Hands a value to concurrent code when the caller guarantees the accesses do not race.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
