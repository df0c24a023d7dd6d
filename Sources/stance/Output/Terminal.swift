import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Standard streams, and progress lines that appear only when a person is watching.
enum Terminal {
    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }
    static var standardOutputIsTerminal: Bool { isatty(1) == 1 }

    static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// A one-line progress display on standard error, rewritten in place; silent when standard
/// error is not a terminal, so logs and pipes stay clean.
final class ProgressLine {
    private let enabled: Bool
    private let start = Date()
    private var shown = false

    init(enabled: Bool = Terminal.standardErrorIsTerminal) { self.enabled = enabled }

    var elapsed: Double { Date().timeIntervalSince(start) }

    func update(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text + String(format: "  (%.1f s)", elapsed)).utf8))
        shown = true
    }

    func finish() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
