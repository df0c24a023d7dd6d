@testable import Reports
import Testing

@Test func chartsOfNothingAreEmptyFramesWithoutNaN() {
    let charts = [
        SVG.confusionMatrix(labels: [], counts: []),
        SVG.classScores([]),
        SVG.reliabilityDiagram(Calibration(confidences: [], correct: [])),
        SVG.precisionRecallCurves([], labels: []),
    ]
    for chart in charts {
        #expect(chart.hasPrefix("<svg id=\""))
        #expect(chart.hasSuffix("</svg>"))
        #expect(!chart.contains("NaN") && !chart.contains("nan") && !chart.contains("inf"))
        #expect(Markup.isBalanced(chart))
    }
}

@Test func confusionMatrixWritesCountsAndAxisTitles() {
    let svg = SVG.confusionMatrix(labels: ["a", "b"], counts: [[3, 1], [0, 0]])
    #expect(svg.hasPrefix("<svg id=\"confusion-matrix\" class=\"chart\""))
    #expect(svg.contains(">3</text>") && svg.contains(">1</text>"))
    #expect(svg.contains(">true</text>") && svg.contains(">predicted</text>"))
    #expect(svg.contains("true a, predicted a: 3 of 4 (75.0% of the row)"))
    // A row with no examples stays white: share 0, never 0/0.
    #expect(svg.contains("true b, predicted b: 0 of 0 (0.0% of the row)"))
    #expect(!svg.contains("NaN"))
}

@Test func chartTextIsEscaped() {
    let label = "<b>&\"'"
    let escaped = "&lt;b&gt;&amp;&quot;&#39;"
    let row = ClassificationSummary.Row(label: label, precision: 0.5, recall: 0.5, f1: 0.5, support: 2)
    let charts = [
        SVG.confusionMatrix(labels: [label], counts: [[2]]),
        SVG.classScores([row]),
        SVG.precisionRecallCurves([PrecisionRecallCurve(scores: [0.9], isPositive: [true])], labels: [label]),
    ]
    for chart in charts {
        #expect(chart.contains(escaped))
        #expect(!chart.contains(label))
        #expect(Markup.isBalanced(chart))
    }
}

@Test func reliabilityCaptionGivesTheECE() {
    let c = Calibration(
        confidences: [0.9, 0.9, 0.85, 0.7, 0.65, 0.3], correct: [true, true, false, true, false, false], binCount: 5)
    let svg = SVG.reliabilityDiagram(c)
    #expect(svg.hasPrefix("<svg id=\"reliability\""))
    #expect(svg.contains("ECE 0.217 · 5 bins · n = 6"))
    #expect(svg.contains("stroke-dasharray=\"4 3\""), "the diagonal of perfect calibration")
}

@Test func prCurveLegendGivesEachLabelsAP() {
    let curves = [
        PrecisionRecallCurve(scores: [0.9, 0.8, 0.8, 0.3], isPositive: [true, false, true, false]),
        PrecisionRecallCurve(scores: [0.1, 0.2], isPositive: [false, false]),
    ]
    let svg = SVG.precisionRecallCurves(curves, labels: ["yes", "never"])
    #expect(svg.contains(">yes  AP 0.833<"))
    #expect(svg.contains(">never  no positives<"))
    #expect(Markup.occurrences(of: "<polyline", in: svg) == 1, "one curve: the label without positives has none")
}

/// The curve is drawn as AP's step function, starting at recall 0 with the first precision:
/// (0, 1) → (0.5, 1) → (0.5, 2/3) → (1, 2/3) → (1, 1/2), in a 300×260 plot at (46, 12).
@Test func prCurveIsTheStepFunctionOfAP() {
    let curve = PrecisionRecallCurve(scores: [0.9, 0.8, 0.8, 0.3], isPositive: [true, false, true, false])
    let svg = SVG.precisionRecallCurves([curve], labels: ["c"])
    #expect(svg.contains("points=\"46,12 196,12 196,98.7 346,98.7 346,142\""))
}
