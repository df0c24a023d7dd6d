/// How far a classifier's confidence can be taken at its word: reliability bins and the expected
/// calibration error (ECE), as in Guo et al. 2017, "On Calibration of Modern Neural Networks".
///
/// Each prediction's *confidence* is its highest class probability, and it is *correct* when
/// that class is the true one. Predictions fall into `binCount` equal-width bins over [0, 1]:
/// bin m (from 0) holds confidences in (m/M, (m+1)/M], and the first bin also takes 0 — the
/// half-open-on-the-left intervals of the paper. Per bin we keep the count, the mean confidence
/// and the accuracy; a well-calibrated model has accuracy ≈ confidence in every bin.
///
///     ECE = Σ_m (|B_m| / n) · |acc(B_m) − conf(B_m)|
///
/// Why equal-width rather than equal-mass bins: it is the form readers know from the paper and
/// from scikit-learn's `calibration_curve`, so numbers can be compared; the reliability
/// diagram shows the bin counts beside it, because a badly calibrated but nearly empty bin
/// hardly moves the ECE. Empty bins report a mean confidence and accuracy of 0 and contribute
/// nothing; an empty input has ECE 0.
public struct Calibration: Sendable, Equatable {
    public struct Bin: Sendable, Equatable {
        /// Confidences in (lowerBound, upperBound] fall here (the first bin also takes 0).
        public var lowerBound: Double
        public var upperBound: Double
        public var count: Int
        /// Mean confidence of the predictions in the bin; 0 when it is empty.
        public var meanConfidence: Double
        /// Share of the bin's predictions that are correct; 0 when it is empty.
        public var accuracy: Double
    }

    public var bins: [Bin]
    /// The number of predictions binned.
    public var count: Int
    public var expectedCalibrationError: Double

    /// Bins predictions given as confidence and correctness.
    ///
    /// - Parameters:
    ///   - confidences: one per prediction. A NaN counts as 0 and values are clamped to [0, 1],
    ///     so a malformed probability lands in an end bin instead of nowhere.
    ///   - correct: one per prediction; pairs beyond the shorter of the two arrays are ignored.
    ///   - binCount: the number of equal-width bins, default 10 (values below 1 mean 1).
    public init(confidences: [Double], correct: [Bool], binCount: Int = 10) {
        let binTotal = max(binCount, 1)
        var counts = [Int](repeating: 0, count: binTotal)
        var confidenceSums = [Double](repeating: 0, count: binTotal)
        var correctCounts = [Int](repeating: 0, count: binTotal)
        for (rawConfidence, isCorrect) in zip(confidences, correct) {
            let confidence = rawConfidence.isNaN ? 0 : min(max(rawConfidence, 0), 1)
            let bin = Self.binIndex(confidence, binCount: binTotal)
            counts[bin] += 1
            confidenceSums[bin] += confidence
            if isCorrect { correctCounts[bin] += 1 }
        }
        let n = counts.reduce(0, +)
        var bins: [Bin] = []
        var error = 0.0
        for m in 0..<binTotal {
            let count = counts[m]
            let meanConfidence = count > 0 ? confidenceSums[m] / Double(count) : 0
            let accuracy = count > 0 ? Double(correctCounts[m]) / Double(count) : 0
            bins.append(Bin(
                lowerBound: Self.boundary(m, binCount: binTotal), upperBound: Self.boundary(m + 1, binCount: binTotal),
                count: count, meanConfidence: meanConfidence, accuracy: accuracy))
            if count > 0 { error += Double(count) / Double(n) * (accuracy - meanConfidence).magnitude }
        }
        self.bins = bins
        self.count = n
        self.expectedCalibrationError = error
    }

    /// Bins the predictions of a classifier: confidence is each row's highest probability, and a
    /// prediction is correct when that label (ties to the lower index, as in
    /// ``ClassificationSummary/predictedLabel(_:)``) is the true one.
    public init(probabilities: [[Double]], truth: [Int], binCount: Int = 10) {
        var confidences: [Double] = [], correct: [Bool] = []
        for (row, trueLabel) in zip(probabilities, truth) {
            let predicted = ClassificationSummary.predictedLabel(row)
            confidences.append(row.isEmpty ? 0 : row[predicted])
            correct.append(!row.isEmpty && predicted == trueLabel)
        }
        self.init(confidences: confidences, correct: correct, binCount: binCount)
    }

    /// m/M, computed by one correctly rounded division so that 0.4 is the same double whether
    /// it is written in a test or computed as 2/5 here.
    static func boundary(_ m: Int, binCount: Int) -> Double {
        Double(m) / Double(binCount)
    }

    /// The bin of a confidence in [0, 1]: a first guess from ⌈c·M⌉ − 1, then corrected against
    /// the boundaries themselves, because c·M can round across an integer (0.7·10 and friends).
    static func binIndex(_ confidence: Double, binCount: Int) -> Int {
        var m = min(max(Int((confidence * Double(binCount)).rounded(.up)) - 1, 0), binCount - 1)
        while m > 0 && confidence <= boundary(m, binCount: binCount) { m -= 1 }
        while m < binCount - 1 && confidence > boundary(m + 1, binCount: binCount) { m += 1 }
        return m
    }
}
