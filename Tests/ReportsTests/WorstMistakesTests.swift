@testable import Reports
import Testing

/// Wrong predictions: example 1 (0.6), 2 (0.9), 3 (0.6), 4 (0.55). Worst first, equal
/// probabilities in example order: 2, 1, 3, 4. With example 4 at [0.5, 0.5], the tie goes to
/// label 0, which is still wrong (truth 1), so it is still the fourth mistake.
@Test func worstMistakesAreTheMostConfidentWrongPredictions() {
    let mistakes = WorstMistakes(
        truth: [0, 1, 0, 0, 1, 1],
        probabilities: [[0.9, 0.1], [0.6, 0.4], [0.1, 0.9], [0.4, 0.6], [0.55, 0.45], [0.2, 0.8]],
        limit: 3)
    #expect(mistakes.total == 4)
    #expect(mistakes.shown.map(\.index) == [2, 1, 3])
    #expect(mistakes.shown[0] == WorstMistakes.Mistake(index: 2, truth: 0, predicted: 1, confidence: 0.9, truthProbability: 0.1))
    let all = WorstMistakes(truth: [0, 1, 0, 0, 1, 1], probabilities: [[0.9, 0.1], [0.6, 0.4], [0.1, 0.9], [0.4, 0.6], [0.5, 0.5], [0.2, 0.8]], limit: 10)
    #expect(all.shown.map(\.index) == [2, 1, 3, 4])
}

@Test func noMistakesAndNoLimitGiveNothing() {
    #expect(WorstMistakes(truth: [0, 1], probabilities: [[0.9, 0.1], [0.2, 0.8]], limit: 5).shown.isEmpty)
    let none = WorstMistakes(truth: [1], probabilities: [[0.9, 0.1]], limit: 0)
    #expect(none.shown.isEmpty && none.total == 1)
}
