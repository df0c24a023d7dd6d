import Classifiers
import Foundation
import LinearAlgebra
import Testing

@Test func logCountRatioMatchesHandComputation() {
    // x̂ = [[1 1 0] (class 1), [0 1 1] (class 0)], α = 1:
    // p = 1 + (1, 1, 0) = (2, 2, 1), q = 1 + (0, 1, 1) = (1, 2, 2), ‖p‖₁ = ‖q‖₁ = 5
    // r = log((p/5)/(q/5)) = (log 2, 0, −log 2)
    var b = SparseMatrixBuilder(columns: 3)
    b.appendSortedRow([Int32(0), 1], [Float(3), 1])    // counts are binarised first
    b.appendSortedRow([Int32(1), 2], [Float(1), 1])
    let r = NBLogisticRegression.logCountRatio(b.build(), labels: [1, 0], positive: 1, alpha: 1)
    #expect(abs(r[0] - log(2)) < 1e-12 && abs(r[1]) < 1e-12 && abs(r[2] + log(2)) < 1e-12)
}

@Test func foldedWeightsScoreLikeTheScaledModel() throws {
    let (x, y) = randomProblem(rows: 80, columns: 12, classes: 3, seed: 5)
    let (model, _) = try NBLogisticRegression(interpolation: 1).fit(x, labels: y, classCount: 3)
    // One-vs-rest: class c's score must equal the binary model fitted on r_c ∘ x̂ for c vs rest.
    var binary = x
    binary.mapValues { _, v in v > 0 ? 1 : 0 }
    for c in 0..<3 {
        let r = NBLogisticRegression.logCountRatio(binary, labels: y, positive: c, alpha: 1)
        var scaled = binary
        scaled.mapValues { j, v in v * Float(r[Int(j)]) }
        let (single, _) = try LogisticRegression(c: 0.3).fit(scaled, labels: y.map { $0 == c ? 1 : 0 }, classCount: 2)
        let expected = single.scores(scaled), actual = model.scores(binary)
        for i in 0..<x.rows { #expect(abs(expected[i, 1] - actual[i, c]) < 1e-4) }
    }
}

/// β interpolates between the plain fit (β = 1) and naive Bayes scaled by the mean weight
/// magnitude (β = 0): w′ = (1 − β)·w̄ + β·w on the NB-scaled features, b′ = (1 − β)·w̄·log(N₊/N₋) + β·b.
@Test func interpolationMovesWeightsTowardNaiveBayes() throws {
    // Columns 0–4 in use, column 5 never seen: it must keep weight 0 at every β.
    var b = SparseMatrixBuilder(columns: 6)
    let rows: [([Int32], Int)] = [([0, 1], 1), ([0, 2], 1), ([1, 3], 1), ([2, 3], 0), ([3, 4], 0)]
    for (columns, _) in rows { b.appendSortedRow(columns, columns.map { _ in Float(1) }) }
    let x = b.build(), y = rows.map(\.1)
    let plain = NBLogisticRegression(logisticRegression: LogisticRegression(c: 1), interpolation: 1)
    let (fit, _) = try plain.fit(x, labels: y, classCount: 2)
    let r = NBLogisticRegression.logCountRatio(x, labels: y, positive: 1, alpha: 1)
    let w = (0..<5).map { fit.weights[$0, 1] / r[$0] }   // the weights on the scaled features
    let meanMagnitude = w.reduce(0) { $0 + abs($1) } / 5
    let prior = log(3.0 / 2.0)
    for beta in [0.0, 0.25, 1.0] {
        var learner = plain
        learner.interpolation = beta
        let (model, _) = try learner.fit(x, labels: y, classCount: 2)
        for j in 0..<5 {
            #expect(abs(model.weights[j, 1] - ((1 - beta) * meanMagnitude + beta * w[j]) * r[j]) < 1e-9)
        }
        #expect(model.weights[5, 1] == 0 && model.weights[0, 0] == 0)
        #expect(abs(model.intercepts[1] - ((1 - beta) * meanMagnitude * prior + beta * fit.intercepts[1])) < 1e-9)
    }
}

@Test func interpolationIsCheckedAndOptionalInOldFiles() throws {
    var learner = NBLogisticRegression()
    learner.interpolation = 1.5
    let (x, y) = randomProblem(rows: 20, columns: 5, classes: 2, seed: 1)
    #expect(throws: TrainingError.self) { try learner.fit(x, labels: y, classCount: 2) }
    let old = #"{"alpha": 1, "logisticRegression": {"c": 0.3, "classWeight": "none", "fitIntercept": true, "maxIterations": 300, "tolerance": 1e-06}}"#
    let decoded = try JSONDecoder().decode(NBLogisticRegression.self, from: Data(old.utf8))
    #expect(decoded.interpolation == 1 && decoded.logisticRegression.c == 0.3)
}

@Test func interpolationIsCheckedBeforeTrainingAndBalancedHasNoPrior() throws {
    var parameters = TrainingParameters(kind: .nblr)
    parameters.nbLogisticRegression.interpolation = -0.5
    #expect(throws: TrainingError.self) { try parameters.validate(features: ClassifierKind.nblr.defaultFeatures) }
    // Balanced class weights weigh both sides alike, so naive Bayes' end of the line has no prior.
    let (x, y) = randomProblem(rows: 40, columns: 8, classes: 2, seed: 9)
    let learner = NBLogisticRegression(logisticRegression: LogisticRegression(c: 1, classWeight: .balanced), interpolation: 0)
    let (model, _) = try learner.fit(x, labels: y, classCount: 2)
    #expect(model.intercepts == [0, 0])
}
