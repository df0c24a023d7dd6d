/// The precision–recall trade-off for one label, scored one-vs-rest on its probability, and its
/// average precision (AP).
///
/// Examples are ranked by score, highest first; the threshold steps down through the distinct
/// scores, and at each step every example with that score becomes "predicted positive" at
/// once. Why together: examples with equal scores cannot be told apart, so no threshold can
/// admit one without the others; ranking them one by one (say, positives first) would invent
/// an order and inflate the curve. This is scikit-learn's `precision_recall_curve`.
///
/// AP summarises the curve as a step-wise sum, as scikit-learn's `average_precision_score`:
///
///     AP = Σ_n (R_n − R_{n−1}) · P_n,   R_0 = 0
///
/// over the thresholds in decreasing order. Unlike the trapezoidal area it does not interpolate
/// between points, which would be optimistic. A label with no positive examples has no curve and
/// AP 0 (scikit-learn warns and returns a meaningless value instead).
public struct PrecisionRecallCurve: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var recall: Double
        public var precision: Double
        /// Examples scoring at least this much are predicted positive.
        public var threshold: Double
    }

    /// One point per distinct score, thresholds decreasing, so recall never decreases.
    public var points: [Point]
    public var averagePrecision: Double
    /// The number of positive examples.
    public var positiveCount: Int

    /// - Parameters:
    ///   - scores: one per example; higher means more likely positive. A NaN ranks below every
    ///     number (its point's threshold is −∞), so it never jumps the queue.
    ///   - isPositive: one per example; pairs beyond the shorter array are ignored.
    public init(scores: [Double], isPositive: [Bool]) {
        let n = min(scores.count, isPositive.count)
        let positives = isPositive.prefix(n).reduce(0) { $0 + ($1 ? 1 : 0) }
        self.positiveCount = positives
        guard positives > 0 else {
            self.points = []
            self.averagePrecision = 0
            return
        }
        let ranked = (0..<n)
            .map { (score: scores[$0].isNaN ? -Double.infinity : scores[$0], positive: isPositive[$0]) }
            .sorted { $0.score > $1.score }
        var points: [Point] = []
        var truePositives = 0, falsePositives = 0, previousRecall = 0.0, averagePrecision = 0.0
        var next = 0
        while next < ranked.count {
            let threshold = ranked[next].score
            while next < ranked.count && ranked[next].score == threshold {
                if ranked[next].positive { truePositives += 1 } else { falsePositives += 1 }
                next += 1
            }
            let precision = Double(truePositives) / Double(truePositives + falsePositives)
            let recall = Double(truePositives) / Double(positives)
            averagePrecision += (recall - previousRecall) * precision
            previousRecall = recall
            points.append(Point(recall: recall, precision: precision, threshold: threshold))
        }
        self.points = points
        self.averagePrecision = averagePrecision
    }

    /// The curve of label `classIndex`: its probability is the score, and an example is positive
    /// when its true label is `classIndex`. A row too short to hold the label scores 0.
    public init(probabilities: [[Double]], truth: [Int], classIndex: Int) {
        self.init(
            scores: probabilities.map { $0.indices.contains(classIndex) ? $0[classIndex] : 0 },
            isPositive: truth.map { $0 == classIndex })
    }
}
