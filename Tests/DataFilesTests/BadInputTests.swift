import DataFiles
import Foundation
import Testing

// Bytes that are not clean text: BOMs, line-end styles, bad UTF-8, NUL bytes, empty files.

private let utf8Hint = "save the file as UTF-8; if it is Latin-1 or Windows-1252, convert it with iconv -f windows-1252 -t utf-8"
private let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

@Test func byteOrderMarkIsStripped() throws {
    let csv = try readBytes(bom + utf8("text,label\nhi,pos\n"), name: "data.csv")
    #expect(csv.records == [TextRecord(text: "hi", label: "pos", line: 2)])
    let jsonl = try readBytes(bom + utf8(#"{"text": "a", "label": "b"}"#), name: "data.jsonl")
    #expect(jsonl.records == [TextRecord(text: "a", label: "b", line: 1)])
    let tsv = try readBytes(bom + utf8("text\tlabel\nhi\tpos\n"), name: "data.tsv")
    #expect(tsv.format == .tsv)
}

/// A file of lone-CR line ends is one long run without an LF: each line's search for the next
/// LF must not rescan the rest of the file (that made 50,000 lines take minutes).
@Test func manyLoneCRLinesAreSplitAndNumbered() throws {
    let lines = (0..<50_000).map { "line \($0) of a classic Mac OS export" }
    let data = try readText(lines.joined(separator: "\r") + "\r", name: "input.txt", requireLabels: false)
    #expect(data.records.count == lines.count)
    #expect(data.records.last == TextRecord(text: lines.last!, label: nil, line: lines.count))
}

@Test func crlfAndLoneCRLineEndsReadLikeLF() throws {
    let crlf = try readText("{\"text\": \"a\", \"label\": \"x\"}\r\n{\"text\": \"b\", \"label\": \"y\"}\r\n", name: "data.jsonl")
    #expect(crlf.records == [TextRecord(text: "a", label: "x", line: 1), TextRecord(text: "b", label: "y", line: 2)])
    let cr = try readText("pos\thello\rneg\tbye\r", name: "data.txt", format: .labelTab)
    #expect(cr.records == [TextRecord(text: "hello", label: "pos", line: 1), TextRecord(text: "bye", label: "neg", line: 2)])
    let mixed = try readText("a\r\n\rb\nc", name: "input.txt", requireLabels: false)
    #expect(mixed.records == [
        TextRecord(text: "a", label: nil, line: 1),
        TextRecord(text: "b", label: nil, line: 3),
        TextRecord(text: "c", label: nil, line: 4),
    ])
}

@Test func invalidUTF8NamesTheLineAndByteOffset() {
    let error = errorReading(bytes: utf8("ok\ncaf") + [0xE9] + utf8("\n"), name: "data.txt", requireLabels: false)
    #expect(error?.description == "data.txt:2: is not valid UTF-8: byte 0xE9 at byte offset 6 does not start a valid UTF-8 character (\(utf8Hint))")
}

@Test func invalidUTF8OffsetCountsFromTheStartOfTheFile() {
    let afterBOM = errorReading(bytes: bom + utf8("a\n") + [0xFF], name: "data.txt", requireLabels: false)
    #expect(afterBOM?.line == 2)
    #expect(afterBOM?.problem == "is not valid UTF-8: byte 0xFF at byte offset 5 does not start a valid UTF-8 character")
    let afterCRLF = errorReading(bytes: utf8("a\r\nb\r\n") + [0x80], name: "data.txt", requireLabels: false)
    #expect(afterCRLF?.line == 3)
    #expect(afterCRLF?.problem.contains("byte 0x80 at byte offset 6 ") == true)
    let afterCR = errorReading(bytes: utf8("a\rb\r") + [0x80], name: "data.txt", requireLabels: false)
    #expect(afterCR?.line == 3)
    #expect(afterCR?.problem.contains("at byte offset 4 ") == true)
}

