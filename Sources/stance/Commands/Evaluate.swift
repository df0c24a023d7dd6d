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

    func run() throws {
        let modelPath = try model ?? DefaultModel.path()
        let classifier = try attempt { () throws(ModelFileError) in try ModelFile.read(from: modelPath) }
        let set = try data.reading.read(data.data, requireLabels: true)
        let predictions = classifier.predict(data.reading.documents(set.records))
        // Labels the model never saw still get a row in the report (all their examples are errors).
        let unseen = Set(set.records.compactMap(\.label)).subtracting(classifier.labels).sorted()
        if !unseen.isEmpty {
            Terminal.standardError("warning: label(s) \(unseen.joined(separator: ", ")) in \(data.data) were not in the model's training data; every such example counts as an error")
        }
        let labels = classifier.labels + unseen
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let report = ClassificationReport(
            labels: labels, truth: set.records.map { index[$0.label!]! }, predicted: predictions.map(\.labelIndex))
        switch format {
        case .table: print(report.text)
        case .json: print(JSONOutput.string(report))
        }
    }
}
