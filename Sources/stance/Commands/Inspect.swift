import ArgumentParser
import Classifiers
import Foundation
import TextFeatures

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a model's card: kind, labels, features, training data and parameters, and its strongest features.",
        discussion: "Example: stance inspect Models/us-russia-stance.stance")

    @Argument(help: ArgumentHelp("The model file (default: the bundled model).", valueName: "model"))
    var model: String?

    @Option(name: .long, help: "Strongest features to list per label and direction.")
    var top = 10

    @Option(name: .long, help: "Report format: table or json.")
    var format: ReportFormat = .table

    func run() throws {
        let loaded = try LoadedModel(model)
        let size = (try? FileManager.default.attributesOfItem(atPath: loaded.path)[.size] as? Int) ?? 0
        switch format {
        case .json:
            print(JSONOutput.string(ModelCard(path: loaded.path, bytes: size, bundle: loaded.bundle, top: top)))
        case .table:
            print("model     \(loaded.path) (\(String(format: "%.1f", Double(size) / 1_048_576)) MB)")
            if let field = loaded.bundle.groupField { print("groups    one sub-model per \(field): \(loaded.bundle.groups.joined(separator: ", "))") }
            for (group, classifier) in zip(loaded.bundle.groups, loaded.bundle.members) {
                if loaded.bundle.groupField != nil { print("\n== \(group)") }
                print(card(classifier))
            }
        }
    }

    func card(_ c: TextClassifier) -> String {
        let m = c.metadata
        let f = c.features.configuration
        let nonzero = c.model.weights.values.filter { $0 != 0 }.count
        var lines = [
            "kind      \(m.training.kind.rawValue), made by \(m.createdBy)",
            "labels    " + c.labels.map { "\($0) (\(m.trainingData.labelCounts[$0] ?? 0))" }.joined(separator: ", "),
            "data      \(m.trainingData.documents) documents, \(m.trainingData.hash)",
            "features  \(c.features.featureCount) \(c.features.vocabulary == nil ? "hashed buckets (2^\(f.hashBits!), \(FeatureHashing.name))" : "vocabulary terms"), \(nonzero) non-zero weights",
            "          words \(f.ngrams.words?.description ?? "off"), chars \(f.ngrams.characters?.description ?? "off"), context \(f.contextNGrams?.description ?? "off"), \(f.weighting.rawValue)\(f.sublinearTF ? " (sublinear tf)" : ""), norm \(f.normalization.rawValue), min-df \(f.minDocumentFrequency)",
            "training  " + HyperparameterSearch.describe(m.training, f),
        ]
        if let fit = m.fit {
            lines.append("fit       \(fit.iterations) iterations, final loss \(String(format: "%.6f", fit.finalLoss)): \(fit.stopReason)")
        }
        if let scaling = m.calibration {
            lines.append("calibration temperature \(String(format: "%.3f", scaling.temperature)), \(scaling.folds)-fold held-out log-loss \(String(format: "%.4f", scaling.logLossBefore)) -> \(String(format: "%.4f", scaling.logLossAfter))")
        }
        for (label, features) in c.topFeatures(top).sorted(by: { $0.key < $1.key }) {
            lines.append("\(label):")
            lines.append("  towards: " + features.positive.map { "\($0.0) \(String(format: "%+.3f", $0.1))" }.joined(separator: ", "))
            lines.append("  against: " + features.negative.map { "\($0.0) \(String(format: "%+.3f", $0.1))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}

/// The JSON form of `stance inspect`.
struct ModelCard: Encodable {
    struct Member: Encodable {
        let group: String?
        let kind: String
        let createdBy: String
        let labels: [String]
        let features: FeatureConfiguration
        let featureCount: Int
        let nonzeroWeights: Int
        let training: TrainingParameters
        let trainingData: DataFingerprint
        let fit: LogisticRegression.FitReport?
        let topFeatures: [String: [String: [String: Double]]]
    }
    let path: String
    let bytes: Int
    let groupField: String?
    let members: [Member]

    init(path: String, bytes: Int, bundle: ModelBundle, top: Int) {
        self.path = path
        self.bytes = bytes
        groupField = bundle.groupField
        members = zip(bundle.groups, bundle.members).map { group, c in
            Member(group: bundle.groupField == nil ? nil : group, kind: c.metadata.training.kind.rawValue, createdBy: c.metadata.createdBy,
                   labels: c.labels, features: c.features.configuration, featureCount: c.features.featureCount,
                   nonzeroWeights: c.model.weights.values.filter { $0 != 0 }.count, training: c.metadata.training,
                   trainingData: c.metadata.trainingData, fit: c.metadata.fit,
                   topFeatures: c.topFeatures(top).mapValues { ["towards": Dictionary($0.positive, uniquingKeysWith: { a, _ in a }),
                                                                 "against": Dictionary($0.negative, uniquingKeysWith: { a, _ in a })] })
        }
    }
}
