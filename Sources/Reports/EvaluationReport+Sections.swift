/// The page's sections as HTML fragments. Every piece of text from the input passes through
/// `markupEscaped`; numbers through ``FixedDecimal``.
extension EvaluationReport {
    static func header(_ input: EvaluationReportInput) -> String {
        var html = "<header>\n<h1>\(input.title.markupEscaped)</h1>\n"
        if !input.metadata.isEmpty {
            html += "<table class=\"metadata\">\n"
            for (key, value) in input.metadata {
                html += "<tr><th scope=\"row\">\(key.markupEscaped)</th><td>\(value.markupEscaped)</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html + "</header>"
    }

    static func inconsistent(_ problems: [String]) -> String {
        "<div class=\"nothing\"><p>Nothing to report: the input is inconsistent.</p>\n<ul>\n"
            + problems.map { "<li>\($0.markupEscaped)</li>\n" }.joined()
            + "</ul></div>"
    }

    static func headline(_ summary: ClassificationSummary, _ calibration: Calibration) -> String {
        let stats = [
            (FixedDecimal.format(summary.accuracy, decimals: 3), "accuracy"),
            (FixedDecimal.format(summary.macroAverage.f1, decimals: 3), "macro-F1"),
            (String(summary.count), "examples (n)"),
            (FixedDecimal.format(calibration.expectedCalibrationError, decimals: 3), "ECE (\(calibration.bins.count) bin\(calibration.bins.count == 1 ? "" : "s"))"),
        ]
        return "<section class=\"headline\" aria-label=\"headline numbers\">\n"
            + stats.map { "<div class=\"stat\"><div class=\"value\">\($0.0)</div><div class=\"name\">\($0.1)</div></div>\n" }.joined()
            + "</section>"
    }

    static func perClassSection(_ summary: ClassificationSummary) -> String {
        func cells(_ row: ClassificationSummary.Row) -> String {
            [row.precision, row.recall, row.f1].map { "<td>\(FixedDecimal.format($0, decimals: 3))</td>" }.joined()
                + "<td>\(row.support)</td>"
        }
        var html = "<section>\n<h2>Per-class scores</h2>\n<table id=\"per-class\">\n<thead><tr>"
            + ["label", "precision", "recall", "F1", "support"].map { "<th scope=\"col\">\($0)</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for row in summary.classes {
            let absent = row.support == 0 ? " class=\"absent\" title=\"no examples of this label in the data\"" : ""
            html += "<tr\(absent)><th scope=\"row\">\(row.label.markupEscaped)</th>\(cells(row))</tr>\n"
        }
        html += "</tbody>\n<tfoot>\n"
        for row in [summary.macroAverage, summary.weightedAverage] {
            html += "<tr><th scope=\"row\">\(row.label.markupEscaped)</th>\(cells(row))</tr>\n"
        }
        return html + "</tfoot>\n</table>\n<p class=\"note\">Predictions are the label with the highest probability"
            + " (ties go to the label listed first). A ratio with nothing to divide by counts as 0."
            + " The macro average weighs every label equally; the weighted average weighs each by its support.</p>\n</section>"
    }

    static func charts(
        _ summary: ClassificationSummary, _ calibration: Calibration, _ curves: [PrecisionRecallCurve]
    ) -> String {
        let figures = [
            (SVG.confusionMatrix(labels: summary.labels, counts: summary.confusion),
             "Confusion matrix. Rows are true labels, columns predicted labels; shading is the cell’s share of its row, so a dark diagonal is good and a dark cell elsewhere names a confusion."),
            (SVG.classScores(summary.classes),
             "Precision, recall and F1 of each label."),
            (SVG.reliabilityDiagram(calibration),
             "Reliability diagram (Guo et al. 2017). Each bar is the accuracy of the predictions whose confidence falls in the bin; on the dashed diagonal, confidence would equal accuracy. Red marks the gap: above a bar, over-confidence; inside it, under-confidence. ECE is the gap averaged over predictions."),
            (SVG.precisionRecallCurves(curves, labels: summary.labels),
             "Precision–recall curves, one-vs-rest on each label’s probability. AP (average precision) is the area under the step curve, as scikit-learn’s average_precision_score."),
        ]
        return "<section>\n<h2>Charts</h2>\n<div class=\"charts\">\n"
            + figures.map { "<figure>\n\($0.0)\n<figcaption>\($0.1.markupEscaped)</figcaption>\n</figure>\n" }.joined()
            + "</div>\n</section>"
    }

    /// How many of an explanation's features to show as chips: enough to see the pattern,
    /// few enough to keep the table readable.
    static let chipsPerMistake = 6

    static func mistakesSection(_ mistakes: WorstMistakes, _ input: EvaluationReportInput) -> String {
        var html = "<section>\n<h2>Worst mistakes</h2>\n"
        guard !mistakes.shown.isEmpty else {
            return html + "<p class=\"note\">No mistakes: every prediction is right.</p>\n</section>"
        }
        html += "<p class=\"note\">The \(mistakes.shown.count) wrong prediction\(mistakes.shown.count == 1 ? "" : "s")"
            + " the model was surest of, out of \(mistakes.total), by the probability of the predicted label.</p>\n"
            + "<table id=\"worst-mistakes\">\n<thead><tr>"
            + ["#", "example", "text", "true", "predicted", "probability", "p(true)"].map { "<th scope=\"col\">\($0)</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for (rank, mistake) in mistakes.shown.enumerated() {
            let text = mistake.index < input.texts.count ? input.texts[mistake.index] : ""
            let features = input.explanations.map { $0.indices.contains(mistake.index) ? $0[mistake.index] : [] } ?? []
            html += "<tr><td class=\"number\">\(rank + 1)</td><td class=\"number\">\(mistake.index + 1)</td>"
                + "<td class=\"example\"><div class=\"quote\">\(text.markupEscaped)</div>\(chips(features))</td>"
                + "<td>\(input.labels[mistake.truth].markupEscaped)</td><td>\(input.labels[mistake.predicted].markupEscaped)</td>"
                + "<td class=\"number\">\(FixedDecimal.format(mistake.confidence, decimals: 3))</td>"
                + "<td class=\"number\">\(FixedDecimal.format(mistake.truthProbability, decimals: 3))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>"
    }

    static func chips(_ features: [(feature: String, contribution: Double)]) -> String {
        guard !features.isEmpty else { return "" }
        return "<div class=\"chips\">"
            + features.prefix(chipsPerMistake).map { feature in
                let contribution = FixedDecimal.signed(feature.contribution, decimals: 3)
                return "<span class=\"chip\" title=\"contribution \(contribution)\">\(feature.feature.markupEscaped) <b>\(contribution)</b></span>"
            }.joined()
            + "</div>"
    }
}
