import Dispatch

/// Makes the next item on a background thread while the caller works on the current one.
///
/// Why: a streamed run reads a chunk (read(2), the UTF-8 check, splitting lines, collecting
/// rows in order) between the parallel steps that score or train on the previous one, and
/// that serial stretch left a core idle. Reading one chunk ahead overlaps it with the work.
///
/// `produce` runs on one background thread, one call at a time, in order, until it returns nil
/// or throws; ``next()`` hands its results over in the same order, the error in its place. So
/// the caller sees exactly what calling `produce` itself would give; only the timing differs.
/// Call ``finish()`` before closing whatever `produce` reads from. With ``Parallel/threads`` at 1
/// there is no background thread (one thread means one): ``next()`` calls `produce` itself.
public final class ReadAhead<Item, Failure: Error>: @unchecked Sendable {
    // @unchecked: `produce` and `result` are touched by the background queue only between
    // `request()` and the semaphore's signal, and by the caller only after waiting on it.
    private let produce: () throws(Failure) -> Item?
    private let queue = DispatchQueue(label: "stance.read-ahead")
    private let ready = DispatchSemaphore(value: 0)
    private var result: Result<Item?, Failure> = .success(nil)
    private var inFlight = false
    private var ended = false
    private let inline: Bool

    /// `background` false calls `produce` from ``next()`` itself (the default with one thread).
    public init(background: Bool = Parallel.threads > 1, _ produce: @escaping () throws(Failure) -> Item?) {
        self.produce = produce
        self.inline = !background
        if background { request() }
    }

    private func request() {
        inFlight = true
        queue.async {
            do throws(Failure) { self.result = .success(try self.produce()) } catch { self.result = .failure(error) }
            self.ready.signal()
        }
    }

    /// The next item (and the next one's production starts), or nil after the last.
    public func next() throws(Failure) -> Item? {
        guard !ended else { return nil }
        if inline {
            do throws(Failure) {
                guard let item = try produce() else { ended = true; return nil }
                return item
            } catch {
                ended = true
                throw error
            }
        }
        ready.wait()
        inFlight = false
        let result = self.result
        self.result = .success(nil)
        switch result {
        case .success(let item?):
            request()
            return item
        case .success(nil):
            ended = true
            return nil
        case .failure(let error):
            ended = true
            throw error
        }
    }

    /// Waits for a production in flight and starts no more: after this, `produce`'s source
    /// can be closed. (Reading an interactive pipe, that wait lasts until the next input or
    /// its end arrives.)
    public func finish() {
        if inFlight {
            ready.wait()
            inFlight = false
        }
        ended = true
    }
}
