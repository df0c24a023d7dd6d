import ArgumentParser
import Classifiers
import DataFiles
import LinearAlgebra

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

    @Flag(name: .long, help: "Also say why: the features that pushed each text towards its label, with their contributions (slower).")
    var explain = false

    @Flag(name: .long, help: "jsonl/csv: leave the text out of each output record (join on line or id instead); halves the output of large runs.")
    var noText = false

    /// Every long option of this command (kept beside the declarations above).
    static let optionNames = ["model", "articles", "text", "input-format", "text-field", "label-field", "context-field",
                              "on-bad-row", "format", "explain", "no-text", "help", "version"]

    /// A mistyped option followed by a value leaves the value among the input files, and the
    /// input checks would then blame the inputs; name the mistyped option instead.
    func nameMistypedOption() throws {
        for argument in CommandLine.arguments.dropFirst(2) where argument.hasPrefix("--") && argument.count > 2 {
            let name = String(argument.dropFirst(2).prefix { $0 != "=" })
            guard !Self.optionNames.contains(name) else { continue }
            let closest = Self.optionNames.min { editDistance($0, name) < editDistance($1, name) }!
            throw ValidationError("Unknown option '--\(name)'." + (editDistance(closest, name) <= 2 ? " Did you mean '--\(closest)'?" : ""))
        }
    }

    func validate() throws {
        if (!inputs.isEmpty && text != nil) || (!articles && inputs.count > 1) { try nameMistypedOption() }
        if !inputs.isEmpty && text != nil { throw ValidationError("give either input files or --text, not both") }
        if inputs.isEmpty && text == nil { throw ValidationError("give an input file (or - for standard input) or --text \"...\"") }
        if !articles && inputs.count > 1 { throw ValidationError("one input file at a time (or use --articles for many articles)") }
    }

    func run() throws {
        let classifier = try LoadedModel(model)
        let outputFormat = format ?? (Terminal.standardOutputIsTerminal ? .table : .jsonl)
        if articles {
            let scoring = ArticleScoring(classifier: try classifier.single(for: "--articles"), format: outputFormat, reading: reading)
            if let text {
                try scoring.run([ArticleScoring.Article(name: "--text", text: text)])
            } else {
                try scoring.run(inputs: inputs)
            }
            return
        }
        var writer = PredictionWriter(format: outputFormat, labels: classifier.labels)
        writer.includeText = !noText
        writer.explain = explain
        let explainer = explain ? try classifier.single(for: "--explain") : nil
        /// Predictions and, with --explain, their explanations.
        func scored(_ records: [TextRecord], file: String) throws -> [UInt8] {
            let predictions = try classifier.predict(records, reading: reading, file: file)
            let explanations = explainer.map { model in reading.documents(records).map { model.explain($0, top: 5) } }
            return writer.lines(records, predictions, explanations: explanations)
        }
        if let header = writer.header() { print(header) }
        if let text {
            let record = TextRecord(text: text, label: nil, line: 1)
            StandardOutput.write(try scored([record], file: "--text"))
            return
        }
        let input = inputs[0]
        let options = reading.options(requireLabels: false)
        guard DataStream.canStream(path: input, options: options) else {
            // CSV/TSV records may span lines: read the whole file, score it in chunks.
            let records = try reading.read(input, requireLabels: false).records
            for start in stride(from: 0, to: records.count, by: 8192) {
                let slice = Array(records[start..<min(start + 8192, records.count)])
                StandardOutput.write(try scored(slice, file: input))
            }
            return
        }
        // Stream: memory stays flat on inputs of any size, and a pipe gets each answer as soon
        // as its line has arrived. The next chunk is read while this one is scored.
        var stream = try attempt { () throws(DataFileError) in try DataStream(path: input, options: options, chunkBytes: 2 << 20, threads: Parallel.threads) }
        let chunks = ReadAhead { () throws(DataFileError) in try stream.nextChunk() }
        defer {
            chunks.finish()
            stream.close()
        }
        while let records = try attempt({ () throws(DataFileError) in try chunks.next() }) {
            StandardOutput.write(try scored(records, file: input))
        }
        if !stream.skippedRows.isEmpty {
            Terminal.standardError("skipped \(stream.skippedRows.count) bad row(s) of \(input); the first: \(stream.skippedRows[0])")
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + [Int](repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
}
