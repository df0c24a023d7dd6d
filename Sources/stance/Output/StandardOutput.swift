import Foundation

/// Writes bytes to standard output in large blocks (one `write` per chunk of predictions, not
/// one per line), flushing Swift's `print` buffer first so the two never interleave.
enum StandardOutput {
    static func write(_ bytes: [UInt8]) {
        fflush(nil)  // all C streams: stdout is shared mutable state Swift 6 will not name
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    // A closed pipe (`stance predict … | head`) ends the run quietly, as other filters do.
                    exit(errno == EPIPE ? 0 : 1)
                }
                offset += n
            }
        }
    }
}
