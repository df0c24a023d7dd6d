// The headerless line formats: `label<TAB>text`, fastText `__label__` lines, and plain lines.
//
// All three take one record a physical line, skip blank lines, and trim ASCII whitespace
// around the text and the label: in these formats trailing spaces are an accident of editing,
// never data. A NUL byte makes the line a bad row.

/// `label<TAB>text`, split at the first tab, so the text may itself hold tabs.
enum LabelTabReader {
    static func read(_ bytes: [UInt8], from start: Int, file: String,
                     options: DataReaderOptions) throws(DataFileError) -> DataSet {
        let context = RowContext(file: file, options: options)
        var collector = RecordCollector(context)
        for line in ByteLines(bytes, from: start) where !bytes.isBlank(line.range) {
            try collector.add(record(line, bytes, context))
        }
        return try collector.finish(format: .labelTab)
    }

    static func record(_ line: ByteLine, _ bytes: [UInt8],
                               _ context: RowContext) -> Result<TextRecord, DataFileError> {
        if let nul = bytes.firstIndex(of: ASCII.nul, in: line.range) {
            return .failure(.nulByte(file: context.file, line: line.number, offset: context.byteOffset + nul))
        }
        guard let tab = bytes.firstIndex(of: ASCII.tab, in: line.range) else {
            return .failure(context.error(
                line: line.number, "has no tab between the label and the text",
                hint: "expected label<TAB>text; use --input-format to choose another format"))
        }
        let text = bytes.string(bytes.trimmed((tab + 1)..<line.range.upperBound))
        switch context.label(bytes.string(line.range.lowerBound..<tab), line: line.number,
                               problem: "has an empty label before the tab",
                               hint: "expected label<TAB>text with a label on every line") {
        case .success(let label):
            return .success(TextRecord(text: text, label: label, line: line.number))
        case .failure(let error):
            return .failure(error)
        }
    }
}

/// fastText's format: `__label__pos __label__funny the text`. The first label is the record's
/// label (stance trains single-label classifiers); when there are several, all of them are
/// kept, space-separated, in `fields["labels"]` so nothing is silently lost.
enum FastTextReader {
    static var prefix: StaticString { "__label__" }

    static func read(_ bytes: [UInt8], from start: Int, file: String,
                     options: DataReaderOptions) throws(DataFileError) -> DataSet {
        let context = RowContext(file: file, options: options)
        var collector = RecordCollector(context)
        for line in ByteLines(bytes, from: start) where !bytes.isBlank(line.range) {
            try collector.add(record(line, bytes, context))
        }
        return try collector.finish(format: .fasttext)
    }

    static func record(_ line: ByteLine, _ bytes: [UInt8],
                               _ context: RowContext) -> Result<TextRecord, DataFileError> {
        if let nul = bytes.firstIndex(of: ASCII.nul, in: line.range) {
            return .failure(.nulByte(file: context.file, line: line.number, offset: context.byteOffset + nul))
        }
        let end = line.range.upperBound
        let prefixLength = prefix.utf8CodeUnitCount
        var index = line.range.lowerBound
        var labels: [String] = []
        while true {
            while index < end && ASCII.isWhitespace(bytes[index]) { index += 1 }
            guard bytes.hasPrefix(prefix, in: index..<end) else { break }
            var tokenEnd = index + prefixLength
            while tokenEnd < end && !ASCII.isWhitespace(bytes[tokenEnd]) { tokenEnd += 1 }
            guard tokenEnd > index + prefixLength else {
                return .failure(context.error(
                    line: line.number, "has \"__label__\" with no label name after it",
                    hint: "write the label right after the prefix, e.g. __label__positive"))
            }
            labels.append(bytes.string((index + prefixLength)..<tokenEnd))
            index = tokenEnd
        }
        let text = bytes.string(bytes.trimmed(index..<end))
        switch context.label(labels.first, line: line.number,
                               problem: "has no label: fastText lines start with __label__<label>",
                               hint: "use --input-format to choose another format") {
        case .success(let label):
            let fields: [String: String] = labels.count > 1 ? ["labels": labels.joined(separator: " ")] : [:]
            return .success(TextRecord(text: text, label: label, line: line.number, fields: fields))
        case .failure(let error):
            return .failure(error)
        }
    }
}

/// One text a line, no labels: prediction input, or a corpus to featurize.
enum PlainLinesReader {
    static func read(_ bytes: [UInt8], from start: Int, file: String,
                     options: DataReaderOptions) throws(DataFileError) -> DataSet {
        let context = RowContext(file: file, options: options)
        var collector = RecordCollector(context)
        for line in ByteLines(bytes, from: start) where !bytes.isBlank(line.range) {
            try collector.add(record(line, bytes, context))
        }
        return try collector.finish(format: .lines)
    }

    static func record(_ line: ByteLine, _ bytes: [UInt8], _ context: RowContext) -> Result<TextRecord, DataFileError> {
        if let nul = bytes.firstIndex(of: ASCII.nul, in: line.range) {
            return .failure(.nulByte(file: context.file, line: line.number, offset: context.byteOffset + nul))
        }
        return .success(TextRecord(text: bytes.string(bytes.trimmed(line.range)), label: nil, line: line.number))
    }
}
