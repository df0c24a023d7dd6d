@testable import Reports
import Testing

/// Three labels, six examples, three of them wrong:
///   0 against → against 0.70 ✓      3 none    → against 0.40 ✗ (tie with favor, lower index wins)
///   1 against → favor   0.85 ✗      4 none    → none    0.60 ✓
///   2 favor   → favor   0.60 ✓      5 favor   → none    0.90 ✗
/// Accuracy 3/6; every label has precision = recall = F1 = 1/2; worst mistakes 5, 1, 3.
let sample = EvaluationReportInput(
    title: "demo.stance on test.jsonl",
    labels: ["against", "favor", "none"],
    truth: [0, 0, 1, 2, 2, 1],
    probabilities: [
        [0.7, 0.2, 0.1], [0.1, 0.85, 0.05], [0.2, 0.6, 0.2],
        [0.4, 0.4, 0.2], [0.1, 0.3, 0.6], [0.05, 0.05, 0.9],
    ],
    texts: [
        "We should talk.", "<script>alert('x')</script> we must & will", "Cooperation helps.",
        "Talks continue in Vienna.", "No comment.", "The fifth example: peace is possible",
    ],
    explanations: [[], [], [], [], [], [(feature: "w:<b>peace</b>", contribution: 0.41), (feature: "c:pea", contribution: 0.2)]],
    metadata: [("model", "demo.stance"), ("data", "test <v2>.jsonl")])

@Test func pageIsAStandaloneHTMLDocument() {
    let page = EvaluationReport.html(sample)
    #expect(page.hasPrefix("<!DOCTYPE html>\n"))
    #expect(page.contains("<meta charset=\"utf-8\">"))
    #expect(page.contains("<style>"))
    #expect(!page.lowercased().contains("<script"))
    #expect(!page.contains("src=") && !page.contains("href=") && !page.contains("<link"))
    #expect(page.hasSuffix("</html>\n"))
}

@Test func pageContainsEveryChartAndTableByID() {
    let page = EvaluationReport.html(sample)
    for id in ["confusion-matrix", "class-scores", "reliability", "pr-curves"] {
        #expect(page.contains("<svg id=\"\(id)\""), "chart \(id)")
        #expect(Markup.svg(id: id, in: page).map { Markup.isBalanced($0) } == true, "chart \(id) is well nested")
    }
    #expect(page.contains("<table id=\"worst-mistakes\">"))
    #expect(page.contains("<table id=\"per-class\">"))
}

@Test func pageShowsTheHeadlineNumbers() {
    let page = EvaluationReport.html(sample)
    #expect(page.contains("<div class=\"value\">0.500</div><div class=\"name\">accuracy</div>"))
    #expect(page.contains("<div class=\"value\">0.500</div><div class=\"name\">macro-F1</div>"))
    #expect(page.contains("<div class=\"value\">6</div><div class=\"name\">examples (n)</div>"))
    #expect(page.contains("<div class=\"name\">ECE (10 bins)</div>"))
    #expect(page.contains("<tr><th scope=\"row\">against</th><td>0.500</td><td>0.500</td><td>0.500</td><td>2</td></tr>"))
    #expect(page.contains("<tr><th scope=\"row\">macro avg</th>"))
    #expect(page.contains("<tr><th scope=\"row\">weighted avg</th>"))
}

@Test func textFromTheInputIsEscaped() {
    let page = EvaluationReport.html(sample)
    #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; we must &amp; will"))
    #expect(!page.contains("<script>"))
    #expect(page.contains("<td>test &lt;v2&gt;.jsonl</td>"))
    #expect(page.contains("w:&lt;b&gt;peace&lt;/b&gt; <b>+0.410</b>"))
}

@Test func worstMistakesComeMostConfidentFirstWithTheirExplanations() throws {
    let page = EvaluationReport.html(sample)
    let fifth = try #require(Markup.offset(of: "The fifth example", in: page))
    let second = try #require(Markup.offset(of: "we must &amp; will", in: page))
    let fourth = try #require(Markup.offset(of: "Talks continue in Vienna.", in: page))
    #expect(fifth < second && second < fourth)
    #expect(page.contains("<td>favor</td><td>none</td><td class=\"number\">0.900</td><td class=\"number\">0.050</td>"))
    #expect(page.contains("<span class=\"chip\" title=\"contribution +0.200\">c:pea <b>+0.200</b></span>"))
    #expect(!page.contains("We should talk."), "a right prediction is not a mistake")
}

