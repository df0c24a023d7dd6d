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
    let (model, _) = try NBLogisticRegression().fit(x, labels: y, classCount: 3)
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
