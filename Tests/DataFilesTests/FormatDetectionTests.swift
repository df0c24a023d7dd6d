import DataFiles
import Foundation
import Testing

// Choosing the format from the extension, and from the first line where the extension does not say.

@Test func formatNamesAreTheOnesUsersType() {
    #expect(DataFormat.allCases.map(\.rawValue) == ["jsonl", "csv", "tsv", "label-tab", "fasttext", "lines"])
    #expect(DataFormat(rawValue: "label-tab") == .labelTab)
}

@Test func extensionsDecideTheFormat() {
    #expect(DataFormat.detect(path: "a.jsonl", firstLine: nil, requireLabels: true) == .jsonl)
    #expect(DataFormat.detect(path: "a.ndjson", firstLine: nil, requireLabels: true) == .jsonl)
    #expect(DataFormat.detect(path: "data/a.json", firstLine: nil, requireLabels: true) == .jsonl)
    #expect(DataFormat.detect(path: "TRAIN.CSV", firstLine: nil, requireLabels: true) == .csv)
    #expect(DataFormat.detect(path: "a.ft", firstLine: nil, requireLabels: true) == .fasttext)
    #expect(DataFormat.detect(path: "a.fasttext", firstLine: nil, requireLabels: true) == .fasttext)
}

@Test func unknownOrMissingExtensionsAreNotGuessed() {
    #expect(DataFormat.detect(path: "a.dat", firstLine: "{}", requireLabels: true) == nil)
    #expect(DataFormat.detect(path: "train", firstLine: "{}", requireLabels: true) == nil)
    #expect(DataFormat.detect(path: "v1.2/train", firstLine: "{}", requireLabels: true) == nil)
    #expect(DataFormat.detect(path: ".hidden", firstLine: "{}", requireLabels: true) == nil)
}

@Test func tsvExtensionMeansTSVWhenTheFirstLineIsAHeader() {
    #expect(DataFormat.detect(path: "a.tsv", firstLine: "text\tlabel", requireLabels: true) == .tsv)
    #expect(DataFormat.detect(path: "a.tab", firstLine: "id\tlabel\ttext", requireLabels: true) == .tsv)
    #expect(DataFormat.detect(path: "a.tsv", firstLine: "pos\tgreat film", requireLabels: true) == .labelTab)
    #expect(DataFormat.detect(path: "a.tsv", firstLine: "text\tid", requireLabels: true) == .labelTab)
    #expect(DataFormat.detect(path: "a.tsv", firstLine: "text\tid", requireLabels: false) == .tsv)
    #expect(DataFormat.detect(path: "a.tsv", firstLine: "review\tstars", textField: "review",
                              labelField: "stars", requireLabels: true) == .tsv)
}

@Test func txtExtensionLooksForFastTextLabels() {
    #expect(DataFormat.detect(path: "a.txt", firstLine: "__label__pos nice", requireLabels: true) == .fasttext)
    #expect(DataFormat.detect(path: "a.txt", firstLine: "__label__pos nice", requireLabels: false) == .fasttext)
    #expect(DataFormat.detect(path: "a.txt", firstLine: "pos\tnice", requireLabels: true) == .labelTab)
    #expect(DataFormat.detect(path: "a.txt", firstLine: "nice", requireLabels: false) == .lines)
}

@Test func contentDecidesWhenThereIsNoExtension() {
    #expect(DataFormat.detect(firstLine: #"{"text": "a"}"#, requireLabels: true) == .jsonl)
    #expect(DataFormat.detect(firstLine: "__label__a text", requireLabels: true) == .fasttext)
    #expect(DataFormat.detect(firstLine: "text\tlabel", requireLabels: true) == .tsv)
    #expect(DataFormat.detect(firstLine: "pos\tnice", requireLabels: true) == .labelTab)
    #expect(DataFormat.detect(firstLine: "nice", requireLabels: false) == .lines)
    #expect(DataFormat.detect(firstLine: "text", requireLabels: false) == .lines)
    #expect(DataFormat.detect(firstLine: nil, requireLabels: true) == .labelTab)
}

@Test func readerDetectsLabelTabVersusHeadedTSV() throws {
    let headed = try readText("text\tlabel\nhi\tpos\n", name: "data.tsv")
    #expect(headed.format == .tsv)
    #expect(headed.records == [TextRecord(text: "hi", label: "pos", line: 2)])
    let headless = try readText("pos\thi\nneg\tbye\n", name: "data.tsv")
    #expect(headless.format == .labelTab)
    #expect(headless.records == [
        TextRecord(text: "hi", label: "pos", line: 1),
        TextRecord(text: "bye", label: "neg", line: 2),
    ])
}

@Test func readerDetectsFromContentForStandardInput() throws {
    let json = try readText(#"{"text": "a", "label": "b"}"#, name: DataReader.standardInputName)
    #expect(json.format == .jsonl)
    let fastText = try readText("\n__label__b a\n", name: "data")
    #expect(fastText.format == .fasttext)
    let lines = try readText("just a text\n", name: DataReader.standardInputName, requireLabels: false)
    #expect(lines.format == .lines)
}

@Test func readerRefusesToGuessAnUnknownExtension() {
    let error = errorReading(#"{"text": "a", "label": "b"}"#, name: "data.dat")
    #expect(error?.description == "data.dat: has an extension (.dat) that does not tell its format (use --input-format with one of: jsonl, csv, tsv, label-tab, fasttext, lines)")
}

@Test func explicitFormatWinsOverTheExtension() throws {
    let data = try readText(#"{"text": "a", "label": "b"}"#, name: "data.txt", format: .jsonl)
    #expect(data.format == .jsonl)
    #expect(data.records == [TextRecord(text: "a", label: "b", line: 1)])
}
