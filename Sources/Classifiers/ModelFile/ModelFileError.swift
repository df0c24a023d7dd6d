/// Why a model file could not be read or written. Each case names the file and says what to do.
public enum ModelFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case notAModel(path: String)
    case truncated(path: String)
    case checksumMismatch(path: String, stored: UInt32, computed: UInt32)
    case unsupportedVersion(path: String, found: String, createdBy: String, supported: String)
    case malformed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            return "\(path): cannot read the model file: \(reason)"
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write the model file: \(reason)"
        case .notAModel(let path):
            return "\(path): not a stance model file (it does not start with the stance signature); train one with `stance train --output \(path)`"
        case .truncated(let path):
            return "\(path): the model file is truncated (it ends before its checksum); copy it again or retrain it"
        case .checksumMismatch(let path, let stored, let computed):
            return "\(path): the model file is corrupted (checksum \(hex(computed)) does not match the stored \(hex(stored))); copy it again or retrain it"
        case .unsupportedVersion(let path, let found, let createdBy, let supported):
            return "\(path): model format \(found) was made by \(createdBy); this is \(StanceVersion.current), which reads format \(supported) and older. Upgrade stance or retrain the model"
        case .malformed(let path, let reason):
            return "\(path): the model file is damaged or from an incompatible build: \(reason)"
        }
    }

    private func hex(_ v: UInt32) -> String { "0x" + String(v, radix: 16, uppercase: true).leftPadded(to: 8) }
}
