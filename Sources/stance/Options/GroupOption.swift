import ArgumentParser
import DataFiles

/// `--group-field`: train one sub-model per value of a field (e.g. SemEval's `target`).
struct GroupOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Train one sub-model per value of this field (e.g. target) in one model file; inputs are routed by it.", valueName: "field"))
    var groupField: String?

    /// Each record's group, or an error naming the first record without one.
    func groups(_ records: [TextRecord], file: String) throws -> [String]? {
        guard let groupField else { return nil }
        return try records.map { record in
            guard let value = record.fields[groupField], !value.isEmpty else {
                throw CLIError("\(file):\(record.line): the group field \"\(groupField)\" is missing or empty (every record needs one with --group-field)")
            }
            return value
        }
    }
}
