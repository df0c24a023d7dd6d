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

@Test func evaluateSummarisesSpeakersAcrossArticles() throws {
    let folder = try CLI.scratchFolder()
    let articles = [
        #"{"id": "a1", "text": "“We welcome these talks and want a real partnership,” Minister Anna Kovac said on Monday.\n\n“They lied to us about the deal,” said Senator Bill Ray."}"#,
        #"{"id": "a2", "text": "“The meeting will be on Tuesday,” Minister Anna Kovac said."}"#,
    ].joined(separator: "\n") + "\n"
    try articles.write(to: folder.appendingPathComponent("news.jsonl"), atomically: true, encoding: .utf8)
    let table = try CLI.run(["evaluate", "--articles", "news.jsonl"], in: folder)
    #expect(table.status == 0, "\(table.stderr)")
    #expect(table.stdout.contains("3 quoted statements in 2 articles"))
    #expect(table.stdout.contains("Anna Kovac"))
    let csv = try CLI.run(["evaluate", "--articles", "news.jsonl", "--format", "csv"], in: folder)
    let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    #expect(rows[0] == ["speaker", "articles", "statements", "neutral", "skeptical", "supportive"])
    let kovac = try #require(rows.first { $0[0] == "Anna Kovac" })
    #expect(kovac[1] == "2" && kovac[2] == "2")
    #expect(kovac[3...].compactMap { Int($0) }.reduce(0, +) == 2)
    // Labelled-data options are refused with --articles, and one of --data/--articles is needed.
    #expect(try CLI.run(["evaluate", "--articles", "news.jsonl", "--report", "r"], in: folder).status == 64)
    #expect(try CLI.run(["evaluate"], in: folder).status == 64)
}
