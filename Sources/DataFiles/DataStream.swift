import Dispatch
import Foundation

/// Reads a corpus a chunk of lines at a time, for data that does not fit in memory or arrives
/// through a pipe.
///
/// ``DataReader`` holds the whole file; this holds one chunk (a few megabytes of whole lines)
/// and hands out its records in order, so memory stays flat however long the file is. Each line
/// goes through the same row parser as ``DataReader`` uses, so records, messages (file and
/// line) and the bad-row policy are identical. It covers the one-record-a-line formats: JSON
/// Lines, fastText, label-tab and plain lines; a CSV or TSV record may span lines, so those are
/// refused with a hint to convert.
///
/// Reading a pipe, a chunk is handed out as soon as it holds a complete line and no more input
/// is waiting, so a filter (`… | stance predict - | …`) answers record by record.
///
///     var stream = try DataStream(path: "big.jsonl", options: DataReaderOptions(requireLabels: true))
///     while let chunk = try stream.nextChunk() { … chunk.records … }
public struct DataStream {
    public let name: String
    public let format: DataFormat
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let context: RowContext
    private let chunkBytes: Int
    /// Bytes read but not yet parsed: the start of a line whose end is in a later read.
    private var pending: [UInt8] = []
    private var atEnd = false
    private var nextLineNumber = 1
    /// The file offset of `pending`'s first byte.
    private var pendingOffset = 0
    public private(set) var recordCount = 0
    public private(set) var skippedRows: [DataFileError] = []

    /// The last read returned less than asked for: for a pipe, nothing more is waiting yet.
    private var lastReadWasShort = false

    public static let streamableFormats: [DataFormat] = [.jsonl, .fasttext, .labelTab, .lines]

    /// False when the format asked for, or the one the file's extension names, cannot stream
    /// (CSV, TSV); a file whose format is detected from its first line is tried.
    public static func canStream(path: String, options: DataReaderOptions) -> Bool {
        if let format = options.format { return streamableFormats.contains(format) }
        let pathExtension = DataFormat.pathExtension(of: path).lowercased()
        return !["csv", "tsv"].contains(pathExtension)
    }

    /// Threads that parse a chunk's rows (the caller's choice: the library sets no policy).
    private let threads: Int
    /// Whether chunks are cut by their bytes alone, never by when input arrives.
    private let cutBySize: Bool

