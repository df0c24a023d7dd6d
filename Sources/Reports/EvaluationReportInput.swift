/// Everything an evaluation report shows: the gold labels, the model's probabilities and the
/// texts, plus optional explanations and a few lines of context.
///
/// Plain arrays rather than `Classifiers` types, so that `Reports` depends on nothing and any
/// source of predictions (another toolkit's output, a saved JSON file) can be reported on.
/// All per-example arrays run in parallel: example i is `truth[i]`, `probabilities[i]`,
/// `texts[i]` (and `explanations?[i]`). An input that breaks this is not fatal: the report
/// names the problem instead of drawing charts.
public struct EvaluationReportInput: Sendable {
    /// The page's heading, e.g. "us-russia-stance.stance on test.jsonl".
    public var title: String
    /// The label names; their order is the order of every table, chart and probability row.
    public var labels: [String]
    /// The true label of each example, an index into `labels`.
    public var truth: [Int]
    /// Per example, one probability per label (rows sum to 1). The prediction is the argmax,
    /// ties going to the lower index.
    public var probabilities: [[Double]]
    /// Per example, the text shown when it is one of the worst mistakes.
    public var texts: [String]
    /// Optional per example: the features that pushed toward the predicted label, strongest
    /// first, shown as chips under the worst mistakes; an empty list shows none.
    public var explanations: [[(feature: String, contribution: Double)]]?
    /// Key/value lines shown at the top in this order (model, data, date, kind…). The report
    /// adds no date of its own, so that the same input always gives the same page.
    public var metadata: [(String, String)]

    public init(
        title: String, labels: [String], truth: [Int], probabilities: [[Double]], texts: [String],
        explanations: [[(feature: String, contribution: Double)]]? = nil, metadata: [(String, String)] = []
    ) {
        self.title = title
        self.labels = labels
        self.truth = truth
        self.probabilities = probabilities
        self.texts = texts
        self.explanations = explanations
        self.metadata = metadata
    }
}
