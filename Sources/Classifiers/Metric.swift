/// The number a report leads with and a tuner maximises, chosen by `--metric`.
///
/// - `accuracy`, `macro-f1`, `macro-recall`: as in ``ClassificationReport``.
/// - `f1-avg:a,b`: the mean F1 of the named labels only — the SemEval-2016/TweetEval stance
///   score is `f1-avg:against,favor` (the F1 of "none" is left out), computed over all targets'
///   predictions pooled together.
public enum Metric: Sendable, Equatable, Codable, CustomStringConvertible {
    case accuracy
    case macroF1
    case macroRecall
    case f1Average([String])

    public init?(parsing text: String) {
        switch text.lowercased() {
        case "accuracy", "acc": self = .accuracy
        case "macro-f1", "f1": self = .macroF1
        case "macro-recall", "recall": self = .macroRecall
        default:
            guard text.hasPrefix("f1-avg:") else { return nil }
            let labels = text.dropFirst("f1-avg:".count).split(separator: ",").map { String($0).trimmingSpaces }
            guard !labels.isEmpty, !labels.contains(where: \.isEmpty) else { return nil }
            self = .f1Average(labels)
        }
    }

    public var description: String {
        switch self {
        case .accuracy: return "accuracy"
        case .macroF1: return "macro-f1"
        case .macroRecall: return "macro-recall"
        case .f1Average(let labels): return "f1-avg:" + labels.joined(separator: ",")
        }
    }

    /// The metric's value on a report; throws when `f1-avg` names a label the report lacks.
    public func value(_ report: ClassificationReport) throws(TrainingError) -> Double {
        switch self {
        case .accuracy: return report.accuracy
        case .macroF1: return report.macroF1
        case .macroRecall: return report.macroRecall
        case .f1Average(let labels):
            var sum = 0.0
            for label in labels {
                guard let scores = report.classes.first(where: { $0.label == label }) else {
                    throw .invalidParameter("--metric \(description) names the label \"\(label)\", which the data does not have (labels: \(report.labels.joined(separator: ", ")))")
                }
                sum += scores.f1
            }
            return sum / Double(labels.count)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
