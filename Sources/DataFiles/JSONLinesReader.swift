/// Reads JSON Lines: one JSON object a line, with the text and the label in named fields.
///
/// Each line is parsed on its own (``JSONLineParser``), so a bad line is reported with its
/// number and can be skipped without losing the lines after it. Labels may be strings or
/// integers (`0`/`1` exports are common and mean classes, not quantities); anything else is
/// almost certainly the wrong field, so it is an error that names the type found.
enum JSONLinesReader {
    static func read(_ bytes: [UInt8], from start: Int, file: String,
                     options: DataReaderOptions) throws(DataFileError) -> DataSet {
        let context = RowContext(file: file, options: options)
        var collector = RecordCollector(context)
        for line in ByteLines(bytes, from: start) where !bytes.isBlank(line.range) {
            try collector.add(record(line, bytes, context))
        }
        return try collector.finish(format: .jsonl)
    }

    static func record(_ line: ByteLine, _ bytes: [UInt8],
                               _ context: RowContext) -> Result<TextRecord, DataFileError> {
        let options = context.options
        let textField = options.textField, labelField = options.labelField
        if let nul = bytes.firstIndex(of: ASCII.nul, in: line.range) {
            return .failure(.nulByte(file: context.file, line: line.number, offset: context.byteOffset + nul))
        }

        let parsed: JSONLine
        do throws(JSONSyntaxError) {
            parsed = try JSONLineParser.parse(bytes, line.range)
        } catch {
            return .failure(context.error(
                line: line.number, "is not valid JSON: \(error.reason) at column \(error.column)",
                hint: "each line must be one complete JSON object, like {\"\(textField)\": \"…\", \"\(labelField)\": \"…\"}"))
        }
        guard case .object(let members) = parsed else {
            guard case .other(let value) = parsed, value == .array else {
                return .failure(context.error(
                    line: line.number, "holds \(kind(of: parsed)), not a JSON object",
                    hint: "each line must be one JSON object, like {\"\(textField)\": \"…\", \"\(labelField)\": \"…\"}"))
            }
            return .failure(context.error(
                line: line.number, "holds an array, not a JSON object",
                hint: "JSON Lines needs one object a line; a file holding one JSON array converts with: jq -c '.[]'"))
        }

        guard let textValue = members[textField] else {
            let names = members.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            let has = names.isEmpty ? "this object has no fields" : "this object has the fields \(names)"
            return .failure(context.error(
                line: line.number, "the text field \"\(textField)\" is missing",
                hint: "use --text-field to name the field that holds the text; \(has)"))
        }
        guard case .string(let text) = textValue else {
            return .failure(context.error(
                line: line.number, "the text field \"\(textField)\" is \(textValue.kindDescription), not a string",
                hint: "use --text-field to name the field that holds the text"))
        }

        let rawLabel: String?
        switch members[labelField] {
        case nil:
            rawLabel = nil
        case .string(let value)?, .integer(let value)?:
            rawLabel = value
        case .null? where !options.requireLabels:
            rawLabel = nil  // an unlabelled row in prediction input
        case let other?:
            return .failure(context.error(
                line: line.number, "the label field \"\(labelField)\" is \(other.kindDescription), not a string or an integer",
                hint: "labels must be strings such as \"positive\" or integers such as 1; use --label-field to choose another field"))
        }
        let missing = members[labelField] == nil
        let label: String?
        switch context.label(
            rawLabel, line: line.number,
            problem: missing ? "the label field \"\(labelField)\" is missing" : "the label field \"\(labelField)\" is empty",
            hint: missing ? "use --label-field to name the field that holds the label"
                          : "training and evaluation need a label on every record") {
        case .success(let value): label = value
        case .failure(let error): return .failure(error)
        }

        var fields: [String: String] = [:]
        for (name, value) in members where name != textField && name != labelField {
            switch value {
            case .string(let scalar), .integer(let scalar), .fraction(let scalar): fields[name] = scalar
            case .bool, .null, .array, .object: break
            }
        }
        return .success(TextRecord(text: text, label: label, line: line.number, fields: fields))
    }

    private static func kind(of line: JSONLine) -> String {
        switch line {
        case .object: return "an object"
        case .other(let value): return value.kindDescription
        }
    }
}
