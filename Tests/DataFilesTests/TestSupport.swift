import DataFiles
import Foundation

// Helpers shared by the DataFiles tests: read a string or raw bytes as if it were a file
// called `name`, and capture the error reading would throw.

func readerOptions(format: DataFormat? = nil, textField: String = "text", labelField: String = "label",
                   requireLabels: Bool = true, skipBadRows: Bool = false) -> DataReaderOptions {
    DataReaderOptions(format: format, textField: textField, labelField: labelField,
                      requireLabels: requireLabels, skipBadRows: skipBadRows)
}

/// Reads `text` (UTF-8) as a file called `name`.
func readText(_ text: String, name: String, format: DataFormat? = nil, textField: String = "text",
              labelField: String = "label", requireLabels: Bool = true,
              skipBadRows: Bool = false) throws(DataFileError) -> DataSet {
    try DataReader.read(data: Data(text.utf8), name: name,
                        options: readerOptions(format: format, textField: textField, labelField: labelField,
                                               requireLabels: requireLabels, skipBadRows: skipBadRows))
}

/// Reads raw bytes (for BOMs, bad UTF-8, NULs) as a file called `name`.
func readBytes(_ bytes: [UInt8], name: String, format: DataFormat? = nil,
               requireLabels: Bool = true, skipBadRows: Bool = false) throws(DataFileError) -> DataSet {
    try DataReader.read(data: Data(bytes), name: name,
                        options: readerOptions(format: format, requireLabels: requireLabels, skipBadRows: skipBadRows))
}

/// The error reading `text` throws, or nil when it reads fine.
func errorReading(_ text: String, name: String, format: DataFormat? = nil, textField: String = "text",
                  labelField: String = "label", requireLabels: Bool = true,
                  skipBadRows: Bool = false) -> DataFileError? {
    do throws(DataFileError) {
        _ = try readText(text, name: name, format: format, textField: textField, labelField: labelField,
                         requireLabels: requireLabels, skipBadRows: skipBadRows)
        return nil
    } catch {
        return error
    }
}

/// The error reading `bytes` throws, or nil when they read fine.
func errorReading(bytes: [UInt8], name: String, format: DataFormat? = nil, requireLabels: Bool = true,
                  skipBadRows: Bool = false) -> DataFileError? {
    do throws(DataFileError) {
        _ = try readBytes(bytes, name: name, format: format, requireLabels: requireLabels, skipBadRows: skipBadRows)
        return nil
    } catch {
        return error
    }
}

/// The error reading the file at `path` throws, or nil.
func errorReading(path: String, requireLabels: Bool = true) -> DataFileError? {
    do throws(DataFileError) {
        _ = try DataReader.read(path: path, options: readerOptions(requireLabels: requireLabels))
        return nil
    } catch {
        return error
    }
}

/// A fresh path in the temporary folder; the caller removes what it creates there.
func temporaryPath(extension pathExtension: String) -> String {
    FileManager.default.temporaryDirectory
        .appendingPathComponent("stance-datafiles-\(UUID().uuidString).\(pathExtension)").path
}

/// The UTF-8 bytes of `text`, for building byte-level fixtures.
func utf8(_ text: String) -> [UInt8] {
    Array(text.utf8)
}