@Test func worstMistakesCanBeLimitedOrLeftOut() {
    let one = EvaluationReport.html(sample, worstMistakes: 1)
    #expect(one.contains("The fifth example") && !one.contains("Talks continue in Vienna."))
    let none = EvaluationReport.html(sample, worstMistakes: 0)
    #expect(!none.contains("<table id=\"worst-mistakes\">") && !none.contains("Worst mistakes"))
}

@Test func theSameInputGivesTheSamePage() {
    #expect(EvaluationReport.html(sample) == EvaluationReport.html(sample))
    #expect(EvaluationReport.html(sample, calibrationBins: 5) == EvaluationReport.html(sample, calibrationBins: 5))
}

@Test func emptyInputSaysThereIsNothingToReport() {
    let input = EvaluationReportInput(title: "nothing", labels: ["a", "b"], truth: [], probabilities: [], texts: [])
    let page = EvaluationReport.html(input)
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.contains("Nothing to report"))
    #expect(!page.contains("NaN") && !page.contains("nan"))
    let noLabels = EvaluationReport.html(EvaluationReportInput(title: "", labels: [], truth: [], probabilities: [], texts: []))
    #expect(noLabels.contains("Nothing to report") && !noLabels.contains("NaN"))
}

@Test func inconsistentInputIsNamedNotFatal() {
    var input = sample
    input.probabilities[1] = [0.5, 0.5]
    input.texts.removeLast()
    let page = EvaluationReport.html(input)
    #expect(page.contains("the input is inconsistent"))
    #expect(page.contains("<li>there are 6 true labels but 5 texts</li>"))
    #expect(page.contains("<li>example 2: 2 probabilities for 3 labels</li>"))
    var outOfRange = sample
    outOfRange.truth[0] = 7
    #expect(EvaluationReport.html(outOfRange).contains("example 1: true label index 7 is not one of the 3 labels"))
}

/// Twenty labels, three of them never the true label, and probabilities that put a NaN-prone
/// zero everywhere else: every chart must still draw, with no NaN, and colours must cycle.
@Test func manyLabelsAndAbsentLabelsDrawWithoutNaN() {
    let labels = (0..<20).map { "label \($0) with a rather long name" }
    var truth: [Int] = [], probabilities: [[Double]] = [], texts: [String] = []
    for i in 0..<60 {
        let t = i % 17
        var row = [Double](repeating: 0, count: 20)
        row[(t + i % 3) % 20] = 1
        truth.append(t)
        probabilities.append(row)
        texts.append("text \(i)")
    }
    let page = EvaluationReport.html(EvaluationReportInput(
        title: "many", labels: labels, truth: truth, probabilities: probabilities, texts: texts))
    #expect(!page.contains("NaN") && !page.contains("nan"))
    #expect(page.contains("stroke-dasharray=\"6 3\""), "the second cycle of colours is dashed")
    #expect(page.contains("no positives"), "labels 17–19 have no examples")
    #expect(page.contains("<tr class=\"absent\""))
    for id in ["confusion-matrix", "class-scores", "reliability", "pr-curves"] {
        #expect(Markup.svg(id: id, in: page).map { Markup.isBalanced($0) } == true, "chart \(id)")
    }
}

@Test func twoLabelsWork() {
    let input = EvaluationReportInput(
        title: "binary", labels: ["neg", "pos"], truth: [0, 1, 1, 0],
        probabilities: [[0.9, 0.1], [0.2, 0.8], [0.6, 0.4], [0.3, 0.7]], texts: ["a", "b", "c", "d"])
    let page = EvaluationReport.html(input)
    #expect(page.contains("<div class=\"value\">0.500</div><div class=\"name\">accuracy</div>"))
    #expect(page.contains("<svg id=\"pr-curves\""))
    #expect(!page.contains("NaN"))
}
