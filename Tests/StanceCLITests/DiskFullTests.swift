import Foundation
import Testing

/// A full disk while writing a model: the error says so, no temporary file is left, and a model
/// already at that path is untouched. The disk is a 64 KB tmpfs, which needs root and a system
/// that allows mounting (CI runs as root); elsewhere the test is skipped with a message.

private func run(_ tool: String, _ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
}

/// A mounted 64 KB tmpfs, or nil when this machine will not mount one.
private let tinyDisk: URL? = {
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return nil }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stance-tiny-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]) == 0 ? folder : nil
}()

@Test(.enabled(if: tinyDisk != nil, "cannot mount a small tmpfs here (needs root); skipping the full-disk check"))
func aFullDiskFailsClearlyAndKeepsThePreviousModel() throws {
    let disk = tinyDisk!
    defer { _ = run("/bin/umount", [disk.path]) }
    let data = CLI.packageRoot.appendingPathComponent("datasets/us-russia-statements/test.jsonl").path
    let previous = disk.appendingPathComponent("model.stance")
    try Data("the previous model".utf8).write(to: previous)
    let result = try CLI.run(["train", "--data", data, "--output", previous.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("model.stance: cannot write the model file: No space left on device"))
    #expect(try String(contentsOf: previous, encoding: .utf8) == "the previous model")
    #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["model.stance"])
}
