@testable import Reports
import Testing

/// Five bins, (0, .2] (.2, .4] (.4, .6] (.6, .8] (.8, 1]:
///   bin 4: 0.9 ✓, 0.9 ✓, 0.85 ✗ → n 3, confidence 2.65/3, accuracy 2/3, gap 0.65/3
///   bin 3: 0.7 ✓, 0.65 ✗        → n 2, confidence 0.675,  accuracy 1/2, gap 0.175
///   bin 1: 0.3 ✗                → n 1, confidence 0.3,    accuracy 0,   gap 0.3
///   ECE = 3/6 · 0.65/3 + 2/6 · 0.175 + 1/6 · 0.3 = (0.65 + 0.35 + 0.3) / 6 = 1.3 / 6
@Test func expectedCalibrationErrorMatchesHandComputation() {
    let c = Calibration(
        confidences: [0.9, 0.9, 0.85, 0.7, 0.65, 0.3], correct: [true, true, false, true, false, false], binCount: 5)
    #expect(c.count == 6)
    #expect(c.bins.map(\.count) == [0, 1, 0, 2, 3])
    #expect(abs(c.bins[4].meanConfidence - 2.65 / 3) < 1e-12)
    #expect(abs(c.bins[4].accuracy - 2.0 / 3) < 1e-12)
    #expect(abs(c.bins[3].meanConfidence - 0.675) < 1e-12 && c.bins[3].accuracy == 0.5)
    #expect(abs(c.bins[1].meanConfidence - 0.3) < 1e-12 && c.bins[1].accuracy == 0)
    #expect(abs(c.expectedCalibrationError - 1.3 / 6) < 1e-12)
}

@Test func emptyBinsReportZeroAndAddNothing() {
    let c = Calibration(confidences: [0.9, 0.3], correct: [true, false], binCount: 5)
    #expect(c.bins[0] == Calibration.Bin(lowerBound: 0, upperBound: 0.2, count: 0, meanConfidence: 0, accuracy: 0))
    #expect(c.bins[2].count == 0 && c.bins[2].meanConfidence == 0 && c.bins[2].accuracy == 0)
}

@Test func binsAreEqualWidthAndClosedOnTheRight() {
    let c = Calibration(confidences: [], correct: [], binCount: 4)
    #expect(c.bins.map(\.lowerBound) == [0, 0.25, 0.5, 0.75])
    #expect(c.bins.map(\.upperBound) == [0.25, 0.5, 0.75, 1])
    // (m/M, (m+1)/M], with 0 in the first bin: a confidence on a boundary belongs to the bin below.
    #expect(Calibration.binIndex(0, binCount: 5) == 0)
    #expect(Calibration.binIndex(0.2, binCount: 5) == 0)
    #expect(Calibration.binIndex(0.200001, binCount: 5) == 1)
    #expect(Calibration.binIndex(0.4, binCount: 5) == 1)
    #expect(Calibration.binIndex(0.5, binCount: 5) == 2)
    #expect(Calibration.binIndex(1, binCount: 5) == 4)
    for m in 1...10 {
        #expect(Calibration.binIndex(Double(m) / 10, binCount: 10) == m - 1, "boundary \(m)/10")
    }
    #expect(Calibration.binIndex(0.7, binCount: 10) == 6)
    #expect(Calibration.binIndex(0.3, binCount: 10) == 2)
}

/// Rows → predicted label (ties to the lower index), confidence, correct:
///   [0.8, 0.2] truth 0 → 0, 0.8 ✓;  [0.6, 0.4] truth 1 → 0, 0.6 ✗
///   [0.3, 0.7] truth 1 → 1, 0.7 ✓;  [0.5, 0.5] truth 1 → 0 (tie), 0.5 ✗
/// Two bins: (0, .5] holds 0.5 ✗ (gap 0.5); (.5, 1] holds 0.8 ✓ 0.6 ✗ 0.7 ✓ (confidence 0.7,
/// accuracy 2/3, gap 1/30). ECE = 1/4 · 0.5 + 3/4 · 1/30 = 0.125 + 0.025 = 0.15.
@Test func probabilitiesAreBinnedByTheirHighestValue() {
    let c = Calibration(
        probabilities: [[0.8, 0.2], [0.6, 0.4], [0.3, 0.7], [0.5, 0.5]], truth: [0, 1, 1, 1], binCount: 2)
    #expect(c.bins.map(\.count) == [1, 3])
    #expect(c.bins[0].meanConfidence == 0.5 && c.bins[0].accuracy == 0)
    #expect(abs(c.bins[1].meanConfidence - 0.7) < 1e-12)
    #expect(abs(c.expectedCalibrationError - 0.15) < 1e-12)
}

@Test func perfectlyCalibratedPredictionsHaveZeroError() {
    let c = Calibration(confidences: [1, 1, 1], correct: [true, true, true])
    #expect(c.expectedCalibrationError == 0)
    #expect(c.bins.count == 10 && c.bins[9].count == 3)
}

@Test func noPredictionsGiveZeroErrorNotNaN() {
    let c = Calibration(confidences: [], correct: [])
    #expect(c.count == 0 && c.expectedCalibrationError == 0)
    #expect(c.bins.allSatisfy { $0.count == 0 && $0.meanConfidence == 0 && $0.accuracy == 0 })
}

@Test func malformedConfidencesLandInAnEndBin() {
    let c = Calibration(confidences: [.nan, -0.5, 1.5], correct: [false, false, true], binCount: 2)
    #expect(c.bins.map(\.count) == [2, 1])
    #expect(c.expectedCalibrationError.isFinite)
    #expect(Calibration(confidences: [0.5], correct: [true], binCount: 0).bins.count == 1)
}
