/// Accuracy, per-class precision/recall/F1 and the confusion matrix for one set of predictions.
///
/// Conventions follow scikit-learn's `classification_report`: a ratio with a zero denominator
/// (a class never predicted, or absent from the truth) counts as 0; macro averages weigh every
/// label equally, weighted averages by support.
public struct ClassificationReport: Sendable, Equatable, Codable {
    public struct ClassScores: Sendable, Equatable, Codable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public var labels: [String]
    /// confusion[t][p]: examples of true label t predicted as p.
    public var confusion: [[Int]]
    public var classes: [ClassScores]
    public var accuracy: Double
    public var macroPrecision: Double
    public var macroRecall: Double
    public var macroF1: Double
    public var weightedF1: Double
    public var count: Int

    /// `truth` and `predicted` are indices into `labels`.
    public init(labels: [String], truth: [Int], predicted: [Int]) {
        precondition(truth.count == predicted.count, "ClassificationReport: \(truth.count) truths, \(predicted.count) predictions")
        let k = labels.count
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for (t, p) in zip(truth, predicted) { confusion[t][p] += 1 }
        let n = truth.count
        var classes: [ClassScores] = []
        for c in 0..<k {
            let tp = Double(confusion[c][c])
            let predictedAsC = Double((0..<k).reduce(0) { $0 + confusion[$1][c] })
            let support = confusion[c].reduce(0, +)
            let precision = predictedAsC > 0 ? tp / predictedAsC : 0
            let recall = support > 0 ? tp / Double(support) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            classes.append(ClassScores(label: labels[c], precision: precision, recall: recall, f1: f1, support: support))
        }
        let correct = (0..<k).reduce(0) { $0 + confusion[$1][$1] }
        self.labels = labels
        self.confusion = confusion
        self.classes = classes
        self.count = n
        self.accuracy = n > 0 ? Double(correct) / Double(n) : 0
        let kd = Double(max(k, 1))
        self.macroPrecision = classes.reduce(0) { $0 + $1.precision } / kd
        self.macroRecall = classes.reduce(0) { $0 + $1.recall } / kd
        self.macroF1 = classes.reduce(0) { $0 + $1.f1 } / kd
        self.weightedF1 = n > 0 ? classes.reduce(0) { $0 + $1.f1 * Double($1.support) } / Double(n) : 0
    }
}
