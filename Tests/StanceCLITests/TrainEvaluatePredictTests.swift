import Foundation
import Testing

/// A tiny corpus written here: two labels, clear vocabulary.
private let corpus = (0..<12).map { i in
    i % 2 == 0
        ? #"{"text": "we welcome the talks and a real partnership number \#(i)", "label": "supportive"}"#
        : #"{"text": "we cannot trust them, they lied about the deal \#(i)", "label": "skeptical"}"#
}.joined(separator: "\n") + "\n"

private func trainedModel(_ folder: URL, extra: [String] = []) throws -> String {
    try corpus.write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["train", "--data", "train.jsonl", "--output", "m.stance"] + extra, in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    return folder.appendingPathComponent("m.stance").path
}

@Test func trainReportsWhatItLearned() throws {
    let folder = try CLI.scratchFolder()
    try corpus.write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["train", "--data", "train.jsonl", "--output", "m.stance"], in: folder)
    #expect(result.status == 0)
    #expect(result.stdout.contains("trained logreg on 12 documents"))
    #expect(result.stdout.contains("labels    skeptical (6), supportive (6)"))
    #expect(result.stdout.contains("optimiser"))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("m.stance").path))
}

@Test func evaluatePrintsScoresAndConfusionMatrix() throws {
    let folder = try CLI.scratchFolder()
    let model = try trainedModel(folder)
    let table = try CLI.run(["evaluate", "--model", model, "--data", "train.jsonl"], in: folder)
    #expect(table.status == 0)
    #expect(table.stdout.contains("accuracy  100.00%  (12 examples)"))
    #expect(table.stdout.contains("confusion matrix"))
    let json = try CLI.run(["evaluate", "--model", model, "--data", "train.jsonl", "--format", "json"], in: folder)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
    #expect(object["accuracy"] as? Double == 1)
    #expect(object["confusion"] as? [[Int]] == [[6, 0], [0, 6]])
}

@Test func predictWritesJSONLinesCSVAndTable() throws {
    let folder = try CLI.scratchFolder()
    let model = try trainedModel(folder)
    let input = "we welcome a real partnership\nthey lied, we cannot trust them\n"
    let jsonl = try CLI.run(["predict", "--model", model, "-", "--format", "jsonl"], stdin: input)
    #expect(jsonl.status == 0, "\(jsonl.stderr)")
    let lines = jsonl.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    #expect(lines.map { $0["label"] as? String } == ["supportive", "skeptical"])
    let probabilities = lines[0]["probabilities"] as! [String: Double]
    #expect(Set(probabilities.keys) == ["supportive", "skeptical"])
    #expect(abs(probabilities.values.reduce(0, +) - 1) < 1e-9)

    let csv = try CLI.run(["predict", "--model", model, "-", "--format", "csv"], stdin: input)
    let rows = csv.stdout.split(separator: "\n")
    #expect(rows.first == "line,label,probability,p_skeptical,p_supportive,text")
    #expect(rows[2].hasSuffix("skeptical") == false && rows[2].contains("\"they lied, we cannot trust them\""))

    let one = try CLI.run(["predict", "--model", model, "--text", "we cannot trust them", "--format", "table"])
    #expect(one.stdout.contains("skeptical"))
}