    /// Opens `path`, or standard input when `path` is `-`.
    ///
    /// With `cutBySize`, every chunk but the last ends at the last line break within its first
    /// `chunkBytes` bytes (or the first after, for a longer line), so a pipe gives the same
    /// chunks as the file it carries, however its writes arrive. Streamed training needs that:
    /// it shuffles within chunks, and its model must not depend on a pipe's timing. Without it,
    /// a pipe's reader gets each complete line as soon as no more input is waiting.
    public init(path: String, options: DataReaderOptions, chunkBytes: Int = 4 << 20, threads: Int = 1,
                cutBySize: Bool = false) throws(DataFileError) {
        self.threads = threads
        self.cutBySize = cutBySize
        let name = path == "-" ? DataReader.standardInputName : path
        var isFolder: ObjCBool = false
        if path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue {
            throw DataFileError(file: path, problem: "is a folder, not a data file", hint: "give the path of a data file inside it")
        }
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
        guard fd >= 0 else {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw DataFileError(file: path, problem: "no such file",
                                    hint: "check the path; relative paths start from \(FileManager.default.currentDirectoryPath)")
            }
            throw DataFileError(file: path, problem: isDirectory.boolValue ? "is a folder, not a data file" : "cannot be read",
                                hint: "give the path of a readable data file")
        }
        self.descriptor = fd
        self.ownsDescriptor = path != "-"
        self.name = name
        self.context = RowContext(file: name, options: options)
        self.chunkBytes = max(chunkBytes, 1 << 10)
        // The format is decided on the first line, so read until one is complete.
        var first: [UInt8] = []
        var ended = false
        var short = false
        do throws(DataFileError) {
            while !first.contains(ASCII.lineFeed) && first.count < (1 << 20) {
                let more = try Self.read(fd, count: self.chunkBytes, file: name)
                if more.isEmpty { ended = true; break }
                short = more.count < self.chunkBytes
                first += more
            }
        } catch {
            if path != "-" { _ = Foundation.close(fd) }
            throw error
        }
        if first.isEmpty {
            if path != "-" { _ = Foundation.close(fd) }
            throw DataFileError.empty(file: name, format: options.format ?? .jsonl)
        }
        if first.count >= 2 && ((first[0] == 0xFF && first[1] == 0xFE) || (first[0] == 0xFE && first[1] == 0xFF)) {
            if path != "-" { _ = Foundation.close(fd) }
            throw DataFileError(file: name, problem: "is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8",
                                hint: "save it as UTF-8, e.g. iconv -f utf-16 -t utf-8")
        }
        let bom = UTF8Validation.byteOrderMarkLength(first)
        first.removeFirst(bom)
        let format: DataFormat
        do {
            format = try DataReader.resolveFormat(first, from: 0, name: name, options: options)
        } catch {
            if path != "-" { _ = Foundation.close(fd) }
            throw error
        }
        if options.requireLabels && format == .lines {
            if path != "-" { _ = Foundation.close(fd) }
            throw DataFileError(file: name, problem: "has no labels: the lines format holds texts only",
                                hint: "training and evaluation need labels; use --input-format to choose a labelled format (jsonl, label-tab, fasttext)")
        }
        guard Self.streamableFormats.contains(format) else {
            if path != "-" { _ = Foundation.close(fd) }
            throw DataFileError(file: name, problem: "is \(format.rawValue), which cannot be read as a stream (a record may span lines)",
                                hint: "convert it to JSON Lines, e.g. python3 -c \"import csv,json,sys; [print(json.dumps(r)) for r in csv.DictReader(sys.stdin)]\" < in.csv > out.jsonl")
        }
        self.format = format
        self.pending = first
        self.pendingOffset = bom
        self.atEnd = ended
        self.lastReadWasShort = short
    }

    /// Closes the file (standard input stays open).
    public func close() {
        if ownsDescriptor { _ = Foundation.close(descriptor) }
    }

    /// The next chunk's records (at least one), or nil at the end of the file.
    public mutating func nextChunk() throws(DataFileError) -> [TextRecord]? {
        while true {
            // Read more unless a complete line is here and either the chunk is full or no more
            // input is waiting (a pipe's reader must not wait for a whole chunk, unless chunks
            // are cut by size).
            let hasLine = pending.contains(ASCII.lineFeed)
            let ready = hasLine && (pending.count >= chunkBytes || (lastReadWasShort && !cutBySize))
            if !atEnd && !ready {
                let more = try Self.read(descriptor, count: chunkBytes, file: name)
                lastReadWasShort = more.count < chunkBytes
                if more.isEmpty { atEnd = true } else { pending += more }
                continue
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
                let window = cutBySize ? pending[..<min(chunkBytes, pending.count)] : pending[...]
                guard let lastBreak = window.lastIndex(of: ASCII.lineFeed) ?? (cutBySize ? pending.firstIndex(of: ASCII.lineFeed) : nil) else {
                    if pending.count > 256 << 20 {
                        throw DataFileError(file: name, line: nextLineNumber, problem: "has a line longer than 256 MB",
                                            hint: "is this really a one-record-a-line file? check --input-format")
                    }
                    continue
                }
                cut = lastBreak + 1
            }
            let chunk = Array(pending[..<cut])
            pending.removeFirst(cut)
            let chunkOffset = pendingOffset
            pendingOffset += cut
            if let offset = UTF8Validation.firstInvalidByte(in: chunk, from: 0) {
                throw DataFileError(file: name, line: nextLineNumber - 1 + chunk.lineNumber(ofOffset: offset, from: 0),
                                    problem: "is not valid UTF-8: byte 0x\(String(chunk[offset], radix: 16, uppercase: true)) at byte offset \(chunkOffset + offset) does not start a valid UTF-8 character",
                                    hint: "save the file as UTF-8; if it is Latin-1 or Windows-1252, convert it with iconv -f windows-1252 -t utf-8")
            }
            var lines: [ByteLine] = []
            var iterator = ByteLines(chunk, from: 0, firstNumber: nextLineNumber)
            var last = nextLineNumber - 1
            while let line = iterator.next() {
                last = line.number
                if !chunk.isBlank(line.range) { lines.append(line) }
            }
            // Rows are parsed in parallel pieces and handed to the collector in order, so the
            // records and the first error are the same as parsing them one after another.
            let pieces = stride(from: 0, to: lines.count, by: 512).map { $0..<min($0 + 512, lines.count) }
            var parsed = [[Result<TextRecord, DataFileError>]](repeating: [], count: pieces.count)
            var chunkContext = context
            chunkContext.byteOffset = chunkOffset
            let job = ParseJob(format: format, chunk: chunk, context: chunkContext, lines: lines)
            parsed.withUnsafeMutableBufferPointer { parsed in
                if threads <= 1 || pieces.count <= 1 {
                    for p in pieces.indices { parsed[p] = job.parse(pieces[p]) }
                } else {
                    let output = UncheckedSendableBox(parsed)
                    DispatchQueue.concurrentPerform(iterations: pieces.count) { p in
                        output.value[p] = job.parse(pieces[p])
                    }
                }
            }
            var collector = RecordCollector(context)
            for piece in parsed {
                for row in piece { try collector.add(row) }
            }
            nextLineNumber = last + 1
            skippedRows += collector.skippedRows
            recordCount += collector.records.count
            if !collector.records.isEmpty { return collector.records }
        }
    }

    /// One read(2): what is there, up to `count` bytes (a pipe gives what is waiting).
    private static func read(_ fd: Int32, count: Int, file: String) throws(DataFileError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, count) }
            if n >= 0 {
                buffer.removeLast(count - n)
                return buffer
            }
            if errno == EINTR { continue }
            throw DataFileError(file: file, problem: "cannot be read: \(String(cString: strerror(errno)))")
        }
    }
}

/// The rows of one chunk and how to parse them; immutable, so shared freely between threads.
private struct ParseJob: Sendable {
    let format: DataFormat
    let chunk: [UInt8]
    let context: RowContext
    let lines: [ByteLine]

    func parse(_ range: Range<Int>) -> [Result<TextRecord, DataFileError>] {
        lines[range].map { line in
            switch format {
            case .jsonl: return JSONLinesReader.record(line, chunk, context)
            case .fasttext: return FastTextReader.record(line, chunk, context)
            case .labelTab: return LabelTabReader.record(line, chunk, context)
            default: return PlainLinesReader.record(line, chunk, context)
            }
        }
    }
}

/// Hands a value to `concurrentPerform` when the caller guarantees its uses do not race (each
/// iteration writes its own slot).
private struct UncheckedSendableBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
