import Foundation

/// Reads a labelled corpus a chunk of lines at a time, for data that does not fit in memory.
///
/// ``DataReader`` holds the whole file; this holds one chunk (a few megabytes of whole lines)
/// and hands out its records in order, so memory stays flat however long the file is. Each line
/// goes through the same row parser as ``DataReader`` uses, so records, messages (file and
/// line) and the bad-row policy are identical. It covers the one-record-a-line formats: JSON
/// Lines, fastText and label-tab; a CSV or TSV record may span lines, so those are refused with
/// a hint to convert.
///
///     var stream = try DataStream(path: "big.jsonl", options: DataReaderOptions(requireLabels: true))
///     while let chunk = try stream.nextChunk() { … chunk.records … }
public struct DataStream {
    public let name: String
    public let format: DataFormat
    private let handle: FileHandle
    private let context: RowContext
    private let chunkBytes: Int
    /// Bytes read but not yet parsed: the start of a line whose end is in a later read.
    private var pending: [UInt8] = []
    private var atEnd = false
    private var nextLineNumber = 1
    public private(set) var recordCount = 0
    public private(set) var skippedRows: [DataFileError] = []

    public static let streamableFormats: [DataFormat] = [.jsonl, .fasttext, .labelTab]

    /// Opens `path` (not standard input: the trainer reads the data more than once only through
    /// its own cache, but the format must be known from the start).
    public init(path: String, options: DataReaderOptions, chunkBytes: Int = 4 << 20) throws(DataFileError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw DataFileError(file: path, problem: "no such file",
                                    hint: "check the path; relative paths start from \(FileManager.default.currentDirectoryPath)")
            }
            throw DataFileError(file: path, problem: isDirectory.boolValue ? "is a folder, not a data file" : "cannot be read",
                                hint: "give the path of a readable data file")
        }
        self.handle = handle
        self.name = path
        self.context = RowContext(file: path, options: options)
        self.chunkBytes = max(chunkBytes, 1 << 10)
        var first = try Self.read(handle, count: self.chunkBytes, file: path)
        if first.isEmpty { throw DataFileError.empty(file: path, format: options.format ?? .jsonl) }
        let bom = UTF8Validation.byteOrderMarkLength(first)
        first.removeFirst(bom)
        let format = try DataReader.resolveFormat(first, from: 0, name: path, options: options)
        guard Self.streamableFormats.contains(format) else {
            throw DataFileError(file: path, problem: "is \(format.rawValue), which cannot be read as a stream (a record may span lines)",
                                hint: "convert it to JSON Lines, e.g. python3 -c \"import csv,json,sys; [print(json.dumps(r)) for r in csv.DictReader(sys.stdin)]\" < in.csv > out.jsonl")
        }
        self.format = format
        self.pending = first
    }

    /// The next chunk's records (at least one), or nil at the end of the file.
    public mutating func nextChunk() throws(DataFileError) -> [TextRecord]? {
        while true {
            if !atEnd && pending.count < chunkBytes {
                let more = try Self.read(handle, count: chunkBytes, file: name)
                if more.isEmpty { atEnd = true } else { pending += more }
            }
            if pending.isEmpty {
                guard recordCount > 0 else {
                    if let first = skippedRows.first {
                        throw DataFileError(file: name, problem: "has no usable records: all \(skippedRows.count) rows were bad and skipped",
                                            hint: "the first: \(first.description)")
                    }
                    throw DataFileError.empty(file: name, format: format)
                }
                return nil
            }
            // Parse up to the last line break; keep the unfinished line for the next read.
            var cut = pending.count
            if !atEnd {
                guard let lastBreak = pending.lastIndex(where: { $0 == ASCII.lineFeed }) else {
                    if pending.count > 256 << 20 {
                        throw DataFileError(file: name, line: nextLineNumber, problem: "has a line longer than 256 MB",
                                            hint: "is this really a one-record-a-line file? check --format")
                    }
                    continue
                }
                cut = lastBreak + 1
            }
            let chunk = Array(pending[..<cut])
            pending.removeFirst(cut)
            if let offset = UTF8Validation.firstInvalidByte(in: chunk, from: 0) {
                throw DataFileError(file: name, line: nextLineNumber - 1 + chunk.lineNumber(ofOffset: offset, from: 0),
                                    problem: "is not valid UTF-8: byte 0x\(String(chunk[offset], radix: 16, uppercase: true)) does not start a valid UTF-8 character",
                                    hint: "save the file as UTF-8; if it is Latin-1 or Windows-1252, convert it with iconv -f windows-1252 -t utf-8")
            }
            var collector = RecordCollector(context)
            var lines = ByteLines(chunk, from: 0, firstNumber: nextLineNumber)
            var last = nextLineNumber - 1
            while let line = lines.next() {
                last = line.number
                guard !chunk.isBlank(line.range) else { continue }
                switch format {
                case .jsonl: try collector.add(JSONLinesReader.record(line, chunk, context))
                case .fasttext: try collector.add(FastTextReader.record(line, chunk, context))
                default: try collector.add(LabelTabReader.record(line, chunk, context))
                }
            }
            nextLineNumber = last + 1
            skippedRows += collector.skippedRows
            recordCount += collector.records.count
            if !collector.records.isEmpty { return collector.records }
        }
    }

    private static func read(_ handle: FileHandle, count: Int, file: String) throws(DataFileError) -> [UInt8] {
        do {
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        } catch {
            throw DataFileError(file: file, problem: "cannot be read: \(error.localizedDescription)")
        }
    }
}
