import Classifiers

extension ClassificationReport {
    /// The human-readable report: per-class precision/recall/F1/support, the averages, and the
    /// confusion matrix with true labels as rows.
    var text: String {
        var rows = classes.map { [$0.label, TextTable.fixed($0.precision), TextTable.fixed($0.recall), TextTable.fixed($0.f1), "\($0.support)"] }
        rows.append(["", "", "", "", ""])
        rows.append(["macro avg", TextTable.fixed(macroPrecision), TextTable.fixed(macroRecall), TextTable.fixed(macroF1), "\(count)"])
        rows.append(["weighted avg", "", "", TextTable.fixed(weightedF1), "\(count)"])
        let scores = TextTable.render(header: ["label", "precision", "recall", "f1", "support"], rows: rows, rightAligned: [1, 2, 3, 4])
        let matrix = TextTable.render(
            header: ["true \\ predicted"] + labels,
            rows: labels.indices.map { [labels[$0]] + confusion[$0].map(String.init) },
            rightAligned: Set(1...labels.count))
        return """
        accuracy  \(TextTable.percent(accuracy))  (\(count) examples)
        macro-F1  \(TextTable.fixed(macroF1))

        \(scores)

        confusion matrix (rows: true label, columns: predicted)
        \(matrix)
        """
    }
}
