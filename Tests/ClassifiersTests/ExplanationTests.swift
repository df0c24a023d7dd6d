import Classifiers
import Foundation
import LinearAlgebra
import TextFeatures
import Testing

@Test(arguments: [ClassifierKind.logreg, .nb, .nblr])
func contributionsAddUpToTheScoreDifferences(kind: ClassifierKind) throws {
    let texts = ["we welcome the talks", "we cannot trust them", "talks were useful", "they lied again",
                 "a good step forward", "no basis for trust", "the meeting is on tuesday", "delegates arrive monday"]
    let labels = ["pro", "con", "pro", "con", "pro", "con", "neutral", "neutral"]
    let classifier = try TextClassifierTrainer(features: kind.defaultFeatures, parameters: TrainingParameters(kind: kind))
        .train(texts: texts, labels: labels)
    let document = Document(text: "we trust the talks on tuesday")
    let e = classifier.explain(document, top: 10_000)
    let scores = classifier.model.scores(classifier.features.transform([document]))
    let mean = scores.row(0).reduce(0, +) / Double(classifier.labels.count)
    for (c, label) in classifier.labels.enumerated() {
        let total = (e.towards[label] ?? []).reduce(0) { $0 + $1.contribution } + (e.against[label] ?? []).reduce(0) { $0 + $1.contribution } + e.bias[label]!
        #expect(abs(total - (scores[0, c] - mean)) < 1e-9, "\(label)")
    }
    #expect(e.label == classifier.predict(document.text).label)
    #expect(e.towards.values.allSatisfy { list in list.allSatisfy { !$0.feature.hasPrefix("#") } })   // every feature named
}
