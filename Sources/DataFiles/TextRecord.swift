/// One text with its label, as read from a data file, plus where it came from.
///
/// `line` is kept so that later stages (featurizing, prediction output, error reports) can point
/// back into the file; `fields` keeps every other string-valued column or JSON field (an "id",
/// a "target", a "speaker") so the CLI can echo or group by them without rereading the file.
public struct TextRecord: Sendable, Equatable {
    /// The text to classify, exactly as stored (JSON and CSV) or trimmed of surrounding
    /// whitespace (line formats). May be empty: classifiers handle empty texts.
    public var text: String
    /// The class label, or nil when the format or the record has none (prediction input).
    public var label: String?
    /// The 1-based line where the record starts; a CSV record may span several lines.
    public var line: Int
    /// Every other string-valued field, by name; numbers are kept as their decimal text.
    public var fields: [String: String]

    public init(text: String, label: String?, line: Int, fields: [String: String] = [:]) {
        self.text = text
        self.label = label
        self.line = line
        self.fields = fields
    }
}
