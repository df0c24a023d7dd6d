import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that readers see either the old contents or the complete new ones, never a
/// half-written file: write a temporary file in the same folder, flush it to disk, then rename
/// it over the target (rename is atomic within one file system). On any failure the temporary
/// file is removed and the target is untouched.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(ModelFileError) {
        try write(to: path) { emit in bytes.withUnsafeBytes { emit($0) } }
    }

    /// Writes what `produce` hands to its `emit` function, in order, as the file's contents
    /// (for files too large to assemble in memory first). After a failed write, `emit` ignores
    /// the rest and the file is not created.
    public static func write(to path: String, _ produce: ((UnsafeRawBufferPointer) -> Void) -> Void) throws(ModelFileError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .cannotWrite(path: path, reason: "the folder \(folder) does not exist; create it first")
        }
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        InterruptCleanup.willCreate(temporary)
        defer { InterruptCleanup.done() }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: errorText()) }
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        var written = true
        var failure: String? = nil
        produce { raw in
            var offset = 0
            while written && offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    written = false
                    failure = errorText()
                }
                offset += max(n, 0)
            }
        }
        let synced = written && fsync(fd) == 0
        let syncFailure = synced || !written ? nil : errorText()
        close(fd)
        guard written else { throw .cannotWrite(path: path, reason: failure ?? "write failed") }
        guard synced else { throw .cannotWrite(path: path, reason: syncFailure ?? "fsync failed") }
        guard rename(temporary, path) == 0 else { throw .cannotWrite(path: path, reason: errorText()) }
        ok = true
    }

    public static func write(_ text: String, to path: String) throws(ModelFileError) {
        try write(Array(text.utf8), to: path)
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}

/// Removes a half-written temporary file when the process is interrupted (Ctrl-C, SIGTERM), so
/// an interrupted run leaves the previous model and nothing else. The CLI installs the handler;
/// the path is kept as a C string because a signal handler may not allocate.
public enum InterruptCleanup {
    nonisolated(unsafe) static var pending: UnsafeMutablePointer<CChar>? = nil
    /// Set once by ``install()`` at start-up, before any other thread exists; until then (for
    /// library users, and in the test suite, where many threads write files) nothing is tracked.
    nonisolated(unsafe) static var installed = false
    nonisolated(unsafe) static var lock = pthread_mutex_t()

    /// Handles SIGINT and SIGTERM: unlink the pending temporary file, exit with 128 + signal.
    /// Call once, from the main thread, before starting any work.
    public static func install() {
        pthread_mutex_init(&lock, nil)
        installed = true
        let handler: @convention(c) (Int32) -> Void = { signal in
            if let path = InterruptCleanup.pending { unlink(path) }
            _exit(128 + signal)
        }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        // A parent may have started us with these signals blocked (test runners and some
        // supervisors do); unblock them so an interrupt is never silently deferred to the end.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static func willCreate(_ path: String) {
        guard installed else { return }
        let copy = strdup(path)
        pthread_mutex_lock(&lock)
        let old = pending
        pending = copy
        pthread_mutex_unlock(&lock)
        free(old)
    }

    static func done() {
        guard installed else { return }
        pthread_mutex_lock(&lock)
        let old = pending
        pending = nil
        pthread_mutex_unlock(&lock)
        free(old)
    }
}
