import Foundation

/// Runs the built `stance` executable and captures what it prints, as a user would see it.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (same configuration), else .build/{release,debug}.
    static let executable: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("stance")
        let candidates = [beside] + ["release", "debug"].map { packageRoot.appendingPathComponent(".build/\($0)/stance") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? beside
    }()

    /// The shared data sets: $STANCE_DATA, else ../shared/datasets beside the repository.
    static let sharedData: URL? = {
        let env = ProcessInfo.processInfo.environment["STANCE_DATA"].map { URL(fileURLWithPath: $0) }
        let sibling = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets")
        return [env, sibling].compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, in folder: URL? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot fill a pipe and deadlock.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh folder for one test's files.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stance-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Holds bytes read on another thread; the DispatchGroup wait orders the access.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
