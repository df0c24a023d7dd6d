import Foundation

/// Where the bundled model lives when `--model` is not given: `$STANCE_MODEL`, else
/// `Models/us-russia-stance.stance` in the first folder above the executable that has one
/// (so `.build/release/stance` in a checkout finds the repository's `Models/`).
enum DefaultModel {
    static let fileName = "Models/us-russia-stance.stance"

    static func path() throws -> String {
        if let env = ProcessInfo.processInfo.environment["STANCE_MODEL"], !env.isEmpty { return env }
        // The executable's own location (/proc/self/exe on Linux), not argv[0], which is a bare
        // name when stance is found through PATH.
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw CLIError("no --model given and the bundled model (\(fileName)) was not found; pass --model FILE, set STANCE_MODEL, or run `make model`")
    }
}
