import DataFiles
import Foundation
import Testing

// The headerless line formats: label<TAB>text, fastText, and plain lines.

@Test func labelTabSplitsAtTheFirstTab() throws {
    let data = try readText("pos\tgreat film\nneg\tbad\tvery bad\n", name: "data.txt", format: .labelTab)
    #expect(data.format == .labelTab)
    #expect(data.records == [
        TextRecord(text: "great film", label: "pos", line: 1),
        TextRecord(text: "bad\tvery bad", label: "neg", line: 2),
    ])
}

@Test func labelTabTrimsLabelAndText() throws {
    let data = try readText(" pos \t  some text  \n", name: "data.txt", format: .labelTab)
    #expect(data.records == [TextRecord(text: "some text", label: "pos", line: 1)])
}

@Test func labelTabLineWithoutATabIsAnError() {
    let error = errorReading("pos\tok\npos great\n", name: "data.txt", format: .labelTab)
    #expect(error?.description == "data.txt:2: has no tab between the label and the text (expected label<TAB>text; use --input-format to choose another format)")
}

@Test func labelTabEmptyLabelIsAnError() {
    let error = errorReading("\tgreat\n", name: "data.txt", format: .labelTab)
    #expect(error?.description == "data.txt:1: has an empty label before the tab (expected label<TAB>text with a label on every line)")
}

@Test func labelTabKeepsEmptyTexts() throws {
    let data = try readText("pos\t\nneg\t   \n", name: "data.txt", format: .labelTab)
    #expect(data.records == [
        TextRecord(text: "", label: "pos", line: 1),
        TextRecord(text: "", label: "neg", line: 2),
    ])
}

@Test func fastTextFirstLabelCountsAndAllAreKept() throws {
    let data = try readText("__label__pos __label__funny  a good  laugh \n__label__neg meh\n", name: "data.ft")
    #expect(data.format == .fasttext)
    #expect(data.records == [
        TextRecord(text: "a good  laugh", label: "pos", line: 1, fields: ["labels": "pos funny"]),
        TextRecord(text: "meh", label: "neg", line: 2),
    ])
}

@Test func fastTextLineWithoutALabelIsAnErrorWhenRequired() throws {
    let error = errorReading("__label__pos ok\nno label here\n", name: "data.ft")
    #expect(error?.description == "data.ft:2: has no label: fastText lines start with __label__<label> (use --input-format to choose another format)")
    let data = try readText("__label__pos ok\nno label here\n", name: "data.ft", requireLabels: false)
    #expect(data.records == [
        TextRecord(text: "ok", label: "pos", line: 1),
        TextRecord(text: "no label here", label: nil, line: 2),
    ])
}

@Test func fastTextBarePrefixIsAnError() {
    let error = errorReading("__label__ some text\n", name: "data.ft")
    #expect(error?.description == #"data.ft:1: has "__label__" with no label name after it (write the label right after the prefix, e.g. __label__positive)"#)
}

@Test func fastTextLabelOnlyLineHasAnEmptyText() throws {
    let data = try readText("__label__pos\n", name: "data.ft")
    #expect(data.records == [TextRecord(text: "", label: "pos", line: 1)])
}

@Test func linesAreOneTextEachWithoutLabels() throws {
    let data = try readText("first text\n\n  second  \n", name: "input.txt", requireLabels: false)
    #expect(data.format == .lines)
    #expect(data.records == [
        TextRecord(text: "first text", label: nil, line: 1),
        TextRecord(text: "second", label: nil, line: 3),
    ])
}

@Test func linesFormatCannotSatisfyRequiredLabels() {
    let error = errorReading("some text\n", name: "data.txt", format: .lines)
    #expect(error?.description == "data.txt: has no labels: the lines format holds texts only (training and evaluation need labels; use --input-format to choose a labelled format (jsonl, csv, tsv, label-tab, fasttext))")
}
