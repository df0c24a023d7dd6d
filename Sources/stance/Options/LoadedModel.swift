import Classifiers
import DataFiles
import TextFeatures

/// Loads the model named by --model (or the bundled one) and scores records with it, routing
/// each record to its group's sub-model when the model was trained with --group-field.
struct LoadedModel {
    let bundle: ModelBundle
    let path: String

    init(_ model: String?) throws {
        path = try model ?? DefaultModel.path()
        let path = self.path
        bundle = try attempt { () throws(ModelFileError) in try ModelFile.readBundle(from: path) }
    }

    var labels: [String] { bundle.labels }

    /// `file` names the input in error messages.
    func predict(_ records: [TextRecord], reading: ReadingOptions, file: String) throws -> [Prediction] {
        let documents = reading.documents(records)
        let groups = bundle.groupField.map { field in records.map { $0.fields[field] } } ?? records.map { _ in nil }
        do {
            return try bundle.predict(documents, groups: groups)
        } catch {
            // Name the input line, not the record's position.
            if case .unknownGroup(_, _, _, let i) = error {
                throw CLIError("\(file):\(records[i].line): " + error.description.drop(while: { $0 != ":" }).dropFirst(2))
            }
            throw CLIError(error.description)
        }
    }

    /// The single classifier, for uses that have no group to route by.
    func single(for use: String) throws -> TextClassifier {
        guard let classifier = bundle.single else {
            throw CLIError("\(path) holds one model per \(bundle.groupField!) (\(bundle.groups.joined(separator: ", "))); \(use) needs a model trained without --group-field")
        }
        return classifier
    }
}
