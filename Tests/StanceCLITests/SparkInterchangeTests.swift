import Foundation
import Testing

private let corpus = """
{"text": "we welcome the talks", "label": "favor"}
{"text": "they lied about the deal", "label": "against"}
{"text": "the meeting is on tuesday", "label": "none"}

"""

@Test func featurizeWritesLibSVMRowsAndTheSpecification() throws {
    let folder = try CLI.scratchFolder()
    try corpus.write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["featurize", "--labels", "against,favor,none", "--hash-bits", "10", "--word-ngrams", "1",
                              "--norm", "l2", "--spec", "features.json", "--data", "train.jsonl"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ") }
    #expect(rows.map { $0[0] } == ["1", "0", "2"])
    // Four, five and five words, binary then L2: each value is the Float 1/√m written in full,
    // every index in 1...1024 and ascending.
    #expect(rows.map { $0.count } == [5, 6, 6])
    for row in rows {
        let pairs = row.dropFirst().map { $0.split(separator: ":") }
        let expected = Double(Float(1 / Double(pairs.count).squareRoot())).description
        #expect(pairs.allSatisfy { $0[1] == expected[...] })
        let indices = pairs.map { Int($0[0])! }
        #expect(indices == indices.sorted() && indices.allSatisfy { (1...1024).contains($0) })
    }
    let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("features.json"))) as! [String: Any]
    #expect(spec["labels"] as? [String] == ["against", "favor", "none"])
    #expect(spec["format"] as? String == "stance-features/1")

    // The same rows from standard input, as a Spark executor's pipe delivers them.
    let piped = try CLI.run(["featurize", "--labels", "against,favor,none", "--hash-bits", "10", "--word-ngrams", "1",
                             "--norm", "l2", "--data", "-", "--input-format", "jsonl"], stdin: corpus)
    #expect(piped.stdout == result.stdout)
}

/// Spark pipes every partition, empty ones too: empty standard input is zero rows, exit 0.
/// Labels are trimmed as data labels are, so "against, favor, none" works.
@Test func featurizeTreatsAnEmptyPipeAsNoRows() throws {
    let empty = try CLI.run(["featurize", "--labels", "against, favor, none", "--data", "-", "--input-format", "jsonl"], stdin: "")
    #expect(empty.status == 0, "\(empty.stderr)")
    #expect(empty.stdout.isEmpty)
    let blank = try CLI.run(["featurize", "--labels", "against, favor, none", "--data", "-", "--input-format", "jsonl"], stdin: "\n\n")
    #expect(blank.status == 0 && blank.stdout.isEmpty, "\(blank.stderr)")
    let rows = try CLI.run(["featurize", "--labels", "against, favor, none", "--data", "-", "--input-format", "jsonl"], stdin: corpus)
    #expect(rows.stdout.split(separator: "\n").map { $0.prefix(1) } == ["1", "0", "2"])
}

@Test func featurizeNamesTheRowWithAnUnlistedLabel() throws {
    let folder = try CLI.scratchFolder()
    try corpus.write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["featurize", "--labels", "against,favor", "--data", "train.jsonl"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("train.jsonl:3: the label 'none' is not among --labels (against, favor)"))
    let tfidf = try CLI.run(["featurize", "--labels", "against,favor,none", "--weighting", "tfidf", "--data", "train.jsonl"], in: folder)
    #expect(tfidf.status == 1 && tfidf.stderr.contains("use --weighting binary or counts"))
}

@Test func importMLlibMakesAModelThatPredicts() throws {
    let folder = try CLI.scratchFolder()
    let spec = try CLI.run(["featurize", "--labels", "against,favor", "--hash-bits", "6", "--word-ngrams", "1", "--spec", "features.json"], in: folder)
    #expect(spec.status == 0, "\(spec.stderr)")
    // Find the columns of "welcome" and "lied" the way an executor would, then weigh them.
    let rows = try CLI.run(["featurize", "--labels", "against,favor", "--hash-bits", "6", "--word-ngrams", "1", "--data", "-",
                            "--input-format", "jsonl"], stdin: "{\"text\": \"welcome\", \"label\": \"favor\"}\n{\"text\": \"lied\", \"label\": \"against\"}\n")
    let columns = rows.stdout.split(separator: "\n").map { Int($0.split(separator: " ")[1].split(separator: ":")[0])! - 1 }
    let export = """
    {"format": "stance-mllib/1", "sparkVersion": "4.3.0", "model": "LogisticRegressionModel",
     "params": {"regParam": 0.01, "elasticNetParam": 0, "standardization": false, "fitIntercept": true},
     "numClasses": 2, "numFeatures": 64, "intercepts": [0.1],
     "coefficients": [{"fill": 0, "indices": [\(columns.min()!), \(columns.max()!)],
                       "values": [\(columns[0] < columns[1] ? "3, -3" : "-3, 3")]}]}
    """
    try export.write(to: folder.appendingPathComponent("mllib.json"), atomically: true, encoding: .utf8)
    let imported = try CLI.run(["import-mllib", "mllib.json", "--spec", "features.json", "--output", "m.stance"], in: folder)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("imported Spark 4.3.0 LogisticRegressionModel: 2 classes (against, favor), 64 hashed features"))
    let predicted = try CLI.run(["predict", "--model", "m.stance", "-", "--format", "jsonl", "--no-text"], stdin: "welcome\nlied\n", in: folder)
    let labels = predicted.stdout.split(separator: "\n").map { (try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["label"] as! String }
    #expect(labels == ["favor", "against"])
    let card = try CLI.run(["inspect", "m.stance"], in: folder)
    #expect(card.stdout.contains("import-mllib (Spark 4.3.0 LogisticRegressionModel"))

    // A model with the wrong width is refused, naming the export, and no model file appears.
    try export.replacingOccurrences(of: "\"numFeatures\": 64", with: "\"numFeatures\": 128")
        .write(to: folder.appendingPathComponent("wide.json"), atomically: true, encoding: .utf8)
    let refused = try CLI.run(["import-mllib", "wide.json", "--spec", "features.json", "--output", "wide.stance"], in: folder)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("wide.json: the MLlib model has 128 features but the specification hashes into 2^6 = 64"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("wide.stance").path))
}
