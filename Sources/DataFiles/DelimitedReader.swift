/// Reads CSV and TSV files: a header row naming the columns, then one record a row.
///
/// The header is what makes these formats friendly (`--text-field review` just works) and
/// also what most often goes wrong, so header problems are reported with the columns the file
/// really has. Columns other than the text and label ones are kept in ``TextRecord/fields``.
enum DelimitedReader {
    static func read(_ bytes: [UInt8], from start: Int, file: String, format: DataFormat,
                     options: DataReaderOptions) throws(DataFileError) -> DataSet {
        let delimiter = format == .tsv ? ASCII.tab : ASCII.comma
        var parser = DelimitedParser(bytes, from: start, delimiter: delimiter, file: file)
        guard let header = try parser.nextRow() else { throw DataFileError.empty(file: file, format: format) }
        if let nul = header.nulOffset { throw DataFileError.nulByte(file: file, line: header.line, offset: nul) }
        let layout = try Layout(header: header, format: format, file: file, options: options)

        let context = RowContext(file: file, options: options)
        var collector = RecordCollector(context)
        var rowCount = 0
        while let row = try parser.nextRow() {
            rowCount += 1
            try collector.add(record(row, layout, context))
        }
        guard rowCount > 0 else {
            throw DataFileError(file: file, problem: "has a header but no records",
                                hint: "add one record a row below the header (\(layout.columnList))")
        }
        return try collector.finish(format: format)
    }

    /// Where the text and label are, found once from the header.
    private struct Layout {
        let columns: [String]
        let textIndex: Int
        let labelIndex: Int?
        let delimiterName: String
        var columnList: String { columns.map { "\"\($0)\"" }.joined(separator: ", ") }

        init(header: DelimitedRow, format: DataFormat, file: String,
             options: DataReaderOptions) throws(DataFileError) {
            columns = header.fields
            delimiterName = format == .tsv ? "tabs" : "commas"
            let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let formatHint = Self.wrongDelimiterHint(columns: columns, format: format)
            guard let text = Self.index(of: options.textField, in: columns) else {
                throw DataFileError(
                    file: file, line: header.line,
                    problem: "the header has no text column \"\(options.textField)\"; its columns are \(list)",
                    hint: formatHint ?? "use --text-field to name the column that holds the text")
            }
            textIndex = text
            labelIndex = Self.index(of: options.labelField, in: columns)
            if labelIndex == nil && options.requireLabels {
                throw DataFileError(
                    file: file, line: header.line,
                    problem: "the header has no label column \"\(options.labelField)\"; its columns are \(list)",
                    hint: formatHint ?? "use --label-field to name the column that holds the label")
            }
        }

        /// The column called `name`; failing an exact match, one equal after trimming spaces,
        /// since `text, label` headers typed by hand are common.
        static func index(of name: String, in columns: [String]) -> Int? {
            columns.firstIndex(of: name) ?? columns.firstIndex(where: { trimWhitespace($0) == name })
        }

        /// A hint when a one-column header holds the other delimiter: a TSV read as CSV or
        /// the reverse.
        static func wrongDelimiterHint(columns: [String], format: DataFormat) -> String? {
            guard columns.count == 1, let only = columns.first else { return nil }
            if format == .csv && only.contains("\t") { return "the header has tabs, not commas; use --input-format tsv" }
            if format == .tsv && only.contains(",") { return "the header has commas, not tabs; use --input-format csv" }
            return nil
        }
    }

    private static func record(_ row: DelimitedRow, _ layout: Layout,
                               _ context: RowContext) -> Result<TextRecord, DataFileError> {
        if let nul = row.nulOffset {
            return .failure(.nulByte(file: context.file, line: row.line, offset: context.byteOffset + nul))
        }
        guard row.fields.count == layout.columns.count else {
            return .failure(context.error(
                line: row.line,
                "has \(count(row.fields.count, "field")) but the header has \(count(layout.columns.count, "column"))",
                hint: "quote fields that contain \(layout.delimiterName) or line breaks, and write a quote inside a field as two (\"\")"))
        }
        let label: String?
        switch context.label(
            layout.labelIndex.map { row.fields[$0] }, line: row.line,
            problem: "has no label: its \"\(context.options.labelField)\" column is empty",
            hint: "training and evaluation need a label on every record") {
        case .success(let value): label = value
        case .failure(let error): return .failure(error)
        }
        var fields: [String: String] = [:]
        for (index, name) in layout.columns.enumerated() {
            guard index != layout.textIndex, index != layout.labelIndex, !name.isEmpty, fields[name] == nil else { continue }
            fields[name] = row.fields[index]
        }
        return .success(TextRecord(text: row.fields[layout.textIndex], label: label, line: row.line, fields: fields))
    }

    /// "1 field", "3 fields".
    private static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }
}
