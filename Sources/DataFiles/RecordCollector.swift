/// What every row parser needs to know: the file's name (for messages) and the options.
struct RowContext {
    let file: String
    let options: DataReaderOptions
    /// Where the bytes the rows are read from start in the file (a streamed chunk's offset), so
    /// byte offsets in messages count from the start of the file.
    var byteOffset = 0

    /// A row-level error for `line` of this file.
    func error(line: Int, _ problem: String, hint: String? = nil) -> DataFileError {
        DataFileError(file: file, line: line, problem: problem, hint: hint)
    }

    /// The label as stored, or the error for a missing one, following the rules every format
    /// shares: surrounding whitespace is trimmed (" pos" is an accident, not a new class); an
    /// absent or blank label is nil when labels are optional and an error when they are required.
    /// `problem` and `hint` describe the missing label; they are only built when needed.
    func label(_ raw: String?, line: Int, problem: @autoclosure () -> String,
               hint: @autoclosure () -> String?) -> Result<String?, DataFileError> {
        if let raw {
            let trimmed = trimWhitespace(raw)
            if !trimmed.isEmpty { return .success(trimmed) }
        }
        guard options.requireLabels else { return .success(nil) }
        return .failure(error(line: line, problem(), hint: hint()))
    }
}

/// Gathers the records of one file and applies the bad-row policy in one place.
///
/// Each format reader turns a row into `Result<TextRecord, DataFileError>` and hands it here, so
/// "stop at the first bad row" versus "skip and count it" is decided identically for every
/// format, and row-level problems can never escape the policy by accident.
struct RecordCollector {
    let context: RowContext
    private(set) var records: [TextRecord] = []
    private(set) var skippedRows: [DataFileError] = []

    init(_ context: RowContext) {
        self.context = context
    }

    /// Keeps a good record; for a bad one, throws its error or, with `skipBadRows`, notes it.
    mutating func add(_ row: Result<TextRecord, DataFileError>) throws(DataFileError) {
        switch row {
        case .success(let record):
            records.append(record)
        case .failure(let error):
            guard context.options.skipBadRows else { throw error }
            skippedRows.append(error)
        }
    }

    /// The data set, or a file-level error when no record survived.
    func finish(format: DataFormat) throws(DataFileError) -> DataSet {
        if records.isEmpty {
            if let first = skippedRows.first {
                throw DataFileError(file: context.file,
                                    problem: "has no usable records: all \(skippedRows.count) rows were bad and skipped",
                                    hint: "the first: \(first.description)")
            }
            throw DataFileError.empty(file: context.file, format: format)
        }
        return DataSet(records: records, format: format, skippedRows: skippedRows)
    }
}

/// `text` without ASCII whitespace at either end; Unicode spaces are kept (see ``ASCII``).
func trimWhitespace(_ text: String) -> String {
    let utf8 = text.utf8
    guard let first = utf8.firstIndex(where: { !ASCII.isWhitespace($0) }),
          let last = utf8.lastIndex(where: { !ASCII.isWhitespace($0) }) else { return "" }
    let end = utf8.index(after: last)
    if first == utf8.startIndex && end == utf8.endIndex { return text }
    return String(decoding: utf8[first..<end], as: UTF8.self)
}
