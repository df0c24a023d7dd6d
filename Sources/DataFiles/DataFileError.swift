/// A problem with a data file, located as precisely as the reader can: the file, the line where
/// the offending record starts, what is wrong and how to fix it.
///
/// One struct rather than an enum of cases, because callers never branch on the kind of data
/// problem: the CLI prints it and exits, and `skipBadRows` stores it. What matters is that
/// every message names the place and says what to do, so `hint` is filled wherever there is a
/// concrete fix (an option to pass, a way to quote a field, a command to convert an encoding).
///
///     train.jsonl:3: the label field "label" is missing (use --label-field to name the field that holds the label)
public struct DataFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as the user gave it, or the name passed to ``DataReader/read(data:name:options:)``.
    public var file: String
    /// The 1-based line where the offending record starts; nil for problems of the whole file.
    public var line: Int?
    /// What is wrong, phrased to follow "FILE:LINE:", e.g. `has 3 fields but the header has 2`.
    public var problem: String
    /// How to fix it, when there is something concrete to suggest.
    public var hint: String?
    /// Set for "no records at all", which a filter in a pipeline (a Spark partition can be
    /// empty) may treat as zero rows rather than as a mistake.
    public internal(set) var isEmptyInput = false

    public init(file: String, line: Int? = nil, problem: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.problem = problem
        self.hint = hint
    }

    /// `FILE:LINE: problem (hint)` on one line, the shape compilers use, so editors and
    /// terminals can jump to the place. Line and hint are left out when absent.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": " + problem
        if let hint { text += " (\(hint))" }
        return text
    }
}

extension DataFileError {
    /// A record holding a NUL byte. Text never does; binary files (a model, a zip) almost always
    /// do, so the message asks the question that usually explains it.
    static func nulByte(file: String, line: Int, offset: Int) -> DataFileError {
        DataFileError(file: file, line: line,
                      problem: "contains a NUL byte (0x00) at byte offset \(offset); is this a binary file?")
    }

    /// The file has no records at all (no bytes, or only blank lines).
    static func empty(file: String, format: DataFormat) -> DataFileError {
        var error = DataFileError(file: file,
                                  problem: "is empty; expected \(format.rawValue) records: \(format.layout)",
                                  hint: "check the path, and that whatever wrote the file has finished")
        error.isEmptyInput = true
        return error
    }
}
