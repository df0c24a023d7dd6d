import ArgumentParser
import Classifiers
import DataFiles

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a model on labelled data: accuracy, macro-F1, per-class precision/recall/F1, confusion matrix.",
        discussion: "Example: stance evaluate --model model.stance --data test.jsonl --format json")

    @Option(name: .shortAndLong, help: ArgumentHelp("The model file (default: the bundled US–Russia stance model).", valueName: "file"))
    var model: String?

    @OptionGroup var data: DataOptions

    @Option(name: .long, help: "Report format: table or json.")
    var format: ReportFormat = .table

    @Option(name: .long, help: "Also report this metric: accuracy, macro-f1, macro-recall, or f1-avg:LABEL,LABEL (e.g. f1-avg:against,favor, the SemEval stance score).")
    var metric: Metric?

    func run() throws {
        let classifier = try LoadedModel(model)
        let set = try data.reading.read(data.data, requireLabels: true)
        let predictions = try classifier.predict(set.records, reading: data.reading, file: data.data)
        // Labels the model never saw still get a row in the report (all their examples are errors).
        let unseen = Set(set.records.compactMap(\.label)).subtracting(classifier.labels).sorted()
        if !unseen.isEmpty {
            Terminal.standardError("warning: label(s) \(unseen.joined(separator: ", ")) in \(data.data) were not in the model's training data; every such example counts as an error")
        }
        let labels = classifier.labels + unseen
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let report = ClassificationReport(
            labels: labels, truth: set.records.map { index[$0.label!]! }, predicted: predictions.map(\.labelIndex))
        var score: Double? = nil
        if let metric { score = try attempt { () throws(TrainingError) in try metric.value(report) } }
        switch format {
        case .table:
            if let metric, let score { print("\(metric)  \(TextTable.fixed(score, 4))") }
            print(report.text)
        case .json:
            print(JSONOutput.string(EvaluationOutput(report: report, metric: metric?.description, score: score)))
        }
    }
}

/// The JSON form of an evaluation: the report's fields, plus the chosen metric when one was asked for.
struct EvaluationOutput: Encodable {
    let report: ClassificationReport
    let metric: String?
    let score: Double?

    func encode(to encoder: Encoder) throws {
        try report.encode(to: encoder)
        enum Keys: String, CodingKey { case metric, score }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(metric, forKey: .metric)
        try c.encodeIfPresent(score, forKey: .score)
    }
}

extension Metric: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
