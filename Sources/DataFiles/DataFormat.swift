/// The corpus layouts `stance` reads. Raw values are the names users type after `--format`.
///
/// The set covers what text-classification corpora are actually shipped as: JSON Lines
/// (Hugging Face exports), CSV/TSV with a header (spreadsheets, pandas), headerless
/// `label<TAB>text` (many shared-task releases), fastText's `__label__` lines, and plain lines
/// for prediction input. Detection rules live in `DataFormat+Detection.swift`.
public enum DataFormat: String, Sendable, CaseIterable {
    /// JSON Lines: one JSON object a line; text and label are named fields.
    case jsonl
    /// RFC 4180 CSV with a header row naming the columns.
    case csv
    /// Tab-separated with a header row; the same quoting rules as `csv`.
    case tsv
    /// Headerless `label<TAB>text` lines, split at the first tab.
    case labelTab = "label-tab"
    /// fastText lines: one or more `__label__X` tokens, then the text. The first label counts.
    case fasttext
    /// One text a line and no labels: input for prediction.
    case lines

    /// A few words on the layout, for messages such as "is empty; expected jsonl records: …".
    var layout: String {
        switch self {
        case .jsonl: return "one JSON object a line"
        case .csv: return "a header row, then one comma-separated record a row"
        case .tsv: return "a header row, then one tab-separated record a row"
        case .labelTab: return "label<TAB>text, one a line"
        case .fasttext: return "__label__X followed by the text, one a line"
        case .lines: return "one text a line"
        }
    }

    /// The `--format` names, for hints: "jsonl, csv, tsv, label-tab, fasttext, lines".
    static var allNames: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}
