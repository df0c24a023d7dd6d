@testable import Reports
import Testing

/// scores [0.9, 0.8, 0.8, 0.3], positives [1, 0, 1, 0]; 2 positives. Thresholds step down:
///   ≥ 0.9: TP 1, FP 0        → R 1/2, P 1
///   ≥ 0.8: both 0.8s at once → TP 2, FP 1 → R 1, P 2/3
///   ≥ 0.3: TP 2, FP 2        → R 1, P 1/2
///   AP = (1/2 − 0)·1 + (1 − 1/2)·2/3 + (1 − 1)·1/2 = 1/2 + 1/3 = 5/6 ≈ 0.8333
/// Ranking the tied positive first would give (1/2, 1), (1, 1), … and AP 1: ties must enter together.
@Test func averagePrecisionTreatsTiedScoresTogether() {
    let curve = PrecisionRecallCurve(scores: [0.9, 0.8, 0.8, 0.3], isPositive: [true, false, true, false])
    #expect(curve.positiveCount == 2)
    #expect(curve.points.map(\.threshold) == [0.9, 0.8, 0.3])
    #expect(curve.points.map(\.recall) == [0.5, 1, 1])
    #expect(curve.points[0].precision == 1)
    #expect(abs(curve.points[1].precision - 2.0 / 3) < 1e-12)
    #expect(curve.points[2].precision == 0.5)
    #expect(abs(curve.averagePrecision - 5.0 / 6) < 1e-12)
}

/// scikit-learn's documented example: y_true [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8] → 0.83.
///   0.8 ✓ (R 1/2, P 1), 0.4 ✗ (R 1/2, P 1/2), 0.35 ✓ (R 1, P 2/3), 0.1 ✗ (R 1, P 1/2)
///   AP = 1/2 · 1 + 0 · 1/2 + 1/2 · 2/3 + 0 · 1/2 = 5/6
@Test func averagePrecisionMatchesScikitLearnsExample() {
    let curve = PrecisionRecallCurve(scores: [0.1, 0.4, 0.35, 0.8], isPositive: [false, false, true, true])
    #expect(curve.points.count == 4)
    #expect(abs(curve.averagePrecision - 5.0 / 6) < 1e-12)
}

@Test func aPerfectRankingHasAveragePrecisionOne() {
    let curve = PrecisionRecallCurve(scores: [0.9, 0.8, 0.7], isPositive: [true, true, false])
    #expect(curve.averagePrecision == 1)
    #expect(curve.points.map(\.recall) == [0.5, 1, 1])
}

/// One threshold admits everything: R 1, P = prevalence 2/4, so AP = 1 · 1/2.
@Test func allScoresTiedGiveOnePointAtThePrevalence() {
    let curve = PrecisionRecallCurve(scores: [0.5, 0.5, 0.5, 0.5], isPositive: [true, false, false, true])
    #expect(curve.points == [PrecisionRecallCurve.Point(recall: 1, precision: 0.5, threshold: 0.5)])
    #expect(curve.averagePrecision == 0.5)
}

@Test func aLabelWithNoPositivesHasNoCurveAndZeroAP() {
    let curve = PrecisionRecallCurve(scores: [0.9, 0.2, 0.4], isPositive: [false, false, false])
    #expect(curve.points.isEmpty)
    #expect(curve.averagePrecision == 0)
    #expect(curve.positiveCount == 0)
    let empty = PrecisionRecallCurve(scores: [], isPositive: [])
    #expect(empty.points.isEmpty && empty.averagePrecision == 0)
}

@Test func aNaNScoreRanksLast() {
    let curve = PrecisionRecallCurve(scores: [.nan, 0.9, 0.1], isPositive: [false, true, true])
    #expect(curve.averagePrecision == 1)
    #expect(curve.points.last?.threshold == -.infinity)
}

/// Column 1 of the probabilities is the score, truth == 1 the positives: scores [0.2, 0.7, 0.6],
/// positives [✗, ✓, ✗] → (R 1, P 1) at 0.7, then P 1/2, 1/3; AP 1.
@Test func curveFromProbabilitiesUsesThatLabelsColumn() {
    let curve = PrecisionRecallCurve(
        probabilities: [[0.8, 0.2], [0.3, 0.7], [0.4, 0.6]], truth: [0, 1, 0], classIndex: 1)
    #expect(curve.points.map(\.threshold) == [0.7, 0.6, 0.2])
    #expect(curve.averagePrecision == 1)
    #expect(curve.positiveCount == 1)
}
