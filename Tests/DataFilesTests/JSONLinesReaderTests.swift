import DataFiles
import Foundation
import Testing

// JSON Lines: one object a line; text and label are named fields, everything else is kept.

@Test func jsonlReadsTextLabelAndOtherScalarFields() throws {
    let data = try readText(#"""
    {"text": "great film", "label": "pos", "id": "a1", "score": 4.5, "votes": 3, "ok": true, "tags": ["x"], "meta": {"a": 1}}
    {"text": "dull", "label": "neg"}
    """#, name: "train.jsonl")
    #expect(data.format == .jsonl)
    #expect(data.skippedRows.isEmpty)
    #expect(data.records == [
        TextRecord(text: "great film", label: "pos", line: 1, fields: ["id": "a1", "score": "4.5", "votes": "3"]),
        TextRecord(text: "dull", label: "neg", line: 2),
    ])
}

@Test func jsonlIntegerLabelsBecomeTheirDecimalText() throws {
    let data = try readText(#"""
    {"text": "a", "label": 0}
    {"text": "b", "label": -1}
    {"text": "c", "label": 12345678901234567890}
    """#, name: "train.jsonl")
    #expect(data.records.map(\.label) == ["0", "-1", "12345678901234567890"])
}

@Test func jsonlFloatLabelIsAnErrorNamingItsType() {
    let error = errorReading(#"""
    {"text": "a", "label": 1}
    {"text": "b", "label": 1.0}
    """#, name: "train.jsonl")
    #expect(error?.description == #"train.jsonl:2: the label field "label" is a number with a fraction (1.0), not a string or an integer (labels must be strings such as "positive" or integers such as 1; use --label-field to choose another field)"#)
}

@Test func jsonlOtherLabelTypesAreErrorsNamingTheType() {
    func problem(_ label: String) -> String? {
        errorReading(#"{"text": "a", "label": "# + label + "}", name: "train.jsonl")?.problem
    }
    #expect(problem("true") == #"the label field "label" is a boolean (true), not a string or an integer"#)
    #expect(problem("false") == #"the label field "label" is a boolean (false), not a string or an integer"#)
    #expect(problem("null") == #"the label field "label" is null, not a string or an integer"#)
    #expect(problem("[1]") == #"the label field "label" is an array, not a string or an integer"#)
    #expect(problem(#"{"a": 1}"#) == #"the label field "label" is an object, not a string or an integer"#)
    #expect(problem("1e3") == #"the label field "label" is a number with a fraction (1e3), not a string or an integer"#)
}

@Test func jsonlNullLabelMeansNoLabelWhenLabelsAreOptional() throws {
    let data = try readText(#"{"text": "a", "label": null}"#, name: "input.jsonl", requireLabels: false)
    #expect(data.records == [TextRecord(text: "a", label: nil, line: 1)])
}

@Test func jsonlMissingLabelIsAnErrorWhenRequired() {
    let error = errorReading(#"""
    {"text": "a", "label": "x"}
    {"text": "b", "label": "y"}
    {"text": "c"}
    """#, name: "train.jsonl")
    #expect(error?.description == #"train.jsonl:3: the label field "label" is missing (use --label-field to name the field that holds the label)"#)
    #expect(error?.line == 3)
}

@Test func jsonlMissingLabelIsNilWhenOptional() throws {
    let data = try readText(#"{"text": "c", "id": 7}"#, name: "input.jsonl", requireLabels: false)
    #expect(data.records == [TextRecord(text: "c", label: nil, line: 1, fields: ["id": "7"])])
}

@Test func jsonlBlankLabelIsAnErrorWhenRequired() {
    let error = errorReading(#"{"text": "a", "label": "  "}"#, name: "data.jsonl")
    #expect(error?.description == #"data.jsonl:1: the label field "label" is empty (training and evaluation need a label on every record)"#)
}

@Test func jsonlLabelsAreTrimmed() throws {
    let data = try readText(#"{"text": " a ", "label": " pos\t"}"#, name: "data.jsonl")
    #expect(data.records == [TextRecord(text: " a ", label: "pos", line: 1)])
}

@Test func jsonlMissingTextFieldListsTheFieldsTheObjectHas() {
    let error = errorReading(#"{"body": "x", "label": "pos"}"#, name: "train.jsonl")
    #expect(error?.description == #"train.jsonl:1: the text field "text" is missing (use --text-field to name the field that holds the text; this object has the fields "body", "label")"#)
    let empty = errorReading("{}", name: "train.jsonl")
    #expect(empty?.hint == "use --text-field to name the field that holds the text; this object has no fields")
}

@Test func jsonlTextMustBeAString() {
    let error = errorReading(#"{"text": 5, "label": "a"}"#, name: "train.jsonl")
    #expect(error?.description == #"train.jsonl:1: the text field "text" is an integer (5), not a string (use --text-field to name the field that holds the text)"#)
    let null = errorReading(#"{"text": null, "label": "a"}"#, name: "train.jsonl")
    #expect(null?.problem == #"the text field "text" is null, not a string"#)
}

@Test func jsonlCustomFieldNames() throws {
    let data = try readText(#"{"review": "nice", "stars": 5, "text": "other"}"#, name: "data.jsonl",
                            textField: "review", labelField: "stars")
    #expect(data.records == [TextRecord(text: "nice", label: "5", line: 1, fields: ["text": "other"])])
}

@Test func jsonlInvalidJSONNamesTheLineTheReasonAndTheColumn() {
    let error = errorReading(#"""
    {"text": "ok", "label": "a"}
    {"text": "a" "label": "b"}
    """#, name: "train.jsonl")
    #expect(error?.description == #"train.jsonl:2: is not valid JSON: expected ',' or '}' after the value of "text", found '"' at column 14 (each line must be one complete JSON object, like {"text": "…", "label": "…"})"#)
}

@Test func jsonlSyntaxErrorsAreSpecific() {
    func problem(_ line: String) -> String? { errorReading(line, name: "data.jsonl")?.problem }
    #expect(problem(#"{"text": "a", "label": "b",}"#)
        == "is not valid JSON: expected a field name in double quotes, found '}' at column 28")
    #expect(problem(#"{"text": "a", "label": "b"} x"#)
        == "is not valid JSON: unexpected 'x' after the end of the JSON value at column 29")
    #expect(problem(#"{"text": "é" x}"#)  // columns count characters, not bytes
        == #"is not valid JSON: expected ',' or '}' after the value of "text", found 'x' at column 14"#)
    #expect(problem(#"{"text": "abc"#)
        == "is not valid JSON: the string that starts here is not closed before the end of the line at column 10")
    #expect(problem(#"{"text": 01}"#)
        == #"is not valid JSON: expected ',' or '}' after the value of "text", found '1' at column 11"#)
    #expect(problem("{'text': 'a'}")
        == "is not valid JSON: expected a field name in double quotes, found ''' at column 2")
    #expect(problem("{\"text\": \"a\tb\"}")
        == "is not valid JSON: control character 0x09 (a tab; write it as \\t) inside a string must be escaped at column 12")
    #expect(problem(#"{"text": "a\qb"}"#)?.hasPrefix("is not valid JSON: invalid escape 'q' after a backslash") == true)
    #expect(problem(#"{"text": True}"#) == "is not valid JSON: expected a value, found 'T' at column 10")
}

@Test func jsonlDeepNestingIsRefusedNotCrashing() {
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    let error = errorReading(#"{"text": "a", "label": "b", "x": "# + deep + "}", name: "data.jsonl")
    #expect(error?.problem.contains("nested more than 512 deep") == true)
}

@Test func jsonlLineThatIsNotAnObjectIsAnError() {
    let array = errorReading(#"["a", "b"]"#, name: "data.jsonl")
    #expect(array?.description == "data.jsonl:1: holds an array, not a JSON object (JSON Lines needs one object a line; a file holding one JSON array converts with: jq -c '.[]')")
    #expect(errorReading(#""just text""#, name: "data.jsonl")?.problem == "holds a string, not a JSON object")
    #expect(errorReading("42", name: "data.jsonl")?.problem == "holds an integer (42), not a JSON object")
}

@Test func jsonlEscapesAreDecoded() throws {
    let data = try readText(#"{"text": "caf\u00e9 \"q\" a\tb\nc \ud83d\ude00 \/ \\", "label": "x"}"#, name: "data.jsonl")
    #expect(data.records.first?.text == "café \"q\" a\tb\nc \u{1F600} / \\")
}

@Test func jsonlUnpairedSurrogateBecomesReplacementCharacter() throws {
    let data = try readText(#"{"text": "a\ud800b", "label": "x"}"#, name: "data.jsonl")
    #expect(data.records.first?.text == "a\u{FFFD}b")
}

@Test func jsonlSkipsBlankLinesAndKeepsLineNumbers() throws {
    let text = ["", #"{"text": "a", "label": "x"}"#, "   ", #"{"text": "b", "label": "y"}"#, ""]
        .joined(separator: "\n")
    let data = try readText(text, name: "data.jsonl")
    #expect(data.records == [
        TextRecord(text: "a", label: "x", line: 2),
        TextRecord(text: "b", label: "y", line: 4),
    ])
}

@Test func jsonlKeepsEmptyTexts() throws {
    let data = try readText(#"""
    {"text": "", "label": "a"}
    {"text": "   ", "label": "b"}
    """#, name: "data.jsonl")
    #expect(data.records.map(\.text) == ["", "   "])
}

/// Strings are scanned eight bytes at a time for quotes, backslashes and control bytes; every
/// escape at every offset of texts up to 40 bytes decodes as Foundation's JSON reader decodes it,
/// and a raw control byte at any offset is still refused.
@Test func jsonlStringsDecodeEscapesAtEveryOffset() throws {
    let escapes = [#"\""#, #"\\"#, #"\n"#, #"\u00e9"#, #"\ud83d\ude00"#, #"\/"#]
    for length in 0...40 {
        for offset in 0...length {
            for escape in escapes {
                let plain = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + ($0 % 26)))) })
                let raw = String(plain.prefix(offset)) + escape + String(plain.dropFirst(offset))
                let line = "{\"text\": \"\(raw)\", \"label\": \"x\"}"
                let expected = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: String]
                #expect(try readText(line, name: "t.jsonl").records[0].text == expected["text"])
            }
            let bad = Array("{\"text\": \"".utf8) + Array(repeating: UInt8(97), count: offset) + [0x09]
                + Array(repeating: UInt8(98), count: length - offset) + Array("\", \"label\": \"x\"}".utf8)
            #expect(throws: DataFileError.self) { try readBytes(bad, name: "t.jsonl") }
        }
    }
}
