import DataFiles
import Foundation
import Testing

/// Streaming must read exactly what the whole-file reader reads: same records, same line
/// numbers, same errors — however the file falls into chunks.

@discardableResult
private func withFile<T>(_ text: String, extension pathExtension: String, _ body: (String) throws -> T) throws -> T {
    let path = temporaryPath(extension: pathExtension)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

private func streamAll(_ path: String, chunkBytes: Int, skipBadRows: Bool = false) throws -> [TextRecord] {
    var stream = try DataStream(path: path, options: readerOptions(skipBadRows: skipBadRows), chunkBytes: chunkBytes)
    var records: [TextRecord] = []
    var chunks = 0
    while let chunk = try stream.nextChunk() {
        records += chunk
        chunks += 1
    }
    #expect(chunks >= 1)
    return records
}

/// 400 lines with blank lines, non-ASCII text and a mix of LF and CRLF line ends.
private let jsonl: String = {
    var text = ""
    for n in 0..<400 {
        if n % 37 != 5 {
            text += #"{"text": "statement \#(n) — “quoted” \#(String(repeating: "word ", count: n % 13))", "label": "\#(n % 3 == 0 ? "supportive" : "neutral")", "id": \#(n)}"#
        }
        text += n % 2 == 0 ? "\n" : "\r\n"
    }
    return text
}()

@Test(arguments: [1 << 10, 3_000, 1 << 20])
func streamingReadsWhatTheWholeFileReaderReads(chunkBytes: Int) throws {
    for (text, ext) in [(jsonl, "jsonl"), (String(jsonl.dropLast()), "jsonl"),
                        ((0..<300).map { "__label__\($0 % 2) text number \($0)" }.joined(separator: "\n"), "ft"),
                        ((0..<300).map { "l\($0 % 4)\ttab text \($0)\twith tab" }.joined(separator: "\r\n"), "tsvl")] {
        let format: DataFormat = ext == "ft" ? .fasttext : ext == "tsvl" ? .labelTab : .jsonl
        try withFile(text, extension: ext == "tsvl" ? "txt" : ext) { path in
            let whole = try DataReader.read(path: path, options: readerOptions(format: format)).records
            var stream = try DataStream(path: path, options: readerOptions(format: format), chunkBytes: chunkBytes)
            var streamed: [TextRecord] = []
            while let chunk = try stream.nextChunk() { streamed += chunk }
            #expect(streamed == whole)
            #expect(stream.recordCount == whole.count)
        }
    }
}

@Test func aBadLineInALaterChunkIsReportedWithItsLineNumber() throws {
    var lines = (0..<500).map { #"{"text": "fine \#($0)", "label": "a"}"# }
    lines[431] = #"{"text": "broken", "label": }"#
    try withFile(lines.joined(separator: "\n"), extension: "jsonl") { path in
        #expect(throws: DataFileError.self) { try streamAll(path, chunkBytes: 1 << 10) }
        do {
            _ = try streamAll(path, chunkBytes: 1 << 10)
        } catch let error as DataFileError {
            #expect(error.line == 432)
            #expect(error.description.contains(".jsonl:432: "))
        }
        let kept = try streamAll(path, chunkBytes: 1 << 10, skipBadRows: true)
        #expect(kept.count == 499)
        #expect(kept.last?.line == 500)
    }
}

@Test func badUTF8InALaterChunkNamesItsLine() throws {
    var bytes = Array((0..<300).map { #"{"text": "ok \#($0)", "label": "a"}"# }.joined(separator: "\n").utf8)
    let secondLast = bytes.lastIndex(of: 0x0A)!
    bytes.insert(0xFF, at: secondLast + 3)
    let path = temporaryPath(extension: "jsonl")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
        _ = try streamAll(path, chunkBytes: 1 << 10)
        Issue.record("bad UTF-8 was accepted")
    } catch let error as DataFileError {
        #expect(error.line == 300)
        #expect(error.description.contains("UTF-8"))
    }
}

@Test func formatsWhoseRecordsSpanLinesAreRefusedWithAHint() throws {
    try withFile("text,label\n\"two\nlines\",a\n", extension: "csv") { path in
        do {
            _ = try DataStream(path: path, options: readerOptions())
            Issue.record("CSV was streamed")
        } catch let error as DataFileError {
            #expect(error.description.contains("cannot be read as a stream"))
            #expect(error.description.contains("JSON Lines"))
        }
    }
}

@Test func missingAndEmptyFilesAreNamed() throws {
    #expect(throws: DataFileError.self) { try DataStream(path: "/nonexistent/x.jsonl", options: readerOptions()) }
    try withFile("", extension: "jsonl") { path in
        #expect(throws: DataFileError.self) { try DataStream(path: path, options: readerOptions()) }
    }
    try withFile("\n\n  \n", extension: "jsonl") { path in
        #expect(throws: DataFileError.self) { try streamAll(path, chunkBytes: 1 << 10) }
    }
}

/// Records per chunk of `path`, streamed in chunks cut by size.
private func chunkSizes(_ path: String, chunkBytes: Int) throws -> [Int] {
    var stream = try DataStream(path: path, options: readerOptions(format: .jsonl), chunkBytes: chunkBytes, cutBySize: true)
    defer { stream.close() }
    var sizes: [Int] = []
    while let chunk = try stream.nextChunk() { sizes.append(chunk.count) }
    return sizes
}

/// Cut by size, a pipe gives the same chunks as the file, however its writes arrive (streamed
/// training shuffles within chunks, so its model must not depend on a pipe's timing).
@Test func chunksCutBySizeAreTheSameFromATrickledPipeAsFromTheFile() throws {
    let fileChunks = try withFile(jsonl, extension: "jsonl") { try chunkSizes($0, chunkBytes: 3_000) }
    #expect(fileChunks.count > 5)
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    let bytes = Array(jsonl.utf8), writeEnd = ends[1]
    let writer = Thread {
        var offset = 0, piece = 1
        while offset < bytes.count {
            let n = min(piece, bytes.count - offset)
            _ = bytes[offset..<(offset + n)].withUnsafeBytes { write(writeEnd, $0.baseAddress!, n) }
            offset += n
            piece = piece * 7 % 1_013 + 1  // irregular pieces of 1 to 1,013 bytes
            usleep(50)
        }
        close(writeEnd)
    }
    writer.start()
    let pipeChunks = try chunkSizes("/dev/fd/\(ends[0])", chunkBytes: 3_000)
    close(ends[0])
    #expect(pipeChunks == fileChunks)
}
