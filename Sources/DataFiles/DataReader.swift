import Foundation

/// Reads a corpus file into ``TextRecord``s: the one entry point the CLI and tests use.
///
/// The steps, in order, each with its own error: get the bytes (path problems); strip a UTF-8
/// byte-order mark and check the encoding (file-level); pick the format (asked for, or detected,
/// see `DataFormat+Detection.swift`); refuse an empty file; then hand the bytes to the format's
/// reader, which applies the bad-row policy row by row.
///
/// Everything works on the file's bytes (`[UInt8]`), never on one big `String`: lines and
/// fields are found by scanning bytes and only the text and label of each record are decoded.
///
///     let options = DataReaderOptions(requireLabels: true)
///     let data = try DataReader.read(path: "train.jsonl", options: options)
///     print(data.records.count, data.format)   // 2000 jsonl
public enum DataReader {
    /// The name used in messages for standard input.
    public static let standardInputName = "<stdin>"

    /// Reads the file at `path`, or standard input when `path` is `-`.
    ///
    /// Standard input has no extension, so unless `options.format` is given the format is
    /// detected from the first line: `{` → jsonl, `__label__` → fasttext, a tab-separated line
    /// naming the text (and label) fields → tsv, otherwise label-tab when labels are required
    /// and lines when not.
    public static func read(path: String, options: DataReaderOptions) throws(DataFileError) -> DataSet {
        if path == "-" {
            return try read(bytes: try contents(of: STDIN_FILENO, name: standardInputName), name: standardInputName, options: options)
        }

        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataFileError(file: path, problem: "no such file",
                                hint: "check the path; relative paths start from \(fileManager.currentDirectoryPath)")
        }
        if isDirectory.boolValue {
            throw DataFileError(file: path, problem: "is a folder, not a data file",
                                hint: "give the path of a data file inside it")
        }
        guard fileManager.isReadableFile(atPath: path) else {
            throw DataFileError(file: path, problem: "cannot be read: permission denied",
                                hint: "check the file's permissions, e.g. with ls -l")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DataFileError(file: path, problem: "cannot be read: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        return try read(bytes: try contents(of: fd, name: path), name: path, options: options)
    }

    /// Everything left to read from `fd`, straight into one array: going through `Data` copied
    /// a corpus twice, each copy into fresh pages (a tenth of training naive Bayes on 55 MB).
    static func contents(of fd: Int32, name path: String) throws(DataFileError) -> [UInt8] {
        var status = stat()
        let expected = fstat(fd, &status) == 0 ? max(Int(status.st_size), 0) : 0
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            while initialized < expected {
                let n = Foundation.read(fd, buffer.baseAddress! + initialized, expected - initialized)
                if n > 0 { initialized += n } else if n == 0 { break } else if errno != EINTR { failure = errno; break }
            }
        }
        // Whatever the file grew by while being read (or all of it, where fstat knows no size).
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        while failure == 0 {
            let n = piece.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if n > 0 { bytes.append(contentsOf: piece[0..<n]) } else if n == 0 { break } else if errno != EINTR { failure = errno }
        }
        guard failure == 0 else { throw DataFileError(file: path, problem: "cannot be read: \(String(cString: strerror(failure)))") }
        return bytes
    }

    /// Reads records from bytes already in memory. `name` appears in every message and, when
    /// `options.format` is nil, its extension picks the format (a name without one, such as
    /// ``standardInputName``, means detecting from the first line).
    public static func read(data: Data, name: String, options: DataReaderOptions) throws(DataFileError) -> DataSet {
        try read(bytes: [UInt8](data), name: name, options: options)
    }

    static func read(bytes: [UInt8], name: String, options: DataReaderOptions) throws(DataFileError) -> DataSet {
        let start = UTF8Validation.byteOrderMarkLength(bytes)
        try UTF8Validation.validate(bytes, from: start, file: name)
        let format = try resolveFormat(bytes, from: start, name: name, options: options)

        if options.requireLabels && format == .lines {
            throw DataFileError(file: name, problem: "has no labels: the lines format holds texts only",
                                hint: "training and evaluation need labels; use --input-format to choose a labelled format (jsonl, csv, tsv, label-tab, fasttext)")
        }
        if bytes.isBlank(start..<bytes.count) {
            throw DataFileError.empty(file: name, format: format)
        }

        switch format {
        case .jsonl:
            return try JSONLinesReader.read(bytes, from: start, file: name, options: options)
        case .csv, .tsv:
            return try DelimitedReader.read(bytes, from: start, file: name, format: format, options: options)
        case .labelTab:
            return try LabelTabReader.read(bytes, from: start, file: name, options: options)
        case .fasttext:
            return try FastTextReader.read(bytes, from: start, file: name, options: options)
        case .lines:
            return try PlainLinesReader.read(bytes, from: start, file: name, options: options)
        }
    }

    /// The format to read `name` as: the one asked for, else the one its extension implies,
    /// else (no extension) the one its first line implies. An unknown extension is an error
    /// rather than a guess; see `DataFormat+Detection.swift` for why.
    static func resolveFormat(_ bytes: [UInt8], from start: Int, name: String,
                              options: DataReaderOptions) throws(DataFileError) -> DataFormat {
        if let format = options.format { return format }
        let firstLine = ByteLines(bytes, from: start).first(where: { !bytes.isBlank($0.range) })
            .map { bytes.string($0.range) }
        if let format = DataFormat.detect(path: name, firstLine: firstLine, textField: options.textField,
                                          labelField: options.labelField, requireLabels: options.requireLabels) {
            return format
        }
        let pathExtension = DataFormat.pathExtension(of: name)
        guard pathExtension.isEmpty else {
            throw DataFileError(file: name, problem: "has an extension (.\(pathExtension)) that does not tell its format",
                                hint: "use --input-format with one of: \(DataFormat.allNames)")
        }
        return DataFormat.detect(firstLine: firstLine, textField: options.textField,
                                 labelField: options.labelField, requireLabels: options.requireLabels)
    }
}
