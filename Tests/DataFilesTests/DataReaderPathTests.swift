import DataFiles
import Foundation
import Testing

// Reading from a path: the file's own problems (missing, a folder, unreadable) and real reads.

@Test func missingFileSaysSoWithAHint() {
    let path = "/nonexistent-stance-folder/train.jsonl"
    let error = errorReading(path: path)
    #expect(error?.file == path)
    #expect(error?.line == nil)
    #expect(error?.problem == "no such file")
    #expect(error?.hint?.hasPrefix("check the path") == true)
}

@Test func folderIsNotADataFile() {
    let path = FileManager.default.temporaryDirectory.path
    let error = errorReading(path: path)
    #expect(error?.description == "\(path): is a folder, not a data file (give the path of a data file inside it)")
}

@Test func unreadableFileIsReported() throws {
    let path = temporaryPath(extension: "jsonl")
    try Data(#"{"text": "a", "label": "b"}"#.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
    // Root can read anything; the check only means something for ordinary users.
    guard !FileManager.default.isReadableFile(atPath: path) else { return }
    let error = errorReading(path: path)
    #expect(error?.problem.hasPrefix("cannot be read") == true)
}

@Test func readsARealFileAndNamesItInErrors() throws {
    let path = temporaryPath(extension: "csv")
    try Data("text,label\nhi,pos\n\"bye\nnow\",neg\n".utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let data = try DataReader.read(path: path, options: DataReaderOptions(requireLabels: true))
    #expect(data.format == .csv)
    #expect(data.records == [
        TextRecord(text: "hi", label: "pos", line: 2),
        TextRecord(text: "bye\nnow", label: "neg", line: 3),
    ])

    let bad = temporaryPath(extension: "csv")
    try Data("text,label\na,b,c\n".utf8).write(to: URL(fileURLWithPath: bad))
    defer { try? FileManager.default.removeItem(atPath: bad) }
    #expect(errorReading(path: bad)?.description.hasPrefix("\(bad):2: has 3 fields") == true)
}

@Test func errorDescriptionsAreOneLineInCompilerStyle() {
    #expect(DataFileError(file: "a.csv", line: 3, problem: "p", hint: "h").description == "a.csv:3: p (h)")
    #expect(DataFileError(file: "a.csv", line: 3, problem: "p").description == "a.csv:3: p")
    #expect(DataFileError(file: "a.csv", problem: "p", hint: "h").description == "a.csv: p (h)")
    #expect(DataFileError(file: "a.csv", problem: "p").description == "a.csv: p")
}
