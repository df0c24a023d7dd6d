/// Guessing a file's format, so that `stance train data.csv` needs no `--format`.
///
/// The extension decides first, because it is what the user chose and it is cheap. Content is
/// looked at only where the extension is ambiguous (`.tsv` with or without a header, `.txt`) or
/// missing (standard input). An extension we do not know is *not* guessed from content: a
/// `.dat` file could be anything, and a wrong guess gives confusing errors far from the cause.
extension DataFormat {
    /// The format implied by `path`'s extension, looking at `firstLine` (the first non-blank
    /// line, without its line break) where the extension is ambiguous:
    ///
    /// - `.jsonl`, `.ndjson`, `.json` → `jsonl`; `.csv` → `csv`; `.ft`, `.fasttext` → `fasttext`.
    /// - `.tsv`, `.tab` → `tsv` when `firstLine`, split on tabs, holds `textField` and (when
    ///   `requireLabels`) `labelField`, i.e. looks like a header; otherwise `labelTab`.
    /// - `.txt` → `fasttext` when `firstLine` starts with `__label__`; otherwise `lines` when
    ///   labels are not required, `labelTab` when they are.
    ///
    /// Returns nil for any other extension, or none; see ``detect(firstLine:textField:labelField:requireLabels:)``.
    /// Extensions are compared case-insensitively (`TRAIN.CSV`).
    public static func detect(path: String, firstLine: String?, textField: String = "text",
                              labelField: String = "label", requireLabels: Bool) -> DataFormat? {
        switch pathExtension(of: path) {
        case "jsonl", "ndjson", "json":
            return .jsonl
        case "csv":
            return .csv
        case "ft", "fasttext":
            return .fasttext
        case "tsv", "tab":
            let header = looksLikeHeader(firstLine, textField: textField, labelField: labelField,
                                         requireLabels: requireLabels)
            return header ? .tsv : .labelTab
        case "txt":
            if let firstLine, startsWithFastTextLabel(firstLine) { return .fasttext }
            return requireLabels ? .labelTab : .lines
        default:
            return nil
        }
    }

    /// The format implied by the first non-blank line alone, for standard input and files
    /// without an extension. It always answers, falling back to the simplest layout:
    ///
    /// - a line starting with `{` → `jsonl`; with `__label__` → `fasttext`;
    /// - a line with a tab whose cells hold the text (and, when required, label) field names →
    ///   `tsv`, so a headed TSV piped in is not read as data;
    /// - otherwise `labelTab` when labels are required, `lines` when not.
    public static func detect(firstLine: String?, textField: String = "text", labelField: String = "label",
                              requireLabels: Bool) -> DataFormat {
        if let firstLine {
            let trimmed = firstLine.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix("{") { return .jsonl }
            if trimmed.hasPrefix("__label__") { return .fasttext }
            if firstLine.contains("\t"),
               looksLikeHeader(firstLine, textField: textField, labelField: labelField,
                               requireLabels: requireLabels) {
                return .tsv
            }
        }
        return requireLabels ? .labelTab : .lines
    }

    /// The lowercased extension of the last path component, without the dot; "" when there is
    /// none. A leading dot (`.hidden`) is a name, not an extension.
    static func pathExtension(of path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// True when `line` split on tabs names the text column and, if labels are required, the
    /// label column. Cells are compared after trimming spaces and one pair of double quotes.
    /// A single-column line (no tab) counts only when labels are not required.
    static func looksLikeHeader(_ line: String?, textField: String, labelField: String,
                                requireLabels: Bool) -> Bool {
        guard let line else { return false }
        let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { cell -> String in
            var value = Substring(cell)
            while value.first == " " { value = value.dropFirst() }
            while value.last == " " || value.last == "\r" { value = value.dropLast() }
            if value.count >= 2, value.first == "\"", value.last == "\"" {
                value = value.dropFirst().dropLast()
            }
            return String(value)
        }
        guard cells.contains(textField) else { return false }
        return !requireLabels || cells.contains(labelField)
    }

    /// True when the line's first token is a fastText label.
    static func startsWithFastTextLabel(_ line: String) -> Bool {
        line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("__label__")
    }
}
