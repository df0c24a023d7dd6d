import Classifiers
import Foundation
import LinearAlgebra
import Testing

/// X = [[2 1 0], [0 1 3]], labels [0, 1].
private func toy() -> SparseMatrix {
    var b = SparseMatrixBuilder(columns: 3)
    b.appendSortedRow([Int32(0), 1], [Float(2), 1])
    b.appendSortedRow([Int32(1), 2], [Float(1), 3])
    return b.build()
}

private func query() -> SparseMatrix {
    var b = SparseMatrixBuilder(columns: 3)
    b.appendSortedRow([Int32(0), 2], [Float(1), 1])
    return b.build()
}

@Test func multinomialMatchesHandComputation() throws {
    // α = 1: θ₀ = (2+1, 1+1, 0+1)/(3+3) = (3/6, 2/6, 1/6); θ₁ = (1, 2, 4)/7; priors ½.
    let model = try NaiveBayes(variant: .multinomial).fit(toy(), labels: [0, 1], classCount: 2)
    #expect(abs(model.weights[0, 0] - log(3.0 / 6)) < 1e-12)
    #expect(abs(model.weights[2, 1] - log(4.0 / 7)) < 1e-12)
    #expect(abs(model.intercepts[0] - log(0.5)) < 1e-12)
    // x = (1, 0, 1): P(0|x) = (3/6·1/6) / (3/6·1/6 + 1/7·4/7)
    let expected = (3.0 / 36) / (3.0 / 36 + 4.0 / 49)
    #expect(abs(model.probabilities(query())[0, 0] - expected) < 1e-12)
}

@Test func complementMatchesHandComputation() throws {
    // The complement of class 0 is class 1: θ̃₀ = (0+1, 1+1, 3+1)/(4+3) = (1, 2, 4)/7, weight −log θ̃.
    let model = try NaiveBayes(variant: .complement).fit(toy(), labels: [0, 1], classCount: 2)
    #expect(abs(model.weights[0, 0] + log(1.0 / 7)) < 1e-12)
    #expect(abs(model.weights[0, 1] + log(3.0 / 6)) < 1e-12)
    #expect(model.intercepts == [0, 0])
    #expect(model.predict(query()) == [0])
}

@Test func bernoulliMatchesHandComputation() throws {
    // Presence: class 0 has features {0, 1}, class 1 has {1, 2}; p = (n + 1)/(1 + 2).
    let model = try NaiveBayes(variant: .bernoulli).fit(toy(), labels: [0, 1], classCount: 2)
    let p0: [Double] = [2.0 / 3, 2.0 / 3, 1.0 / 3]
    // log P(x=(1,0,1) | 0) = log p0₀ + log(1 − p0₁) + log p0₂
    let jll0 = log(0.5) + log(p0[0]) + log(1 - p0[1]) + log(p0[2])
    let p1: [Double] = [1.0 / 3, 2.0 / 3, 2.0 / 3]
    let jll1 = log(0.5) + log(p1[0]) + log(1 - p1[1]) + log(p1[2])
    let scores = model.scores(query())
    #expect(abs(scores[0, 0] - jll0) < 1e-12 && abs(scores[0, 1] - jll1) < 1e-12)
}

@Test func alphaMustBePositive() {
    #expect(throws: TrainingError.self) { try NaiveBayes(alpha: 0).fit(toy(), labels: [0, 1], classCount: 2) }
}
