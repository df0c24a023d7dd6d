/// How to read a data file: which format, which fields hold the text and the label, and what
/// to do with bad rows.
///
/// The defaults match the most common corpus layout (`{"text": ..., "label": ...}` or a CSV
/// with `text,label` columns), so most users pass nothing but `requireLabels`.
public struct DataReaderOptions: Sendable {
    /// The format to read; nil (the default) detects it from the file extension, or from the
    /// first line when there is no extension (standard input). See ``DataFormat/detect(path:firstLine:textField:labelField:requireLabels:)``.
    public var format: DataFormat?
    /// The JSON field or CSV/TSV column holding the text. Default `"text"`.
    public var textField: String = "text"
    /// The JSON field or CSV/TSV column holding the label. Default `"label"`.
    public var labelField: String = "label"
    /// True for training and evaluation: a record without a label is an error. False for
    /// prediction: labels are read when present and nil otherwise.
    public var requireLabels: Bool
    /// False (the default): the first bad row stops reading with its error. True: bad rows are
    /// left out, listed in ``DataSet/skippedRows``, and reading goes on. Problems of the whole
    /// file (empty, not UTF-8, an unclosed quote at the end) always stop reading.
    public var skipBadRows: Bool = false

    public init(format: DataFormat? = nil, textField: String = "text", labelField: String = "label",
                requireLabels: Bool, skipBadRows: Bool = false) {
        self.format = format
        self.textField = textField
        self.labelField = labelField
        self.requireLabels = requireLabels
        self.skipBadRows = skipBadRows
    }
}
