/// Accuracy, per-class precision/recall/F1/support and the confusion matrix, computed from the
/// true labels and the argmax of the predicted probabilities.
///
/// `Reports` depends on nothing but the standard library, so it computes these itself rather
/// than importing `Classifiers`; the conventions are the same (scikit-learn's
/// `classification_report`): a ratio with a zero denominator (a label never predicted, or with
/// no examples) counts as 0, the macro average weighs every label equally, the weighted average
/// weighs each by its support.
public struct ClassificationSummary: Sendable, Equatable {
    /// One line of the per-class table; also used for the macro and weighted averages, whose
    /// support is the number of examples.
    public struct Row: Sendable, Equatable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int

        public init(label: String, precision: Double, recall: Double, f1: Double, support: Int) {
            self.label = label
            self.precision = precision
            self.recall = recall
            self.f1 = f1
            self.support = support
        }
    }

    public var labels: [String]
    /// The predicted label of each example, an index into `labels`.
    public var predicted: [Int]
    /// confusion[t][p]: examples of true label t predicted as p.
    public var confusion: [[Int]]
    public var classes: [Row]
    public var macroAverage: Row
    public var weightedAverage: Row
    /// Share of examples predicted right; 0 when there are none.
    public var accuracy: Double
    public var count: Int

    /// The predicted label of one example: the index of its highest probability.
    ///
    /// Ties go to the lower index, so the result never depends on floating-point noise in the
    /// order of comparisons; a NaN never wins over a number. An empty row gives 0.
    public static func predictedLabel(_ probabilities: [Double]) -> Int {
        var best = 0
        for index in probabilities.indices.dropFirst() {
            let value = probabilities[index], bestValue = probabilities[best]
            if value > bestValue || (bestValue.isNaN && !value.isNaN) { best = index }
        }
        return best
    }

    /// Scores the argmax of each probability row (see ``predictedLabel(_:)``) against `truth`.
    public init(labels: [String], truth: [Int], probabilities: [[Double]]) {
        self.init(labels: labels, truth: truth, predicted: probabilities.map(Self.predictedLabel))
    }

    /// `truth` and `predicted` are indices into `labels`; pairs beyond the shorter array, or with
    /// an index outside `labels`, are left out of the confusion matrix (and so count as wrong).
    public init(labels: [String], truth: [Int], predicted: [Int]) {
        let k = labels.count
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for (t, p) in zip(truth, predicted) where labels.indices.contains(t) && labels.indices.contains(p) {
            confusion[t][p] += 1
        }
        let n = truth.count
        var classes: [Row] = []
        for c in 0..<k {
            let truePositives = Double(confusion[c][c])
            let predictedAsC = (0..<k).reduce(0) { $0 + confusion[$1][c] }
            let support = confusion[c].reduce(0, +)
            let precision = predictedAsC > 0 ? truePositives / Double(predictedAsC) : 0
            let recall = support > 0 ? truePositives / Double(support) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            classes.append(Row(label: labels[c], precision: precision, recall: recall, f1: f1, support: support))
        }
        let correct = (0..<k).reduce(0) { $0 + confusion[$1][$1] }
        let labelCount = Double(max(k, 1))
        let total = Double(max(n, 1))
        self.labels = labels
        self.predicted = predicted
        self.confusion = confusion
        self.classes = classes
        self.count = n
        self.accuracy = n > 0 ? Double(correct) / Double(n) : 0
        self.macroAverage = Row(
            label: "macro avg",
            precision: classes.reduce(0) { $0 + $1.precision } / labelCount,
            recall: classes.reduce(0) { $0 + $1.recall } / labelCount,
            f1: classes.reduce(0) { $0 + $1.f1 } / labelCount,
            support: n)
        self.weightedAverage = Row(
            label: "weighted avg",
            precision: classes.reduce(0) { $0 + $1.precision * Double($1.support) } / total,
            recall: classes.reduce(0) { $0 + $1.recall * Double($1.support) } / total,
            f1: classes.reduce(0) { $0 + $1.f1 * Double($1.support) } / total,
            support: n)
    }
}
