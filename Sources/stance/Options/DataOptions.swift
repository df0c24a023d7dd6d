import ArgumentParser
import DataFiles
import TextFeatures

/// How to read a labelled data file: shared by train, evaluate and cv.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data file (- for standard input).", valueName: "file"))
    var data: String

    @OptionGroup var reading: ReadingOptions
}

/// Format and field options for any input file.
struct ReadingOptions: ParsableArguments {
    @Option(name: .customLong("input-format"),
            help: "Input format: \(DataFormat.allCases.map(\.rawValue).joined(separator: ", ")). Default: from the file extension.")
    var inputFormat: DataFormat?

    @Option(name: .long, help: "The JSON field or CSV column holding the text.")
    var textField = "text"

    @Option(name: .long, help: "The JSON field or CSV column holding the label.")
    var labelField = "label"

    @Option(name: .long, help: "The JSON field or CSV column holding a statement's context (used by models trained with --context-ngrams).")
    var contextField = "context"

    @Option(name: .long, help: "What to do with a bad row: fail (stop with its error) or skip (leave it out and count it).")
    var onBadRow: BadRowPolicy = .fail

    func options(requireLabels: Bool) -> DataReaderOptions {
        DataReaderOptions(format: inputFormat, textField: textField, labelField: labelField,
                          requireLabels: requireLabels, skipBadRows: onBadRow == .skip)
    }

    /// Reads `path` and reports skipped rows on standard error, so skipping is never silent.
    func read(_ path: String, requireLabels: Bool) throws -> DataSet {
        let set = try attempt { () throws(DataFileError) in try DataReader.read(path: path, options: options(requireLabels: requireLabels)) }
        if !set.skippedRows.isEmpty {
            Terminal.standardError("skipped \(set.skippedRows.count) bad row(s) of \(path); the first: \(set.skippedRows[0])")
        }
        if set.records.isEmpty { throw CLIError("\(path): no records to use") }
        return set
    }
}

extension ReadingOptions {
    /// The records as classifier input: text plus its context field when present.
    func documents(_ records: [TextRecord]) -> [Document] {
        records.map { Document(text: $0.text, context: $0.fields[contextField]) }
    }
}

enum BadRowPolicy: String, ExpressibleByArgument, CaseIterable {
    case fail, skip
}

extension DataFormat: ExpressibleByArgument {}
