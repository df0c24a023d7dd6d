import Classifiers
import Foundation
import TextFeatures
import Testing

private let texts = ["we welcome the talks", "we cannot trust them", "talks were useful", "they lied again",
                     "a good step forward", "no basis for trust"]
private let labels = ["pro", "con", "pro", "con", "pro", "con"]

private func trained(_ kind: ClassifierKind, hashBits: Int? = nil) throws -> TextClassifier {
    var features = kind.defaultFeatures
    features.hashBits = hashBits
    return try TextClassifierTrainer(features: features, parameters: TrainingParameters(kind: kind)).train(texts: texts, labels: labels)
}

private func temporaryPath(_ name: String) -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stance-tests-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent(name).path
}

@Test(arguments: [ClassifierKind.logreg, .nb, .complementNB])
func loadedModelScoresExactlyAsSaved(kind: ClassifierKind) throws {
    let original = try trained(kind)
    let path = temporaryPath("roundtrip-\(kind.rawValue).stance")
    try ModelFile.write(original, to: path)
    let loaded = try ModelFile.read(from: path)
    #expect(loaded == original)
    let probe = ["we trust the talks", "unseen words only", ""]
    #expect(loaded.predict(probe) == original.predict(probe))
    #expect(ModelFile.encode(loaded) == ModelFile.encode(original))
}

@Test func hashedModelRoundTrips() throws {
    let original = try trained(.logreg, hashBits: 12)
    let loaded = try ModelFile.decode(ModelFile.encode(original), path: "m")
    #expect(loaded == original)
}

@Test func trainingTwiceGivesIdenticalBytes() throws {
    #expect(ModelFile.encode(try trained(.logreg)) == ModelFile.encode(try trained(.logreg)))
}

@Test func modelFileRejectsAFlippedBitAnywhere() throws {
    let bytes = ModelFile.encode(try trained(.nb))
    for offset in stride(from: 12, to: bytes.count, by: max(1, bytes.count / 97)) {
        var damaged = bytes
        damaged[offset] ^= 0x10
        #expect(throws: ModelFileError.self) { try ModelFile.decode(damaged, path: "m") }
    }
}

@Test func modelFileRejectsTruncationForeignFilesAndNewerVersions() throws {
    let bytes = ModelFile.encode(try trained(.nb))
    #expect(throws: ModelFileError.self) { try ModelFile.decode(Array(bytes.prefix(bytes.count - 9)), path: "m") }
    #expect(throws: ModelFileError.truncated(path: "m")) { try ModelFile.decode(Array(bytes.prefix(5)), path: "m") }
    #expect(throws: ModelFileError.notAModel(path: "m")) { try ModelFile.decode(Array("label\ttext\n".utf8), path: "m") }
    var newer = bytes
    newer[8] = 9   // major version 9
    #expect(throws: ModelFileError.unsupportedVersion(path: "m", found: "9.0", createdBy: StanceVersion.current, supported: "1.0")) {
        try ModelFile.decode(newer, path: "m")
    }
    let message = ModelFileError.unsupportedVersion(path: "m", found: "9.0", createdBy: "stance 9.1.0", supported: "1.0").description
    #expect(message.contains("made by stance 9.1.0") && message.contains("this is \(StanceVersion.current)"))
}

@Test func writingIntoAMissingFolderFailsAndLeavesNothing() throws {
    let model = try trained(.nb)
    #expect(throws: ModelFileError.self) { try ModelFile.write(model, to: "/nonexistent-folder/m.stance") }
}
