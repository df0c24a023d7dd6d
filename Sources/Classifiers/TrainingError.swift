/// Why a model could not be trained. Messages say what was wrong and what to do.
public enum TrainingError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidParameter(String)
    case noExamples
    case singleClass(String)
    case invalidFeatures(String)

    public var description: String {
        switch self {
        case .invalidParameter(let message): return message
        case .noExamples: return "no training examples: the data has no records"
        case .singleClass(let label):
            return "the training data has only one label (\"\(label)\"); a classifier needs examples of at least two labels"
        case .invalidFeatures(let message): return message
        }
    }

    static func checkLabels(_ labels: [Int], rows: Int, classCount: Int) throws(TrainingError) {
        guard rows > 0 else { throw .noExamples }
        guard labels.count == rows else { throw .invalidParameter("\(labels.count) labels for \(rows) rows") }
        guard labels.allSatisfy({ $0 >= 0 && $0 < classCount }) else {
            throw .invalidParameter("labels must be class indices in 0..<\(classCount)")
        }
    }
}
