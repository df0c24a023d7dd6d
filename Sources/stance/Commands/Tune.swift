import ArgumentParser
import Classifiers
import Foundation
import TextFeatures

struct Tune: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find good settings by cross-validated search, then train and write the best model.",
        discussion: """
        Tries each learner's defaults first, then random settings (learner, C or alpha, word and
        character n-gram ranges, min-df, weighting), scoring each by K-fold cross-validation, until
        the budget runs out. Writes the best model (trained on all the data) and a report of every
        trial; prints a table and the flags that reproduce the winner with `stance train`.
        Example: stance tune --data train.jsonl --metric macro-f1 --trials 40 --output best.stance
        """)

    @OptionGroup var data: DataOptions
    @OptionGroup var grouping: GroupOption

    @Option(name: .shortAndLong, help: "Folds of cross-validation per trial.")
    var folds = 5

    @Option(name: .long, help: "The metric to maximise: accuracy, macro-f1, macro-recall, f1-avg:LABEL,LABEL.")
    var metric: Metric = .macroF1

    @Option(name: .long, help: "Budget: the most trials.")
    var trials = 30

    @Option(name: .long, help: "Budget: stop starting new trials after this many seconds.")
    var seconds: Double?

    @Option(name: .long, help: "Learners to try (comma-separated).")
    var classifiers = "logreg,nblr,nb,complement-nb"

    @Option(name: .long, help: "Seed for folds and the random search.")
    var seed: UInt64 = 42

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the best model.", valueName: "file"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("Where to write the report of every trial (JSON). Default: OUTPUT.tune.json.", valueName: "file"))
    var report: String?

    func validate() throws {
        guard folds >= 2 else { throw ValidationError("--folds must be at least 2, got \(folds)") }
        guard trials >= 1 else { throw ValidationError("--trials must be at least 1, got \(trials)") }
        for name in classifiers.split(separator: ",") where ClassifierKind(rawValue: String(name)) == nil {
            throw ValidationError("--classifiers: unknown learner '\(name)'; choose from \(ClassifierKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let set = try data.reading.read(data.data, requireLabels: true)
        let documents = data.reading.documents(set.records)
        let labels = set.records.map { $0.label! }
        let groups = try grouping.groups(set.records, file: data.data)
        var search = HyperparameterSearch()
        search.folds = folds
        search.seed = seed
        search.metric = metric
        search.maxTrials = trials
        search.maxSeconds = seconds
        search.space.kinds = classifiers.split(separator: ",").compactMap { ClassifierKind(rawValue: String($0)) }
        let progress = ProgressLine()
        var best = -Double.infinity
        let results = try attempt { () throws(TrainingError) in
            try search.run(documents: documents, labels: labels, groups: groups) { trial in
                best = max(best, trial.score)
                progress.update("trial \(trial.number)/\(trials): \(metric) \(TextTable.fixed(trial.score, 4)) (best \(TextTable.fixed(best, 4)))")
            }
        }
        progress.finish()
        let ranked = results.sorted { $0.score != $1.score ? $0.score > $1.score : $0.number < $1.number }
        print(TextTable.render(
            header: ["rank", "trial", metric.description, "± fold", "accuracy", "seconds", "settings"],
            rows: ranked.enumerated().map { ["\($0 + 1)", "\($1.number)", TextTable.fixed($1.score, 4), TextTable.fixed($1.std, 4),
                                             TextTable.percent($1.accuracy), String(format: "%.1f", $1.seconds), $1.settings] },
            rightAligned: [0, 1, 2, 3, 4, 5]))
        let winner = ranked[0]
        let trainer = TextClassifierTrainer(features: winner.features, parameters: winner.parameters)
        if let groupField = grouping.groupField, let groups {
            let bundle = try attempt { () throws(TrainingError) in
                try trainer.trainGrouped(documents: documents, labels: labels, groups: groups, groupField: groupField)
            }
            try attempt { () throws(ModelFileError) in try ModelFile.write(bundle, to: output) }
        } else {
            let classifier = try attempt { () throws(TrainingError) in try trainer.train(documents: documents, labels: labels) }
            try attempt { () throws(ModelFileError) in try ModelFile.write(classifier, to: output) }
        }
        let reportPath = report ?? output + ".tune.json"
        try attempt { () throws(ModelFileError) in
            try AtomicFile.write(JSONOutput.string(TuneReport(metric: metric.description, folds: folds, seed: seed, trials: ranked)) + "\n", to: reportPath)
        }
        print("")
        print("best: \(metric) \(TextTable.fixed(winner.score, 4)) (\(folds)-fold CV, pooled) with \(winner.settings)")
        print("model   \(output) (trained on all \(documents.count) documents)")
        print("report  \(reportPath)")
    }
}

struct TuneReport: Encodable {
    let metric: String
    let folds: Int
    let seed: UInt64
    let trials: [HyperparameterSearch.Trial]
}
