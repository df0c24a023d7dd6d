import ArgumentParser
import Foundation

/// Checks, before any work, that a file can be written where the user asked: a long training
/// run should not end with "no such folder".
enum OutputFolder {
    static func validate(_ path: String, option: String = "--output") throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("the output folder \(folder) does not exist; create it or choose another \(option)")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw ValidationError("the output folder \(folder) is not writable; choose another \(option)")
        }
    }
}
