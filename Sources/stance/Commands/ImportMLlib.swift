import ArgumentParser
import Classifiers
import Foundation

struct ImportMLlib: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-mllib",
        abstract: "Turn a Spark MLlib model trained on `stance featurize` rows into a stance model file.",
        discussion: """
        MLlib saves models as Parquet folders; examples/spark/export_mllib.py turns one into the
        JSON this command reads (LogisticRegressionModel, or multinomial NaiveBayesModel).
        Example:
          python3 examples/spark/export_mllib.py mllib-model/ mllib-model.json
          stance import-mllib mllib-model.json --spec features.json --output model.stance
        """)

    @Argument(help: ArgumentHelp("The model exported by examples/spark/export_mllib.py.", valueName: "export"))
    var export: String

    @Option(name: .long, help: ArgumentHelp("The feature specification the training rows were made with (stance featurize --spec).", valueName: "file"))
    var spec: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the model (written atomically).", valueName: "file"))
    var output: String

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        try OutputFolder.validate(output)
    }

    func run() throws {
        let (spec, export) = (self.spec, self.export)
        let specification = try attempt { () throws(InterchangeError) in try FeatureSpecification.read(from: spec) }
        let mllib = try attempt { () throws(InterchangeError) in try MLlibModel.read(from: export) }
        let classifier: TextClassifier
        do {
            classifier = try mllib.classifier(specification)
        } catch {
            throw CLIError("\(export): \(error.description)")
        }
        try attempt { () throws(ModelFileError) in try ModelFile.write(classifier, to: output) }
        guard !quiet else { return }
        print("imported Spark \(mllib.sparkVersion) \(mllib.model.rawValue): \(mllib.numClasses) classes (\(specification.labels.joined(separator: ", "))), \(mllib.numFeatures) hashed features")
        print("model     \(output)")
    }
}
