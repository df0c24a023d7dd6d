import ArgumentParser
import Classifiers

/// The learner and its settings.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: "The learner: logreg (logistic regression), nb (multinomial naive Bayes), complement-nb, bernoulli-nb, nblr (logistic regression on NB-scaled features, NBSVM).")
    var classifier: ClassifierKind = .logreg

    @Option(name: .customLong("C"), help: "logreg/nblr: inverse regularisation strength (larger = weaker L2 penalty). Default: 10 for logreg, 0.3 for nblr.")
    var c: Double?

    @Option(name: .long, help: "logreg/nblr: penalty: l2, l1 (sparse: many weights exactly zero) or elasticnet (see --l1-ratio); L1 and elastic net are fitted by OWL-QN.")
    var penalty: Penalty = .l2

    @Option(name: .long, help: "elasticnet: the share of L1 in the penalty, 0 to 1.")
    var l1Ratio: Double = 0.5

    @Option(name: .long, help: "logreg: class weights: none or balanced (weigh classes inversely to their frequency).")
    var classWeight: ClassWeight = .none

    @Option(name: .long, help: "logreg: the most L-BFGS iterations.")
    var maxIter: Int = LogisticRegression().maxIterations

    @Option(name: .long, help: "logreg: stop when the largest gradient entry falls below this.")
    var tol: Double = LogisticRegression().tolerance

    @Option(name: .long, help: "logreg/nblr: lbfgs (exact optimum, data in memory) or adagrad (a few stochastic passes: fast on large corpora; needed by --streaming).")
    var solver: LogisticRegression.Solver = .lbfgs

    @Option(name: .long, help: "adagrad: passes over the data.")
    var epochs: Int = LogisticRegression().epochs

    @Option(name: .long, help: "adagrad: the base step size.")
    var learningRate: Double = LogisticRegression().learningRate

    @Flag(name: .long, help: "Calibrate probabilities: fit a temperature on held-out folds (labels unchanged; probabilities become honest confidences).")
    var calibrate = false

    @Option(name: .long, help: "--calibrate: folds for the held-out scores.")
    var calibrationFolds = 5

    @Option(name: .long, help: "naive Bayes and nblr: additive smoothing (1 = Laplace).")
    var alpha: Double = 1

    @Option(name: .long, help: "nblr: β, how far to trust the fitted weights over naive Bayes' (Wang & Manning's interpolation): 1 = the plain fit, 0 = naive Bayes.")
    var interpolation: Double = NBLogisticRegression().interpolation

    var parameters: TrainingParameters {
        var parameters = TrainingParameters(
            kind: classifier,
            logisticRegression: logisticRegression(c: c ?? LogisticRegression().c),
            naiveBayes: NaiveBayes(alpha: alpha),
            nbLogisticRegression: NBLogisticRegression(
                alpha: alpha,
                logisticRegression: logisticRegression(c: c ?? NBLogisticRegression().logisticRegression.c),
                interpolation: interpolation))
        parameters.calibrationFolds = calibrate ? calibrationFolds : nil
        return parameters
    }

    private func logisticRegression(c: Double) -> LogisticRegression {
        var settings = LogisticRegression(c: c, classWeight: classWeight, maxIterations: maxIter, tolerance: tol,
                                          penalty: penalty, l1Ratio: l1Ratio)
        settings.solver = solver
        settings.epochs = epochs
        settings.learningRate = learningRate
        return settings
    }
}

extension ClassifierKind: ExpressibleByArgument {}
extension ClassWeight: ExpressibleByArgument {}
extension Penalty: ExpressibleByArgument {}
extension LogisticRegression.Solver: ExpressibleByArgument {}
