import ArgumentParser
import Classifiers
import Foundation

struct CrossValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cv",
        abstract: "Stratified K-fold cross-validation: mean and standard deviation of accuracy and macro-F1.",
        discussion: "Example: stance cv --folds 10 --data mr.tsv --classifier nb")

    @OptionGroup var data: DataOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var features: FeatureOptions
    @OptionGroup var grouping: GroupOption

    @Option(name: .shortAndLong, help: "Number of folds.")
    var folds = 10

    @Option(name: .long, help: "Seed for the fold assignment (same seed, same folds).")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Report format: table or json.")
    var format: ReportFormat = .table

    @Option(name: .long, help: "The metric to report besides accuracy and macro-F1: accuracy, macro-f1, macro-recall, or f1-avg:LABEL,LABEL (e.g. f1-avg:against,favor).")
    var metric: Metric = .accuracy

    func validate() throws {
        guard folds >= 2 else { throw ValidationError("--folds must be at least 2, got \(folds)") }
    }

    func run() throws {
        let trainer = TextClassifierTrainer(features: features.configuration(for: model.classifier), parameters: model.parameters)
        try attempt { () throws(TrainingError) in try trainer.validate() }
        let set = try data.reading.read(data.data, requireLabels: true)
        let progress = ProgressLine()
        progress.update("featurising \(set.records.count) documents")
        let cv = CrossValidation(trainer: trainer, folds: folds, seed: seed, metric: metric)
        let groups = try grouping.groups(set.records, file: data.data)
        let report = try attempt { () throws(TrainingError) in
            try cv.run(documents: data.reading.documents(set.records), labels: set.records.map { $0.label! }, groups: groups) { fold in
                progress.update("fold \(fold.fold)/\(folds): accuracy \(TextTable.percent(fold.accuracy))")
            }
        }
        progress.finish()
        switch format {
        case .json:
            print(JSONOutput.string(report))
        case .table:
            print(TextTable.render(
                header: ["fold", "train", "test", "accuracy", "macro-F1", metric.description],
                rows: report.folds.map { ["\($0.fold)", "\($0.trainSize)", "\($0.testSize)", TextTable.percent($0.accuracy), TextTable.fixed($0.macroF1, 4), TextTable.fixed($0.score, 4)] },
                rightAligned: [0, 1, 2, 3, 4, 5]))
            print("")
            print("\(folds)-fold cross-validation of \(model.classifier.rawValue) on \(set.records.count) documents (seed \(seed)), \(String(format: "%.1f", report.seconds)) s")
            print("accuracy  \(TextTable.percent(report.meanAccuracy)) ± \(TextTable.percent(report.stdAccuracy))")
            print("macro-F1  \(TextTable.fixed(report.meanMacroF1, 4)) ± \(TextTable.fixed(report.stdMacroF1, 4))")
            print("\(metric)  \(TextTable.fixed(report.meanScore, 4)) ± \(TextTable.fixed(report.stdScore, 4)) per fold; \(TextTable.fixed(report.pooledScore, 4)) over all folds' predictions pooled")
        }
    }
}
