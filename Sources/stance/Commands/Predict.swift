import ArgumentParser
import Classifiers
import DataFiles

struct Predict: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Label texts with a model: one prediction per input text, with every class probability.",
        discussion: """
        Input is one text per line (plain text), or JSON Lines / CSV with a text field.
        Examples:
          stance predict --model model.stance statements.txt
          cat articles.jsonl | stance predict --model model.stance - --format jsonl
          stance predict --model model.stance --text "We are ready to work with Moscow."
        """)

    @Option(name: .shortAndLong, help: ArgumentHelp("The model file.", valueName: "file"))
    var model: String

    @Argument(help: ArgumentHelp("The input file (- for standard input).", valueName: "file"))
    var input: String?

    @Option(name: .long, help: "Score this one text instead of a file.")
    var text: String?

    @OptionGroup var reading: ReadingOptions

    @Option(name: .long, help: "Output: table, jsonl or csv. Default: table on a terminal, jsonl otherwise.")
    var format: PredictionFormat?

    func validate() throws {
        if input != nil && text != nil { throw ValidationError("give either an input file or --text, not both") }
        if input == nil && text == nil { throw ValidationError("give an input file (or - for standard input) or --text \"...\"") }
    }

    func run() throws {
        let classifier = try attempt { () throws(ModelFileError) in try ModelFile.read(from: model) }
        let records: [TextRecord]
        if let text {
            records = [TextRecord(text: text, label: nil, line: 1)]
        } else {
            records = try reading.read(input!, requireLabels: false).records
        }
        let writer = PredictionWriter(format: format ?? (Terminal.standardOutputIsTerminal ? .table : .jsonl), labels: classifier.labels)
        // Score in chunks so output starts at once and memory stays flat on long inputs.
        let chunk = 4096
        writer.begin()
        for start in stride(from: 0, to: records.count, by: chunk) {
            let slice = Array(records[start..<min(start + chunk, records.count)])
            let predictions = classifier.predict(slice.map(\.text))
            for (record, prediction) in zip(slice, predictions) { writer.write(record, prediction) }
        }
    }
}
