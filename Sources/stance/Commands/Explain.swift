import ArgumentParser
import Classifiers
import DataFiles
import Foundation
import TextFeatures

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show why the model labelled each statement as it did: the n-grams that pushed it towards each label.",
        discussion: """
        Each feature's share is its value in the text times its weight for the label, relative to the
        average label (exact for linear models). On a terminal the words that pushed towards the
        predicted label are shown in green and those against it in red.
        Examples:
          stance explain --text "We are not entering into a transaction founded on trust."
          stance explain --model model.stance statements.txt --format jsonl
        """)

    @Option(name: .shortAndLong, help: ArgumentHelp("The model file (default: the bundled model).", valueName: "file"))
    var model: String?

    @Argument(help: ArgumentHelp("Input file (- for standard input), one statement per line or JSONL/CSV.", valueName: "file"))
    var input: String?

    @Option(name: .long, help: "Explain this one text.")
    var text: String?

    @OptionGroup var reading: ReadingOptions

    @Option(name: .long, help: "Features to list per label and direction.")
    var top = 8

    @Option(name: .long, help: "Output: table or jsonl. Default: table on a terminal, jsonl otherwise.")
    var format: ExplainFormat?

    func validate() throws {
        if (input == nil) == (text == nil) { throw ValidationError("give either an input file (or -) or --text \"...\"") }
    }

    func run() throws {
        let classifier = try LoadedModel(model).single(for: "explain")
        let records = try text.map { [TextRecord(text: $0, label: nil, line: 1)] } ?? reading.read(input!, requireLabels: false).records
        let documents = reading.documents(records)
        let color = Terminal.standardOutputIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        for (record, document) in zip(records, documents) {
            let explanation = classifier.explain(document, top: top)
            switch format ?? (Terminal.standardOutputIsTerminal ? .table : .jsonl) {
            case .jsonl:
                print(JSONOutput.line(ExplainLine(line: record.line, text: record.text, explanation: explanation)))
            case .table:
                print(render(record, explanation, labels: classifier.labels, color: color))
            }
        }
    }

    func render(_ record: TextRecord, _ e: Explanation, labels: [String], color: Bool) -> String {
        var out = ["line \(record.line): \(e.label) (" + labels.map { "\($0) \(TextTable.fixed(e.probabilities[$0] ?? 0))" }.joined(separator: ", ") + ")"]
        out.append("  " + Highlighter.highlight(record.text, towards: e.towards[e.label] ?? [], against: e.against[e.label] ?? [], color: color))
        for label in labels {
            let up = (e.towards[label] ?? []).map { "\($0.feature) \(String(format: "%+.3f", $0.contribution))" }
            let down = (e.against[label] ?? []).map { "\($0.feature) \(String(format: "%+.3f", $0.contribution))" }
            out.append("  \(label):")
            out.append("    towards: " + (up.isEmpty ? "-" : up.joined(separator: ", ")))
            out.append("    against: " + (down.isEmpty ? "-" : down.joined(separator: ", ")))
        }
        return out.joined(separator: "\n")
    }
}

enum ExplainFormat: String, ExpressibleByArgument, CaseIterable {
    case table, jsonl
}

struct ExplainLine: Encodable {
    let line: Int
    let text: String
    let explanation: Explanation

    func encode(to encoder: Encoder) throws {
        enum Keys: String, CodingKey { case line, text }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(line, forKey: .line)
        try c.encode(text, forKey: .text)
        try explanation.encode(to: encoder)
    }
}

/// Colours the words of a statement by the unigram features that moved the prediction.
enum Highlighter {
    static func highlight(_ text: String, towards: [Explanation.Contribution], against: [Explanation.Contribution], color: Bool) -> String {
        guard color else { return text }
        let up = Set(towards.compactMap { unigram($0.feature) }), down = Set(against.compactMap { unigram($0.feature) })
        var out = ""
        var word = ""
        func flush() {
            let key = word.lowercased().replacingOccurrences(of: "’", with: "'")
            if up.contains(key) { out += "\u{1B}[1;32m" + word + "\u{1B}[0m" }
            else if down.contains(key) { out += "\u{1B}[1;31m" + word + "\u{1B}[0m" }
            else { out += word }
            word = ""
        }
        for ch in text {
            if ch.isLetter || ch.isNumber || ch == "'" || ch == "’" { word.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }

    /// "w:trust" → "trust"; other features (bigrams, character n-grams) are not highlighted.
    static func unigram(_ feature: String) -> String? {
        guard feature.hasPrefix("w:"), !feature.contains(" ") else { return nil }
        return String(feature.dropFirst(2))
    }
}