@Test func crossValidationReportsMeanAndDeviation() throws {
    let folder = try CLI.scratchFolder()
    try corpus.write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["cv", "--folds", "3", "--data", "train.jsonl", "--classifier", "nb", "--format", "json"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    #expect((object["folds"] as! [Any]).count == 3)
    #expect(object["meanAccuracy"] as? Double == 1)
}

@Test func errorsNameTheFileLineAndProblem() throws {
    let folder = try CLI.scratchFolder()
    try "{\"text\": \"ok\", \"label\": \"a\"}\n{\"text\": \"no label\"}\n".write(to: folder.appendingPathComponent("bad.jsonl"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["train", "--data", "bad.jsonl", "--output", "m.stance"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad.jsonl:2:"))
    #expect(result.stderr.contains("--label-field"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("m.stance").path))

    let missingModel = try CLI.run(["predict", "--model", "nope.stance", "--text", "x"], in: folder)
    #expect(missingModel.status == 1 && missingModel.stderr.contains("nope.stance: cannot read the model file: no such file"))

    let single = try CLI.run(["train", "--data", "-", "--input-format", "label-tab", "--output", "m.stance"], stdin: "a\tone\na\ttwo\n", in: folder)
    #expect(single.status == 1 && single.stderr.contains("only one label"))

    let usage = try CLI.run(["train", "--data", "x.jsonl", "--output", "/no/such/folder/m.stance"], in: folder)
    #expect(usage.status == 64 && usage.stderr.contains("does not exist"))

    let typo = try CLI.run(["train", "--dat", "x.jsonl"], in: folder)
    #expect(typo.status == 64 && typo.stderr.contains("--data"))
}

@Test func aFailedTrainingRunKeepsThePreviousModel() throws {
    let folder = try CLI.scratchFolder()
    let model = try trainedModel(folder)
    let before = try Data(contentsOf: URL(fileURLWithPath: model))
    try "only\tone\n".write(to: folder.appendingPathComponent("bad.tsv"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["train", "--data", "bad.tsv", "--output", "m.stance"], in: folder)
    #expect(result.status == 1)
    #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp") }.isEmpty)
}

@Test func groupFieldTrainsOneSubModelPerGroupAndRoutesByIt() throws {
    let folder = try CLI.scratchFolder()
    let lines = (0..<6).flatMap { i in [
        #"{"text": "green \#(i)", "label": "pro", "target": "cars"}"#, #"{"text": "grey \#(i)", "label": "con", "target": "cars"}"#,
        #"{"text": "green \#(i)", "label": "con", "target": "paint"}"#, #"{"text": "grey \#(i)", "label": "pro", "target": "paint"}"#,
    ] }
    try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("g.jsonl"), atomically: true, encoding: .utf8)
    let train = try CLI.run(["train", "--data", "g.jsonl", "--group-field", "target", "--classifier", "nb", "--output", "g.stance"], in: folder)
    #expect(train.status == 0, "\(train.stderr)")
    #expect(train.stdout.contains("trained 2 nb sub-models (one per target)"))
    let evaluate = try CLI.run(["evaluate", "--model", "g.stance", "--data", "g.jsonl", "--metric", "f1-avg:pro", "--format", "json"], in: folder)
    let object = try JSONSerialization.jsonObject(with: Data(evaluate.stdout.utf8)) as! [String: Any]
    #expect(object["score"] as? Double == 1 && object["metric"] as? String == "f1-avg:pro")
    let unknown = try CLI.run(["predict", "--model", "g.stance", "-", "--input-format", "jsonl"], stdin: #"{"text": "green", "target": "boats"}"# + "\n", in: folder)
    #expect(unknown.status == 1 && unknown.stderr.contains("-:1:") && unknown.stderr.contains("\"boats\" is not one of the model's groups"))
    let cv = try CLI.run(["cv", "--folds", "3", "--data", "g.jsonl", "--group-field", "target", "--classifier", "nb", "--metric", "f1-avg:pro", "--format", "json"], in: folder)
    let report = try JSONSerialization.jsonObject(with: Data(cv.stdout.utf8)) as! [String: Any]
    #expect(report["pooledScore"] as? Double == 1)
}

@Test func tuneSearchesWritesTheBestModelAndAReportOfEveryTrial() throws {
    let folder = try CLI.scratchFolder()
    try corpus.write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["tune", "--data", "train.jsonl", "--folds", "3", "--trials", "5", "--output", "best.stance"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("best: macro-f1"))
    let report = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("best.stance.tune.json"))) as! [String: Any]
    let trials = report["trials"] as! [[String: Any]]
    #expect(trials.count == 5)
    // The learners' defaults come first, so tuning never reports worse than no tuning.
    #expect(Set(trials.filter { ($0["number"] as! Int) <= 4 }.map { $0["classifier"] as! String }) == ["logreg", "nblr", "nb", "complement-nb"])
    let evaluate = try CLI.run(["evaluate", "--model", "best.stance", "--data", "train.jsonl"], in: folder)
    #expect(evaluate.status == 0)
}

@Test func explainAndInspectDescribeTheModel() throws {
    let folder = try CLI.scratchFolder()
    let model = try trainedModel(folder)
    let explain = try CLI.run(["explain", "--model", model, "--text", "we cannot trust them", "--format", "jsonl", "--top", "500"])
    #expect(explain.status == 0, "\(explain.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(explain.stdout.utf8)) as! [String: Any]
    #expect(object["label"] as? String == "skeptical")
    let towards = (object["towards"] as! [String: [[String: Any]]])["skeptical"]!
    #expect(towards.contains { ($0["feature"] as? String) == "w:trust" })
    let plain = try CLI.run(["explain", "--model", model, "--text", "we cannot trust them", "--format", "table"])
    #expect(plain.stdout.contains("line 1: skeptical") && !plain.stdout.contains("\u{1B}["))   // no colour in a pipe
    let inspect = try CLI.run(["inspect", model])
    #expect(inspect.status == 0)
    #expect(inspect.stdout.contains("kind      logreg") && inspect.stdout.contains("labels    skeptical (6), supportive (6)"))
    #expect(inspect.stdout.contains("towards:"))
}

/// Not under the sanitizers (STANCE_QUICK): ThreadSanitizer defers signals to its own safe points.
@Test(.enabled(if: CLI.sharedData != nil, "needs ../shared/datasets for a training run long enough to interrupt"),
      .enabled(if: ProcessInfo.processInfo.environment["STANCE_QUICK"] == nil, "signal timing is not reliable under the sanitizers"))
func anInterruptedTrainingRunLeavesThePreviousModelAndNoTemporaryFiles() throws {
    let folder = try CLI.scratchFolder()
    let model = try trainedModel(folder)
    let before = try Data(contentsOf: URL(fileURLWithPath: model))
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = ["train", "--data", CLI.sharedData!.appendingPathComponent("sentences/mr.tsv").path, "--classifier", "logreg", "--output", model]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: 1.0)
    process.terminate()   // SIGTERM
    process.waitUntilExit()
    #expect(process.terminationStatus != 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp") }.isEmpty)
}
