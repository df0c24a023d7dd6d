import ArgumentParser
import Classifiers
import DataFiles
import Foundation
import Reports
import TextFeatures

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a model on labelled data (accuracy, macro-F1, per-class precision/recall/F1, confusion matrix), or summarise who says what across articles.",
        discussion: """
        Examples:
          stance evaluate --model model.stance --data test.jsonl --format json
          stance evaluate --data test.jsonl --report report/
          stance evaluate --articles news/ --format csv      # per-speaker and per-label counts over many articles
        """)

    @Option(name: .shortAndLong, help: ArgumentHelp("The model file (default: the bundled US–Russia stance model).", valueName: "file"))
    var model: String?

    @Option(name: .customLong("data"), help: ArgumentHelp("The labelled data file (- for standard input).", valueName: "file"))
    var dataPath: String?

    @Option(name: .customLong("articles"), parsing: .upToNextOption,
            help: ArgumentHelp("Instead of --data: news articles (files, folders, JSONL/CSV); prints per-speaker and per-label summaries of their quoted statements.", valueName: "file"))
    var articleInputs: [String] = []

    @OptionGroup var reading: ReadingOptions

    @Option(name: .long, help: "Report format: table or json (labelled data); table or csv (--articles).")
    var format: EvaluationFormat = .table

    @Option(name: .long, help: ArgumentHelp("Also write a self-contained HTML report (charts, calibration, worst mistakes with explanations) to this folder's index.html.", valueName: "folder"))
    var report: String?

    @Option(name: .long, help: "Also report this metric: accuracy, macro-f1, macro-recall, or f1-avg:LABEL,LABEL (e.g. f1-avg:against,favor, the SemEval stance score).")
    var metric: Metric?

    func validate() throws {
        if (dataPath == nil) == articleInputs.isEmpty {
            throw ValidationError("give either --data FILE (labelled data to score) or --articles FILE... (articles to summarise by speaker)")
        }
        if !articleInputs.isEmpty && (report != nil || metric != nil) {
            throw ValidationError("--report and --metric need labelled data (--data); --articles summarises predictions only")
        }
        if !articleInputs.isEmpty && format == .json {
            throw ValidationError("--articles writes a table or csv (--format table|csv)")
        }
        if articleInputs.isEmpty && format == .csv {
            throw ValidationError("--data reports as a table or json (--format table|json); csv is for --articles")
        }
    }

    func run() throws {
        let classifier = try LoadedModel(model)
        if !articleInputs.isEmpty {
            let scoring = ArticleScoring(classifier: try classifier.single(for: "--articles"), format: .jsonl, reading: reading)
            var summary = SpeakerSummary(labels: scoring.classifier.labels)
            try scoring.forEachBatch(of: articleInputs) { batch in
                for (article, statement, prediction) in scoring.scored(batch) { summary.add(article: article, statement: statement, prediction: prediction) }
            }
            print(format == .csv ? summary.csv : summary.table, terminator: "")
            return
        }
        let dataPath = self.dataPath!
        let set = try reading.read(dataPath, requireLabels: true)
        let predictions = try classifier.predict(set.records, reading: reading, file: dataPath)
        // Labels the model never saw still get a row in the report (all their examples are errors).
        let unseen = Set(set.records.compactMap(\.label)).subtracting(classifier.labels).sorted()
        if !unseen.isEmpty {
            Terminal.standardError("warning: label(s) \(unseen.joined(separator: ", ")) in \(dataPath) were not in the model's training data; every such example counts as an error")
        }
        let labels = classifier.labels + unseen
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let report = ClassificationReport(
            labels: labels, truth: set.records.map { index[$0.label!]! }, predicted: predictions.map(\.labelIndex))
        if let folder = self.report {
            try writeReport(to: folder, classifier: classifier, records: set.records, labels: labels, index: index, predictions: predictions)
        }
        var score: Double? = nil
        if let metric { score = try attempt { () throws(TrainingError) in try metric.value(report) } }
        switch format {
        case .table, .csv:  // csv is refused for --data by validate()
            if let metric, let score { print("\(metric)  \(TextTable.fixed(score, 4))") }
            print(report.text)
        case .json:
            print(JSONOutput.string(EvaluationOutput(report: report, metric: metric?.description, score: score)))
        }
    }
}

extension Evaluate {
    /// Writes `folder/index.html` (atomically). Explanations are computed for the wrong
    /// predictions the report can show (the most confident ones), not for every example.
    func writeReport(to folder: String, classifier: LoadedModel, records: [TextRecord], labels: [String],
                     index: [String: Int], predictions: [Prediction]) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create the report folder \(folder): \(error.localizedDescription)")
        }
        let extra = labels.count - classifier.labels.count
        let probabilities = predictions.map { $0.probabilities + [Double](repeating: 0, count: extra) }
        let truth = records.map { index[$0.label!]! }
        let shown = 20
        var explanations: [[(feature: String, contribution: Double)]] = Array(repeating: [], count: records.count)
        if let single = classifier.bundle.single {
            let mistakes = predictions.indices.filter { predictions[$0].labelIndex != truth[$0] }
                .sorted { predictions[$0].probabilities[predictions[$0].labelIndex] > predictions[$1].probabilities[predictions[$1].labelIndex] }
            let documents = reading.documents(Array(records))
            for i in mistakes.prefix(2 * shown) {
                let explanation = single.explain(documents[i], top: 6)
                explanations[i] = (explanation.towards[explanation.label] ?? []).map { ($0.feature, $0.contribution) }
            }
        }
        let input = EvaluationReportInput(
            title: "\(URL(fileURLWithPath: classifier.path).lastPathComponent) on \(URL(fileURLWithPath: dataPath!).lastPathComponent)",
            labels: labels, truth: truth, probabilities: probabilities, texts: records.map(\.text),
            explanations: explanations,
            metadata: [("model", classifier.path), ("data", dataPath!), ("examples", "\(records.count)"),
                       ("calibration", classifier.bundle.single?.metadata.calibration.map {
                           String(format: "temperature %.3f fitted on %d held-out folds", $0.temperature, $0.folds) } ?? "none (probabilities as the learner gives them)"),
                       ("made by", StanceVersion.current)])
        let path = URL(fileURLWithPath: folder).appendingPathComponent("index.html").path
        try attempt { () throws(ModelFileError) in try AtomicFile.write(EvaluationReport.html(input, worstMistakes: shown), to: path) }
        Terminal.standardError("report written to \(path)")
    }
}

enum EvaluationFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
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
