import DataFiles
import Foundation
import Testing

// CSV and TSV (RFC 4180): a header row, quoting with "…", doubled quotes, line breaks in quotes.

@Test func csvReadsRecordsUnderTheHeader() throws {
    let data = try readText("text,label\nhello,pos\nbye,neg\n", name: "data.csv")
    #expect(data.format == .csv)
    #expect(data.records == [
        TextRecord(text: "hello", label: "pos", line: 2),
        TextRecord(text: "bye", label: "neg", line: 3),
    ])
}

@Test func csvQuotedFieldsMayHoldCommasAndDoubledQuotes() throws {
    let data = try readText(#"""
    text,label
    "a, b",pos
    "she said ""hi""",neg
    """#, name: "data.csv")
    #expect(data.records == [
        TextRecord(text: "a, b", label: "pos", line: 2),
        TextRecord(text: #"she said "hi""#, label: "neg", line: 3),
    ])
}

@Test func csvLineBreakInQuotedFieldKeepsLaterLineNumbersRight() throws {
    let data = try readText("text,label\n\"line one\nline two\",pos\nnext,neg\n", name: "data.csv")
    #expect(data.records == [
        TextRecord(text: "line one\nline two", label: "pos", line: 2),
        TextRecord(text: "next", label: "neg", line: 4),
    ])
    let error = errorReading("text,label\n\"x\ny\",pos\nbad\n", name: "data.csv")
    #expect(error?.line == 4)
    #expect(error?.problem == "has 1 field but the header has 2 columns")
}

@Test func csvHandlesCRLFInsideAndBetweenRecords() throws {
    let data = try readText("text,label\r\nhello,pos\r\n\"a\r\nb\",neg\r\nlast,pos", name: "data.csv")
    #expect(data.records == [
        TextRecord(text: "hello", label: "pos", line: 2),
        TextRecord(text: "a\r\nb", label: "neg", line: 3),
        TextRecord(text: "last", label: "pos", line: 5),
    ])
}

@Test func csvHandlesLoneCR() throws {
    let data = try readText("text,label\rhi,pos\rbye,neg\r", name: "data.csv")
    #expect(data.records == [
        TextRecord(text: "hi", label: "pos", line: 2),
        TextRecord(text: "bye", label: "neg", line: 3),
    ])
}

@Test func csvReadsTheSameWithOrWithoutAFinalLineBreak() throws {
    let with = try readText("text,label\nhello,pos\n", name: "data.csv")
    let without = try readText("text,label\nhello,pos", name: "data.csv")
    #expect(with.records == [TextRecord(text: "hello", label: "pos", line: 2)])
    #expect(without.records == with.records)
}

@Test func csvEmptyFieldsAreEmptyStrings() throws {
    let data = try readText("id,text,label,note\n,,pos,\n\"\",\"\",neg,\"\"\n", name: "data.csv")
    #expect(data.records == [
        TextRecord(text: "", label: "pos", line: 2, fields: ["id": "", "note": ""]),
        TextRecord(text: "", label: "neg", line: 3, fields: ["id": "", "note": ""]),
    ])
}

@Test func csvQuoteInsideAnUnquotedFieldIsKeptLiterally() throws {
    let data = try readText("text,label\n5\" screen,pos\n\"ab\"c,neg\n", name: "data.csv")
    #expect(data.records.map(\.text) == ["5\" screen", "abc"])
}

@Test func csvUnclosedQuoteNamesTheLineWhereItOpened() {
    let text = "text,label\nok,pos\n\"never closed,neg\nmore,pos\n"
    let error = errorReading(text, name: "data.csv")
    #expect(error?.description == #"data.csv:3: a quoted field opens here and is never closed, so the rest of the file would be one field (end the field with a double quote, and write a quote inside a field as two (""))"#)
    // Not a row problem: skipping cannot recover the records after it.
    #expect(errorReading(text, name: "data.csv", skipBadRows: true) == error)
}

@Test func csvRecordWithTheWrongFieldCountNamesBothCounts() {
    let error = errorReading("text,label\na,b,c\n", name: "data.csv")
    #expect(error?.description == #"data.csv:2: has 3 fields but the header has 2 columns (quote fields that contain commas or line breaks, and write a quote inside a field as two (""))"#)
    #expect(errorReading("text,label\njust one\n", name: "data.csv")?.problem == "has 1 field but the header has 2 columns")
}

@Test func csvMissingTextColumnListsTheHeader() {
    let error = errorReading("body,label\nx,pos\n", name: "data.csv")
    #expect(error?.description == #"data.csv:1: the header has no text column "text"; its columns are "body", "label" (use --text-field to name the column that holds the text)"#)
}

@Test func csvMissingLabelColumnIsAnErrorOnlyWhenLabelsAreRequired() throws {
    let error = errorReading("text,stars\nhi,5\n", name: "data.csv")
    #expect(error?.description == #"data.csv:1: the header has no label column "label"; its columns are "text", "stars" (use --label-field to name the column that holds the label)"#)
    let data = try readText("text,stars\nhi,5\n", name: "data.csv", requireLabels: false)
    #expect(data.records == [TextRecord(text: "hi", label: nil, line: 2, fields: ["stars": "5"])])
}

@Test func csvCustomColumnsAndExtraColumnsGoToFields() throws {
    let data = try readText("id,review,stars,speaker\n7,hi,5,Ann\n", name: "data.csv",
                            textField: "review", labelField: "stars")
    #expect(data.records == [TextRecord(text: "hi", label: "5", line: 2, fields: ["id": "7", "speaker": "Ann"])])
}

@Test func csvHeaderNamesMatchAfterTrimmingSpaces() throws {
    let data = try readText("text, label\nhi, pos\n", name: "data.csv")
    #expect(data.records == [TextRecord(text: "hi", label: "pos", line: 2)])
}

@Test func csvHeaderWithoutRecordsIsAnError() {
    let expected = #"data.csv: has a header but no records (add one record a row below the header ("text", "label"))"#
    #expect(errorReading("text,label\n", name: "data.csv")?.description == expected)
    #expect(errorReading("text,label", name: "data.csv")?.description == expected)
    #expect(errorReading("text,label\n\n\n", name: "data.csv")?.description == expected)
}

@Test func csvEmptyLabelCellIsAnErrorWhenRequired() throws {
    let error = errorReading("text,label\nhi,\n", name: "data.csv")
    #expect(error?.description == #"data.csv:2: has no label: its "label" column is empty (training and evaluation need a label on every record)"#)
    let data = try readText("text,label\nhi,\n", name: "data.csv", requireLabels: false)
    #expect(data.records == [TextRecord(text: "hi", label: nil, line: 2)])
}

@Test func csvSkipsBlankLines() throws {
    let data = try readText("text,label\n\nhi,pos\n\n", name: "data.csv")
    #expect(data.records == [TextRecord(text: "hi", label: "pos", line: 3)])
}

@Test func csvSkipBadRowsKeepsTheGoodOnes() throws {
    let data = try readText("text,label\na,b,c\nok,pos\n", name: "data.csv", skipBadRows: true)
    #expect(data.records == [TextRecord(text: "ok", label: "pos", line: 3)])
    #expect(data.skippedRows.map(\.line) == [2])
}

@Test func tsvUsesTabsWithTheSameQuotingRules() throws {
    let data = try readText("text\tlabel\n\"a\tb\"\tpos\nplain, with comma\tneg\n", name: "data.tsv")
    #expect(data.format == .tsv)
    #expect(data.records == [
        TextRecord(text: "a\tb", label: "pos", line: 2),
        TextRecord(text: "plain, with comma", label: "neg", line: 3),
    ])
    let error = errorReading("text\tlabel\na\tb\tc\n", name: "data.tsv")
    #expect(error?.hint == #"quote fields that contain tabs or line breaks, and write a quote inside a field as two ("")"#)
}

@Test func csvHeaderWithTabsSuggestsTSV() {
    let error = errorReading("text\tlabel\nhi\tpos\n", name: "data.csv")
    #expect(error?.problem == "the header has no text column \"text\"; its columns are \"text\tlabel\"")
    #expect(error?.hint == "the header has tabs, not commas; use --input-format tsv")
}
