import Articles
import Foundation
import Testing

/// The project's own sample articles (datasets/articles/samples.jsonl) list every quotation they
/// hold, with its speaker. The extractor must find nearly all of them, with few false alarms, and
/// name most speakers — measured the way benchmarks/extraction.py measures the real pages.
@Test func sampleArticlesAreExtractedAsTheirAnswerKeySays() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let lines = try String(contentsOf: root.appendingPathComponent("datasets/articles/samples.jsonl"), encoding: .utf8)
        .split(separator: "\n")
    var found = 0, truth = 0, matched = 0, speakersKnown = 0, speakersRight = 0
    for line in lines {
        let article = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        let expected = article["quotes"] as! [[String: Any]]
        let quotes = QuoteExtractor().extract(from: article["text"] as! String)
        found += quotes.count
        truth += expected.count
        var used = Set<Int>()
        for q in quotes {
            guard let j = expected.indices.first(where: { !used.contains($0) && normalised(expected[$0]["text"] as! String) == normalised(q.text) }) else { continue }
            used.insert(j)
            matched += 1
            if let speaker = expected[j]["speaker"] as? String {
                speakersKnown += 1
                if q.speaker?.lowercased() == speaker.lowercased() { speakersRight += 1 }
            }
        }
    }
    let precision = Double(matched) / Double(found), recall = Double(matched) / Double(truth)
    let speakerAccuracy = Double(speakersRight) / Double(speakersKnown)
    print(String(format: "sample articles: %d quotes, precision %.3f, recall %.3f, speaker accuracy %.3f", truth, precision, recall, speakerAccuracy))
    #expect(precision >= 0.9 && recall >= 0.95 && speakerAccuracy >= 0.8)
}

/// Case, spacing, apostrophe style and edge punctuation do not count.
private func normalised(_ text: String) -> String {
    text.lowercased().replacingOccurrences(of: "’", with: "'")
        .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }).joined(separator: " ")
}