@Test func illFormedSequencesAreRejectedAtTheirFirstByte() {
    func offset(_ bytes: [UInt8]) -> String? {
        errorReading(bytes: bytes, name: "data.txt", requireLabels: false)?.problem
    }
    #expect(offset(utf8("ab") + [0xE2, 0x82])?.contains("byte 0xE2 at byte offset 2 ") == true)  // truncated
    #expect(offset([0xC0, 0x80])?.contains("byte 0xC0 at byte offset 0 ") == true)  // overlong NUL
    #expect(offset([0xE0, 0x80, 0x80])?.contains("byte 0xE0 at byte offset 0 ") == true)  // overlong
    #expect(offset([0xED, 0xA0, 0x80])?.contains("byte 0xED at byte offset 0 ") == true)  // surrogate
    #expect(offset([0xF4, 0x90, 0x80, 0x80])?.contains("byte 0xF4 at byte offset 0 ") == true)  // > U+10FFFF
    #expect(offset([0x61, 0xF5, 0x80])?.contains("byte 0xF5 at byte offset 1 ") == true)
}

@Test func wellFormedMultibyteTextIsAccepted() throws {
    let data = try readText("é€😀 ok\n", name: "input.txt", requireLabels: false)
    #expect(data.records == [TextRecord(text: "é€😀 ok", label: nil, line: 1)])
}

@Test func utf16IsRecognisedAndRefused() {
    let error = errorReading(bytes: [0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00], name: "data.txt")
    #expect(error?.description == "data.txt: is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8 (save it as UTF-8, e.g. iconv -f utf-16 -t utf-8)")
}

@Test func nulByteIsAnErrorNamingLineAndOffset() {
    let lines = errorReading("ok\nab\u{0}c\n", name: "data.txt", requireLabels: false)
    #expect(lines?.description == "data.txt:2: contains a NUL byte (0x00) at byte offset 5; is this a binary file?")
    let csv = errorReading("text,label\nhi,pos\nx\u{0}y,neg\n", name: "data.csv")
    #expect(csv?.description == "data.csv:3: contains a NUL byte (0x00) at byte offset 19; is this a binary file?")
    let header = errorReading("te\u{0}xt,label\nhi,pos\n", name: "data.csv")
    #expect(header?.description == "data.csv:1: contains a NUL byte (0x00) at byte offset 2; is this a binary file?")
    let jsonl = errorReading("{\"text\": \"a\u{0}\", \"label\": \"b\"}", name: "data.jsonl")
    #expect(jsonl?.line == 1)
    #expect(jsonl?.problem == "contains a NUL byte (0x00) at byte offset 11; is this a binary file?")
}

@Test func nulByteRowCanBeSkipped() throws {
    let data = try readText("pos\tfine\nneg\tbi\u{0}nary\nneg\talso fine\n", name: "data.txt",
                            format: .labelTab, skipBadRows: true)
    #expect(data.records.map(\.line) == [1, 3])
    #expect(data.skippedRows.map(\.line) == [2])
}

@Test func emptyFileNamesTheExpectedFormat() {
    let jsonl = errorReading("", name: "train.jsonl")
    #expect(jsonl?.description == "train.jsonl: is empty; expected jsonl records: one JSON object a line (check the path, and that whatever wrote the file has finished)")
    #expect(errorReading("\n \r\n\t\n", name: "train.jsonl") == jsonl)
    #expect(errorReading(bytes: bom, name: "train.jsonl") == jsonl)
    let csv = errorReading("", name: "data.csv")
    #expect(csv?.problem == "is empty; expected csv records: a header row, then one comma-separated record a row")
    let lines = errorReading("", name: DataReader.standardInputName, requireLabels: false)
    #expect(lines?.problem == "is empty; expected lines records: one text a line")
}

@Test func skipBadRowsRecordsEachSkippedRowAndGoesOn() throws {
    let text = #"""
    {"text": "a", "label": "x"}
    {"text": "b"}
    {"text": "c", "label": "y"}
    not json
    """#
    let data = try readText(text, name: "data.jsonl", skipBadRows: true)
    #expect(data.records.map(\.text) == ["a", "c"])
    #expect(data.skippedRows.map(\.line) == [2, 4])
    #expect(data.skippedRows.first?.problem == #"the label field "label" is missing"#)
}

@Test func skipBadRowsStillFailsWhenNothingIsLeft() {
    let error = errorReading("{\n[\n", name: "data.jsonl", skipBadRows: true)
    #expect(error?.problem == "has no usable records: all 2 rows were bad and skipped")
    #expect(error?.hint?.hasPrefix("the first: data.jsonl:1: is not valid JSON: ") == true)
}
