import Articles
import Classifiers
import DataFiles
import Foundation
import TextFeatures

/// `stance predict --articles`: every quoted statement of every article, with its speaker and
/// label, then a per-article summary (table) — or one record per statement (jsonl, csv).
struct ArticleScoring {
    let classifier: TextClassifier
    let format: PredictionFormat
    let reading: ReadingOptions

    struct Article {
        let name: String
        let text: String
    }

    struct Record: Encodable {
        let article: String
        let text: String
        let start: Int
        let end: Int
        let speaker: String?
        let verb: String?
        let partial: Bool
        let context: String
        let label: String
        let probability: Double
        let probabilities: [String: Double]

        enum CodingKeys: String, CodingKey {
            case article, text, start, end, speaker, verb, partial, context, label, probability, probabilities
        }

        /// Every field is always present; an unknown speaker or verb is written as null, not left out.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(article, forKey: .article)
            try c.encode(text, forKey: .text)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(speaker, forKey: .speaker)
            try c.encode(verb, forKey: .verb)
            try c.encode(partial, forKey: .partial)
            try c.encode(context, forKey: .context)
            try c.encode(label, forKey: .label)
            try c.encode(probability, forKey: .probability)
            try c.encode(probabilities, forKey: .probabilities)
        }
    }

    /// Hands `body` the articles of `inputs` in batches, in order: files are read whole as plain
    /// text (HTML tags stripped when the name ends in .html/.htm); folders give their files in
    /// name order; JSON Lines (and other one-record-a-line input, including standard input with
    /// --input-format) is streamed, a batch per chunk, so a pipe gets each article's statements
    /// as soon as its line has arrived; CSV/TSV files give one article per record.
    func forEachBatch(of inputs: [String], _ body: ([Article]) throws -> Void) throws {
        for input in inputs {
            var isFolder: ObjCBool = false
            if input != "-" && FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) && isFolder.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: input).filter { !$0.hasPrefix(".") }.sorted()
                try forEachBatch(of: names.map { (input as NSString).appendingPathComponent($0) }, body)
                continue
            }
            let ext = (input as NSString).pathExtension.lowercased()
            if ["jsonl", "ndjson", "csv", "tsv"].contains(ext) || reading.inputFormat != nil {
                let options = reading.options(requireLabels: false)
                let article = { (record: TextRecord) in Article(name: record.fields["id"] ?? "\(input):\(record.line)", text: record.text) }
                if DataStream.canStream(path: input, options: options) {
                    var stream = try attempt { () throws(DataFileError) in try DataStream(path: input, options: options, chunkBytes: 1 << 20) }
                    defer { stream.close() }
                    while let records = try attempt({ () throws(DataFileError) in try stream.nextChunk() }) {
                        try body(records.map(article))
                    }
                } else {
                    try body(try reading.read(input, requireLabels: false).records.map(article))
                }
                continue
            }
            let data: Data
            if input == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let d = FileManager.default.contents(atPath: input) else {
                    throw CLIError("\(input): cannot read the article (no such file, or permission denied)")
                }
                data = d
            }
            guard let text = String(data: data, encoding: .utf8) else { throw CLIError("\(input): the article is not valid UTF-8 text") }
            try body([Article(name: input, text: ["html", "htm"].contains(ext) ? HTMLText.plain(text) : text)])
        }
    }

    /// Scores the articles of `inputs` batch by batch (see ``forEachBatch(of:_:)``).
    func run(inputs: [String]) throws {
        writeHeader()
        try forEachBatch(of: inputs) { batch in
            score(batch)
            fflush(nil)  // a pipe's reader gets every batch's lines at once
        }
    }

    func run(_ articles: [Article]) throws {
        writeHeader()
        score(articles)
    }

    func writeHeader() {
        if format == .csv {
            print((["article", "start", "end", "speaker", "verb", "partial", "label", "probability"] + classifier.labels.map { "p_" + $0 } + ["text", "context"])
                .map(PredictionWriter.csvField).joined(separator: ","))
        }
    }

    /// Every quoted statement of `articles` with its prediction, in order.
    func scored(_ articles: [Article]) -> [(article: String, statement: QuotedStatement, prediction: Prediction)] {
        let extractor = QuoteExtractor()
        var out: [(article: String, statement: QuotedStatement, prediction: Prediction)] = []
        for article in articles {
            let statements = extractor.extract(from: article.text)
            let predictions = classifier.predict(statements.map { Document(text: $0.text, context: $0.context) })
            for (s, p) in zip(statements, predictions) { out.append((article.name, s, p)) }
        }
        return out
    }

    func score(_ articles: [Article]) {
        let extractor = QuoteExtractor()
        for article in articles {
            let statements = extractor.extract(from: article.text)
            let predictions = classifier.predict(statements.map { Document(text: $0.text, context: $0.context) })
            if format == .table { print("== \(article.name): \(statements.count) quoted statement(s)") }
            for (s, p) in zip(statements, predictions) {
                let top = p.probabilities[p.labelIndex]
                switch format {
                case .jsonl:
                    print(JSONOutput.line(Record(
                        article: article.name, text: s.text, start: s.start, end: s.end, speaker: s.speaker, verb: s.verb,
                        partial: s.partial, context: s.context, label: p.label, probability: top,
                        probabilities: Dictionary(uniqueKeysWithValues: zip(classifier.labels, p.probabilities)))))
                case .csv:
                    let cells = [article.name, "\(s.start)", "\(s.end)", s.speaker ?? "", s.verb ?? "", "\(s.partial)", p.label,
                                 PredictionWriter.number(top)] + p.probabilities.map(PredictionWriter.number) + [s.text, s.context]
                    print(cells.map(PredictionWriter.csvField).joined(separator: ","))
                case .table:
                    let speaker = (s.speaker ?? "(unattributed)") + (s.partial ? " [partial]" : "")
                    print("  \(p.label.padding(toLength: 11, withPad: " ", startingAt: 0)) \(TextTable.fixed(top))  \(speaker): “\(s.text)”")
                }
            }
            if format == .table && !statements.isEmpty {
                var byLabel: [String: Int] = [:], bySpeaker: [String: [String: Int]] = [:]
                for (s, p) in zip(statements, predictions) {
                    byLabel[p.label, default: 0] += 1
                    bySpeaker[s.speaker ?? "(unattributed)", default: [:]][p.label, default: 0] += 1
                }
                print("  summary: " + classifier.labels.map { "\($0) \(byLabel[$0] ?? 0)" }.joined(separator: ", "))
                for speaker in bySpeaker.keys.sorted() {
                    print("    \(speaker): " + classifier.labels.compactMap { l in bySpeaker[speaker]![l].map { "\(l) \($0)" } }.joined(separator: ", "))
                }
            }
        }
    }
}

/// Just enough HTML handling for article pages: drop script/style blocks and tags, turn block
/// ends into line breaks, and decode the common entities.
enum HTMLText {
    static func plain(_ html: String) -> String {
        var s = html
        for tag in ["script", "style"] {
            s = s.replacingOccurrences(of: "<\(tag)[^>]*>[\\s\\S]*?</\(tag)>", with: " ", options: [.regularExpression, .caseInsensitive])
        }
        s = s.replacingOccurrences(of: "</(p|div|h[1-6]|li|br)\\s*>|<br\\s*/?>", with: "\n\n", options: [.regularExpression, .caseInsensitive])
        s = s.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        let entities = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&nbsp;": " ",
                        "&ldquo;": "“", "&rdquo;": "”", "&lsquo;": "‘", "&rsquo;": "’", "&laquo;": "«", "&raquo;": "»",
                        "&mdash;": "—", "&ndash;": "–", "&hellip;": "…"]
        for (entity, value) in entities { s = s.replacingOccurrences(of: entity, with: value) }
        return s
    }
}
