import Classifiers
import Foundation
import TextFeatures
import Testing

/// Two groups whose words mean opposite things: "green" is "pro" for cars and "con" for paint.
private func groupedCorpus() -> (documents: [Document], labels: [String], groups: [String]) {
    var d: [Document] = [], l: [String] = [], g: [String] = []
    for i in 0..<8 {
        d.append(Document(text: "green \(i)")); l.append("pro"); g.append("cars")
        d.append(Document(text: "grey \(i)")); l.append("con"); g.append("cars")
        d.append(Document(text: "green \(i)")); l.append("con"); g.append("paint")
        d.append(Document(text: "grey \(i)")); l.append("pro"); g.append("paint")
    }
    return (d, l, g)
}

private let trainer = TextClassifierTrainer(features: ClassifierKind.nb.defaultFeatures, parameters: TrainingParameters(kind: .nb))

@Test func groupRoutingSendsEachInputToItsGroupsModel() throws {
    let (documents, labels, groups) = groupedCorpus()
    let bundle = try trainer.trainGrouped(documents: documents, labels: labels, groups: groups, groupField: "target")
    #expect(bundle.groups == ["cars", "paint"])
    #expect(bundle.labels == ["con", "pro"])
    let predictions = try bundle.predict(["green", "green", "grey"], groups: ["cars", "paint", "paint"])
    #expect(predictions.map(\.label) == ["pro", "con", "pro"])
    for p in predictions { #expect(abs(p.probabilities.reduce(0, +) - 1) < 1e-12) }
    #expect(throws: RoutingError.self) { try bundle.predict(["green"], groups: ["boats"]) }
}

@Test func groupedModelFilesRoundTripAsFormatTwo() throws {
    let (documents, labels, groups) = groupedCorpus()
    let bundle = try trainer.trainGrouped(documents: documents, labels: labels, groups: groups, groupField: "target")
    let bytes = ModelFile.encode(bundle)
    #expect(bytes[8] == 2 && bytes[9] == 0)
    let loaded = try ModelFile.decodeBundle(bytes, path: "g")
    #expect(loaded == bundle)
    #expect(throws: ModelFileError.self) { try ModelFile.decode(bytes, path: "g") }   // a single-model reader refuses it
    var damaged = bytes
    damaged[bytes.count / 2] ^= 1
    #expect(throws: ModelFileError.self) { try ModelFile.decodeBundle(damaged, path: "g") }
    // A single classifier still reads as a bundle of one.
    let single = try trainer.train(documents: documents, labels: labels)
    #expect(try ModelFile.decodeBundle(ModelFile.encode(single), path: "s").single == single)
}

@Test func groupedCrossValidationPoolsEveryGroupsPredictions() throws {
    let (documents, labels, groups) = groupedCorpus()
    let cv = CrossValidation(trainer: trainer, folds: 4, seed: 1, metric: .f1Average(["pro"]))
    let report = try cv.run(documents: documents, labels: labels, groups: groups)
    #expect(report.pooled.count == documents.count)
    #expect(report.pooledScore == 1)             // perfectly separable within each group
    let ungrouped = try cv.run(documents: documents, labels: labels)
    #expect(ungrouped.pooledScore < 0.75)        // one model cannot tell the groups apart
}

@Test func metricsParseAndComputeOnAReport() throws {
    #expect(Metric(parsing: "macro-f1") == .macroF1)
    #expect(Metric(parsing: "f1-avg:against, favor") == .f1Average(["against", "favor"]))
    #expect(Metric(parsing: "f1-avg:") == nil)
    #expect(Metric(parsing: "bogus") == nil)
    // truth a a b c, predicted a b b c: F1(a) = 2/3, F1(b) = 2/3, F1(c) = 1, recall (1/2, 1, 1)
    let report = ClassificationReport(labels: ["a", "b", "c"], truth: [0, 0, 1, 2], predicted: [0, 1, 1, 2])
    #expect(abs(try Metric.f1Average(["a", "c"]).value(report) - (2.0 / 3 + 1) / 2) < 1e-12)
    #expect(abs(try Metric.macroRecall.value(report) - (0.5 + 1 + 1) / 3) < 1e-12)
    #expect(try Metric.accuracy.value(report) == 0.75)
    #expect(throws: TrainingError.self) { try Metric.f1Average(["z"]).value(report) }
}
