import ArgumentParser
import Classifiers
import DataFiles
import LinearAlgebra
import Foundation
import TextFeatures

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

    @Flag(name: .long, help: "Stream the data file instead of loading it: memory stays flat however large the corpus (needs --hash-bits; nb in one pass, or logreg with --solver adagrad; jsonl, fasttext or label-tab input).")
    var streaming = false

    @Option(name: .long, help: ArgumentHelp("--streaming: the folder for the temporary feature cache (default: $TMPDIR or /tmp).", valueName: "folder"))
    var cacheDir: String?

    func validate() throws {
        if streaming && grouping.groupField != nil {
            throw ValidationError("--group-field trains one model per group from data in memory; it cannot be combined with --streaming")
        }
        try OutputFolder.validate(output)
    }

    /// Runs a training call; problems that lie in the data (one label, no examples, nothing
    /// left to learn from) name the data file.
    private func training<T>(_ body: () throws(TrainingError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            switch error {
            case .singleClass, .noExamples, .invalidFeatures: throw CLIError("\(data.data): \(error.description)")
            default: throw CLIError(error.description)
            }
        }
    }

    func run() throws {
        let trainer = TextClassifierTrainer(features: features.configuration(for: model.classifier), parameters: model.parameters)
        try attempt { () throws(TrainingError) in try trainer.validate() }
        let progress = ProgressLine(enabled: !quiet && Terminal.standardErrorIsTerminal)
        if streaming {
            try trainStreaming(trainer, progress: progress)
            return
        }
        progress.update("reading \(data.data)")
        let set = try data.reading.read(data.data, requireLabels: true)
        let documents = data.reading.documents(set.records)
        let labels = set.records.map { $0.label! }
        progress.update("featurising \(documents.count) documents")
        if let groupField = grouping.groupField {
            let groups = try grouping.groups(set.records, file: data.data)!
            let bundle = try training { () throws(TrainingError) in
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
        let classifier = try training { () throws(TrainingError) in
            try trainer.train(documents: documents, labels: labels) { iteration, loss, gradient in
                if trainer.parameters.logisticRegression.solver == .adagrad {
                    progress.update(String(format: "adagrad epoch %d  mean loss %.6f", iteration, loss))
                } else {
                    progress.update(String(format: "L-BFGS iteration %d  loss %.6f  max|grad| %.2e", iteration, loss, gradient))
                }
            }
        }
        try finish(classifier, format: set.format.rawValue, progress: progress)
    }

    /// Streams the data file through ``StreamingTrainer``: pass 0 reads and caches, then epochs.
    private func trainStreaming(_ trainer: TextClassifierTrainer, progress: ProgressLine) throws {
        let streamer = StreamingTrainer(features: trainer.features, parameters: trainer.parameters,
                                        cacheDirectory: cacheDir ?? ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp")
        try attempt { () throws(TrainingError) in try streamer.validate() }
        var stream = try attempt { () throws(DataFileError) in
            try DataStream(path: data.data, options: data.reading.options(requireLabels: true), chunkBytes: 2 << 20, threads: Parallel.threads,
                           cutBySize: true)
        }
        let reading = data.reading
        // The next chunk is read while this one is featurised.
        let chunks = ReadAhead { () throws(DataFileError) -> [(document: Document, label: String)]? in
            guard let records = try stream.nextChunk() else { return nil }
            return reading.documents(records).enumerated().map { ($1, records[$0].label!) }
        }
        defer {
            chunks.finish()
            stream.close()
        }
        let classifier: TextClassifier
        do {
            classifier = try streamer.train({ try chunks.next() }, progress: { event in
                switch event {
                case .read(let documents, let bytes):
                    progress.update("reading \(data.data): \(documents) documents" + (bytes > 0 ? ", cache \(bytes >> 20) MB" : ""))
                case .training(let epoch, let done, let total):
                    progress.update("adagrad epoch \(epoch)/\(trainer.parameters.logisticRegression.epochs): \(done * 100 / max(total, 1))%")
                case .epochDone(let epoch, let loss):
                    progress.update(String(format: "adagrad epoch %d done, mean loss %.6f", epoch, loss))
                }
            })
        } catch let error as TrainingError {
            throw CLIError("\(data.data): \(error.description)")
        } catch let error as DataFileError {
            throw CLIError(error.description)
        }
        if !stream.skippedRows.isEmpty {
            Terminal.standardError("skipped \(stream.skippedRows.count) bad row(s) of \(data.data); the first: \(stream.skippedRows[0])")
        }
        try finish(classifier, format: stream.format.rawValue, progress: progress)
    }

    private func finish(_ classifier: TextClassifier, format: String, progress: ProgressLine) throws {
        progress.update("writing \(output)")
        try attempt { () throws(ModelFileError) in try ModelFile.write(classifier, to: output) }
        progress.finish()
        guard !quiet else { return }
        let counts = classifier.metadata.trainingData.labelCounts
        print("trained \(classifier.metadata.training.kind.rawValue) on \(classifier.metadata.trainingData.documents) documents (\(format)) in \(String(format: "%.2f", progress.elapsed)) s")
        print("labels    " + classifier.labels.map { "\($0) (\(counts[$0] ?? 0))" }.joined(separator: ", "))
        print("features  \(classifier.features.featureCount) (\(classifier.features.vocabulary == nil ? "hashed" : "vocabulary"))")
        if let fit = classifier.metadata.fit {
            if classifier.metadata.training.logisticRegression.solver == .adagrad {
                print("optimiser \(fit.stopReason), last epoch's mean loss \(String(format: "%.6f", fit.finalLoss))")
            } else {
                print("optimiser \(fit.iterations) iterations, final loss \(String(format: "%.6f", fit.finalLoss)), max|grad| \(String(format: "%.2e", fit.gradientNorm)): \(fit.stopReason)")
            }
        }
        if let scaling = classifier.metadata.calibration {
            print("calibration temperature \(String(format: "%.3f", scaling.temperature)) (\(scaling.folds)-fold held-out log-loss \(String(format: "%.4f", scaling.logLossBefore)) -> \(String(format: "%.4f", scaling.logLossAfter)))")
        }
        print("model     \(output)")
    }
}
