import Foundation
import TextFeatures
import Testing

/// The project's own corpus keeps the promises its README makes.
@Test func statementCorpusFollowsItsDocumentedSplitAndLabels() throws {
    let folder = CLI.packageRoot.appendingPathComponent("datasets/us-russia-statements")
    var texts = Set<String>()
    for (file, isTest) in [("train.jsonl", false), ("test.jsonl", true)] {
        let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 500)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let text = object["text"] as! String
            let label = object["label"] as! String
            #expect(["supportive", "skeptical", "neutral"].contains(label))
            #expect((FeatureHashing.fnv1a32(text) % 5 == 0) == isTest, "\(file): \(text)")
            if object["on_topic"] as? Bool == false { #expect(label == "neutral") }
            #expect(texts.insert(text).inserted, "duplicate statement: \(text)")
        }
    }
}
