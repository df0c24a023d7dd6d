extension EvaluationReportInput {
    /// What is wrong with the input's shape, one sentence each; empty when it can be reported on.
    ///
    /// Why a list and not a crash or a thrown error: the report is a view of someone else's
    /// output, often generated at the end of a long run; a page that says "example 12: 2
    /// probabilities for 3 labels" is more useful than a trap, and `html` stays non-throwing.
    /// Only the first bad example of each kind is named, so a wholly misaligned file does not
    /// produce a million lines.
    var inconsistencies: [String] {
        var problems: [String] = []
        let n = truth.count
        if n > 0 && labels.isEmpty {
            problems.append("there are \(n) examples but no labels")
        }
        if probabilities.count != n {
            problems.append("there are \(n) true labels but \(probabilities.count) probability rows")
        }
        if texts.count != n {
            problems.append("there are \(n) true labels but \(texts.count) texts")
        }
        if let explanations, explanations.count != n {
            problems.append("there are \(n) true labels but \(explanations.count) explanations")
        }
        if !labels.isEmpty, let bad = truth.firstIndex(where: { !labels.indices.contains($0) }) {
            problems.append("example \(bad + 1): true label index \(truth[bad]) is not one of the \(labels.count) labels (0–\(labels.count - 1))")
        }
        if !labels.isEmpty, let bad = probabilities.firstIndex(where: { $0.count != labels.count }) {
            problems.append("example \(bad + 1): \(probabilities[bad].count) probabilities for \(labels.count) labels")
        }
        return problems
    }
}
