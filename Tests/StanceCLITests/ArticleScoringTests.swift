import Foundation
import Testing

/// The main job end to end: the bundled model scores every quoted statement of the sample article.
@Test func predictArticlesListsEveryStatementWithSpeakerAndLabel() throws {
    let article = CLI.packageRoot.appendingPathComponent("datasets/articles/sample-article.txt").path
    let result = try CLI.run(["predict", "--articles", article, "--format", "jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    let records = result.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    #expect(records.count == 7)
    for key in ["article", "text", "start", "end", "speaker", "verb", "partial", "context", "label", "probabilities"] {
        #expect(records.allSatisfy { $0.keys.contains(key) }, "every record has \(key)")
    }
    let speakers = Set(records.compactMap { $0["speaker"] as? String })
    #expect(speakers.isSuperset(of: ["Oleg Varnavin", "Ellen Marsh", "Curtis Pellman"]))
    #expect(records.contains { $0["text"] as? String == "a long shot" && $0["partial"] as? Bool == true })

    let unattributed = try CLI.run(["predict", "--articles", "-", "--format", "jsonl"], stdin: "The report mentions “this sentence of five words” here.")
    #expect(unattributed.stdout.contains("\"speaker\":null") && unattributed.stdout.contains("\"verb\":null"))

    let table = try CLI.run(["predict", "--articles", article, "--format", "table"])
    #expect(table.stdout.contains("7 quoted statement(s)") && table.stdout.contains("summary:"))
}

@Test func theBundledModelIsUsedWhenNoModelIsGiven() throws {
    let result = try CLI.run(["predict", "--text", "The ministers will meet on Tuesday.", "--format", "jsonl"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\"probabilities\""))
}
