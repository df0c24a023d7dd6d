@testable import Reports
import Testing

@Test func argmaxTiesGoToTheLowerIndex() {
    #expect(ClassificationSummary.predictedLabel([0.5, 0.5]) == 0)
    #expect(ClassificationSummary.predictedLabel([0.2, 0.4, 0.4]) == 1)
    #expect(ClassificationSummary.predictedLabel([0.1, 0.2, 0.7]) == 2)
    #expect(ClassificationSummary.predictedLabel([.nan, 0.1]) == 1)
    #expect(ClassificationSummary.predictedLabel([0.3, .nan, 0.2]) == 0)
    #expect(ClassificationSummary.predictedLabel([]) == 0)
}

/// truth a a a b b c, predicted a a b b c c (as in ClassifiersTests):
///   a: P 2/2, R 2/3, F1 0.8;  b: P 1/2, R 1/2, F1 0.5;  c: P 1/2, R 1, F1 2/3
///   macro F1 (0.8 + 0.5 + 2/3)/3; weighted F1 (3·0.8 + 2·0.5 + 1·2/3)/6
@Test func summaryMatchesHandComputation() {
    let s = ClassificationSummary(labels: ["a", "b", "c"], truth: [0, 0, 0, 1, 1, 2], predicted: [0, 0, 1, 1, 2, 2])
    #expect(s.confusion == [[2, 1, 0], [0, 1, 1], [0, 0, 1]])
    #expect(abs(s.accuracy - 4.0 / 6) < 1e-12)
    #expect(s.classes.map(\.support) == [3, 2, 1])
    #expect(s.classes[0].precision == 1 && abs(s.classes[0].recall - 2.0 / 3) < 1e-12 && abs(s.classes[0].f1 - 0.8) < 1e-12)
    #expect(s.classes[1].f1 == 0.5)
    #expect(s.classes[2].recall == 1 && abs(s.classes[2].f1 - 2.0 / 3) < 1e-12)
    #expect(abs(s.macroAverage.f1 - (0.8 + 0.5 + 2.0 / 3) / 3) < 1e-12)
    #expect(abs(s.weightedAverage.f1 - (3 * 0.8 + 2 * 0.5 + 2.0 / 3) / 6) < 1e-12)
    #expect(abs(s.weightedAverage.recall - s.accuracy) < 1e-12)
    #expect(s.macroAverage.label == "macro avg" && s.macroAverage.support == 6)
    #expect(s.weightedAverage.label == "weighted avg" && s.weightedAverage.support == 6)
}

/// The tied row [0.4, 0.4, 0.2] is predicted as label 0, so label 0 is predicted twice.
@Test func summaryFromProbabilitiesUsesTheArgmax() {
    let s = ClassificationSummary(
        labels: ["x", "y", "z"], truth: [0, 2], probabilities: [[0.7, 0.2, 0.1], [0.4, 0.4, 0.2]])
    #expect(s.predicted == [0, 0])
    #expect(s.confusion == [[1, 0, 0], [0, 0, 0], [1, 0, 0]])
    #expect(s.classes[0].precision == 0.5)
}

@Test func aLabelWithNoExamplesScoresZeroNotNaN() {
    let s = ClassificationSummary(labels: ["x", "y", "z"], truth: [0, 1], predicted: [0, 0])
    #expect(s.classes[2] == ClassificationSummary.Row(label: "z", precision: 0, recall: 0, f1: 0, support: 0))
    #expect(s.classes[1].precision == 0 && s.classes[1].f1 == 0)
    #expect(s.macroAverage.f1.isFinite && s.weightedAverage.f1.isFinite)
}

@Test func noExamplesGiveZeros() {
    let s = ClassificationSummary(labels: ["x", "y"], truth: [], predicted: [])
    #expect(s.count == 0 && s.accuracy == 0)
    #expect(s.macroAverage.f1 == 0 && s.weightedAverage.f1 == 0)
}
