import Foundation
import Testing

/// Streaming training and streaming prediction, end to end through the binary.

private let corpus = (0..<400).map { i in
    i % 2 == 0
        ? #"{"text": "we welcome the talks and a real partnership, round \#(i)", "label": "supportive", "id": "s\#(i)"}"#
        : #"{"text": "we cannot trust them, they lied about the deal, round \#(i)", "label": "skeptical", "id": "k\#(i)"}"#
}.joined(separator: "\n") + "\n"

@Test func streamingTrainingWritesAModelThatScoresLikeAnyOther() throws {
    let folder = try CLI.scratchFolder()
    try corpus.write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["train", "--data", "train.jsonl", "--streaming", "--solver", "adagrad", "--hash-bits", "16",
                              "--epochs", "3", "--output", "m.stance"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("trained logreg on 400 documents (jsonl)"))
    #expect(result.stdout.contains("3 adagrad epochs (streamed)"))
    let evaluation = try CLI.run(["evaluate", "--model", "m.stance", "--data", "train.jsonl"], in: folder)
    #expect(evaluation.stdout.contains("accuracy  100.00%  (400 examples)"))
    // Nothing is left behind in the cache folder.
    let cacheFolder = try CLI.scratchFolder()
    _ = try CLI.run(["train", "--data", "train.jsonl", "--streaming", "--solver", "adagrad", "--hash-bits", "16",
                     "--cache-dir", cacheFolder.path, "--output", "m2.stance"], in: folder)
    #expect(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).isEmpty)
}

@Test func streamingTrainingExplainsWhatItNeeds() throws {
    let folder = try CLI.scratchFolder()
    try corpus.write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
    let noHashing = try CLI.run(["train", "--data", "train.jsonl", "--streaming", "--solver", "adagrad", "--output", "m.stance"], in: folder)
    #expect(noHashing.status == 1)
    #expect(noHashing.stderr.contains("--hash-bits"))
    let lbfgs = try CLI.run(["train", "--data", "train.jsonl", "--streaming", "--hash-bits", "16", "--output", "m.stance"], in: folder)
    #expect(lbfgs.status == 1)
    #expect(lbfgs.stderr.contains("--solver adagrad"))
    try "text,label\na,b\n".write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    let csv = try CLI.run(["train", "--data", "t.csv", "--streaming", "--solver", "adagrad", "--hash-bits", "16", "--output", "m.stance"], in: folder)
    #expect(csv.status == 1)
    #expect(csv.stderr.contains("t.csv: is csv, which cannot be read as a stream"))
}

@Test func predictCanLeaveTheTextOutAndKeepsIDsForJoins() throws {
    let folder = try CLI.scratchFolder()
    try corpus.write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
    _ = try CLI.run(["train", "--data", "train.jsonl", "--output", "m.stance"], in: folder)
    let result = try CLI.run(["predict", "--model", "m.stance", "train.jsonl", "--format", "jsonl", "--no-text"], in: folder)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 400)
    let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
    #expect(first["id"] as? String == "s0")
    #expect(first["line"] as? Int == 1)
    #expect(first["label"] as? String == "supportive")
    #expect(first["text"] == nil)
    #expect(lines[0].hasPrefix(#"{"id":"s0","label":"supportive","line":1,"probabilities":{"skeptical":"#))
}

/// A filter in a pipeline (e.g. Spark's RDD.pipe) must answer each record as it arrives, not
/// at the end of its input.
@Test func predictAnswersEachLineOfAPipeBeforeTheInputEnds() throws {
    let folder = try CLI.scratchFolder()
    try corpus.write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
    _ = try CLI.run(["train", "--data", "train.jsonl", "--output", "m.stance"], in: folder)
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = ["predict", "--model", "m.stance", "-", "--input-format", "jsonl", "--format", "jsonl"]
    process.currentDirectoryURL = folder
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    var answers: [String] = []
    for text in ["we welcome the talks", "they lied about the deal"] {
        input.fileHandleForWriting.write(Data((#"{"id": "q", "text": "\#(text)"}"# + "\n").utf8))
        // Read until one whole line has come back, while the input is still open.
        var line = Data()
        while !line.contains(0x0A) {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            line.append(data)
        }
        answers.append(String(decoding: line, as: UTF8.self))
    }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(answers.count == 2)
    #expect(answers[0].contains(#""label":"supportive""#))
    #expect(answers[1].contains(#""label":"skeptical""#))
}

@Test func predictExplainsEachLabelWhenAsked() throws {
    let folder = try CLI.scratchFolder()
    try corpus.write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
    _ = try CLI.run(["train", "--data", "train.jsonl", "--output", "m.stance", "--calibrate"], in: folder)
    let json = try CLI.run(["predict", "--model", "m.stance", "--text", "we welcome the talks", "--format", "jsonl", "--explain"], in: folder)
    #expect(json.status == 0, "\(json.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
    let reasons = try #require(object["explanation"] as? [[Any]])
    #expect(!reasons.isEmpty)
    // [feature, value, contribution], strongest first, all pushing towards "supportive".
    #expect(reasons.allSatisfy { ($0[0] as? String)?.isEmpty == false && ($0[2] as? Double ?? 0) > 0 })
    #expect(reasons.contains { ($0[0] as? String).map { $0.contains("wel") || $0.contains("talk") } ?? false })
    let table = try CLI.run(["predict", "--model", "m.stance", "--text", "we welcome the talks", "--format", "table", "--explain"], in: folder)
    #expect(table.stdout.contains("because: "))
    let inspect = try CLI.run(["inspect", "m.stance"], in: folder)
    #expect(inspect.stdout.contains("calibration temperature"))
}
