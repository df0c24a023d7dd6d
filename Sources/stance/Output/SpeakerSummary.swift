import Articles
import Classifiers

/// Who says what across a corpus of articles: for every speaker, how many of their quoted
/// statements got each label, in how many articles; and the same per label overall.
///
/// Unattributed statements are counted under "(unattributed)" so the totals add up.
struct SpeakerSummary {
    let labels: [String]
    private var counts: [String: [Int]] = [:]
    private var articles: [String: Set<String>] = [:]
    private var totals: [Int]
    private var allArticles = Set<String>()

    init(labels: [String]) {
        self.labels = labels
        totals = [Int](repeating: 0, count: labels.count)
    }

    static let unattributed = "(unattributed)"

    mutating func add(article: String, statement: QuotedStatement, prediction: Prediction) {
        let speaker = statement.speaker ?? Self.unattributed
        counts[speaker, default: [Int](repeating: 0, count: labels.count)][prediction.labelIndex] += 1
        articles[speaker, default: []].insert(article)
        totals[prediction.labelIndex] += 1
        allArticles.insert(article)
    }

    /// Speakers by number of statements (most first), then by name.
    private var speakers: [String] {
        counts.keys.sorted { a, b in
            let na = counts[a]!.reduce(0, +), nb = counts[b]!.reduce(0, +)
            return na != nb ? na > nb : a < b
        }
    }

    var table: String {
        let statements = totals.reduce(0, +)
        var out = "\(statements) quoted statements in \(allArticles.count) articles\n"
        out += "by label: " + zip(labels, totals).map { "\($0) \($1) (\(TextTable.fixed(statements > 0 ? 100 * Double($1) / Double(statements) : 0, 1))%)" }.joined(separator: ", ") + "\n\n"
        let rows = speakers.map { speaker -> [String] in
            let c = counts[speaker]!
            return [speaker, "\(articles[speaker]!.count)", "\(c.reduce(0, +))"] + c.map(String.init)
        }
        out += TextTable.render(header: ["speaker", "articles", "statements"] + labels, rows: rows, rightAligned: Set(1..<(3 + labels.count)))
        return out + "\n"
    }

    var csv: String {
        var lines = [(["speaker", "articles", "statements"] + labels).map(PredictionWriter.csvField).joined(separator: ",")]
        for speaker in speakers {
            let c = counts[speaker]!
            lines.append(([speaker, "\(articles[speaker]!.count)", "\(c.reduce(0, +))"] + c.map(String.init)).map(PredictionWriter.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
