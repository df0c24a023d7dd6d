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

    @Option(name: .shortAndLong, help: ArgumentHelp("The model file (default: the bundled US–Russia stance model).", valueName: "file"))
    var model: String?

    @Argument(help: ArgumentHelp("Input file(s) (- for standard input); with --articles also folders.", valueName: "file"))
    var inputs: [String] = []

    @Flag(name: .long, help: "Treat inputs as news articles: find every quoted statement, its speaker, and label each.")
    var articles = false

    @Option(name: .long, help: "Score this one text instead of a file.")
    var text: String?

    @OptionGroup var reading: ReadingOptions

    @Option(name: .long, help: "Output: table, jsonl or csv. Default: table on a terminal, jsonl otherwise.")
    var format: PredictionFormat?

    func validate() throws {
        if !inputs.isEmpty && text != nil { throw ValidationError("give either input files or --text, not both") }
        if inputs.isEmpty && text == nil { throw ValidationError("give an input file (or - for standard input) or --text \"...\"") }
        if !articles && inputs.count > 1 { throw ValidationError("one input file at a time (or use --articles for many articles)") }
    }

    func run() throws {
        let classifier = try LoadedModel(model)
        let outputFormat = format ?? (Terminal.standardOutputIsTerminal ? .table : .jsonl)
        if articles {
            let scoring = ArticleScoring(classifier: try classifier.single(for: "--articles"), format: outputFormat, reading: reading)
            try scoring.run(try text.map { [ArticleScoring.Article(name: "--text", text: $0)] } ?? scoring.articles(from: inputs))
            return
        }
        let records: [TextRecord]
        if let text {
            records = [TextRecord(text: text, label: nil, line: 1)]
        } else {
            records = try reading.read(inputs[0], requireLabels: false).records
        }
        let writer = PredictionWriter(format: outputFormat, labels: classifier.labels)
        // Score in chunks so output starts at once and memory stays flat on long inputs.
        let chunk = 4096
        writer.begin()
        for start in stride(from: 0, to: records.count, by: chunk) {
            let slice = Array(records[start..<min(start + chunk, records.count)])
            let predictions = try classifier.predict(slice, reading: reading, file: inputs.first ?? "--text")
            for (record, prediction) in zip(slice, predictions) { writer.write(record, prediction) }
        }
    }
}
