import ArgumentParser
import Classifiers
import DataFiles
import Foundation

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a classifier on a labelled data file and write it to a model file.",
        discussion: "Example: stance train --data train.jsonl --classifier logreg --output model.stance")

    @OptionGroup var data: DataOptions
    @OptionGroup var model: ModelOptions
    @OptionGroup var features: FeatureOptions
    @OptionGroup var grouping: GroupOption

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the model (written atomically).", valueName: "file"))
    var output: String

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("the output folder \(folder) does not exist; create it or choose another --output")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw ValidationError("the output folder \(folder) is not writable; choose another --output")
        }
    }

    func run() throws {
        let trainer = TextClassifierTrainer(features: features.configuration(for: model.classifier), parameters: model.parameters)
        try attempt { () throws(TrainingError) in try trainer.validate() }
        let progress = ProgressLine(enabled: !quiet && Terminal.standardErrorIsTerminal)
        progress.update("reading \(data.data)")
        let set = try data.reading.read(data.data, requireLabels: true)
        let documents = data.reading.documents(set.records)
        let labels = set.records.map { $0.label! }
        progress.update("featurising \(documents.count) documents")
        if let groupField = grouping.groupField {
            let groups = try grouping.groups(set.records, file: data.data)!
            let bundle = try attempt { () throws(TrainingError) in
                try trainer.trainGrouped(documents: documents, labels: labels, groups: groups, groupField: groupField) { group in
                    progress.update("training the \(groupField) \"\(group)\" sub-model")
                }
            }
            progress.update("writing \(output)")
            try attempt { () throws(ModelFileError) in try ModelFile.write(bundle, to: output) }
            progress.finish()
            guard !quiet else { return }
            print("trained \(bundle.members.count) \(trainer.parameters.kind.rawValue) sub-models (one per \(groupField)) on \(documents.count) documents in \(String(format: "%.2f", progress.elapsed)) s")
            for (group, member) in zip(bundle.groups, bundle.members) {
                print("  \(group): \(member.metadata.trainingData.documents) documents, labels \(member.labels.joined(separator: ", ")), \(member.features.featureCount) features")
            }
            print("model     \(output)")
            return
        }
        let classifier = try attempt { () throws(TrainingError) in
            try trainer.train(documents: documents, labels: labels) { iteration, loss, gradient in
                progress.update(String(format: "L-BFGS iteration %d  loss %.6f  max|grad| %.2e", iteration, loss, gradient))
            }
        }
        progress.update("writing \(output)")
        try attempt { () throws(ModelFileError) in try ModelFile.write(classifier, to: output) }
        progress.finish()
        guard !quiet else { return }
        let counts = classifier.metadata.trainingData.labelCounts
        print("trained \(classifier.metadata.training.kind.rawValue) on \(documents.count) documents (\(set.format.rawValue)) in \(String(format: "%.2f", progress.elapsed)) s")
        print("labels    " + classifier.labels.map { "\($0) (\(counts[$0] ?? 0))" }.joined(separator: ", "))
        print("features  \(classifier.features.featureCount) (\(classifier.features.vocabulary == nil ? "hashed" : "vocabulary"))")
        if let fit = classifier.metadata.fit {
            print("optimiser \(fit.iterations) iterations, final loss \(String(format: "%.6f", fit.finalLoss)), max|grad| \(String(format: "%.2e", fit.gradientNorm)): \(fit.stopReason)")
        }
        print("model     \(output)")
    }
}
