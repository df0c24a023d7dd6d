import Classifiers
import Foundation
import LinearAlgebra
import Testing

/// A small random sparse problem, the same every run.
func randomProblem(rows: Int, columns: Int, classes: Int, seed: UInt64) -> (SparseMatrix, [Int]) {
    var rng = SeededGenerator(seed: seed)
    var b = SparseMatrixBuilder(columns: columns)
    var labels: [Int] = []
    for _ in 0..<rows {
        var cols = Set<Int32>()
        for _ in 0..<3 { cols.insert(Int32(rng.uniform(below: columns))) }
        let sorted = cols.sorted()
        b.appendSortedRow(sorted, sorted.map { _ in Float(rng.uniform(below: 100)) / 50 })
        labels.append(rng.uniform(below: classes))
    }
    return (b.build(), labels)
}

@Test(arguments: [2, 3])
func gradientMatchesFiniteDifferences(classes: Int) {
    let (x, y) = randomProblem(rows: 30, columns: 7, classes: classes, seed: 7)
    let weights = (0..<30).map { 1 + Double($0 % 3) }
    let loss = LogisticLoss(x: x, labels: y, sampleWeights: weights, classCount: classes, c: 0.7, fitIntercept: true)
    var rng = SeededGenerator(seed: 3)
    let theta = (0..<loss.parameterCount).map { _ in Double(rng.uniform(below: 2000)) / 1000 - 1 }
    var gradient = [Double](repeating: 0, count: theta.count)
    _ = loss.evaluate(theta, gradient: &gradient)
    var scratch = gradient
    let h = 1e-6
    for k in theta.indices {
        var plus = theta, minus = theta
        plus[k] += h
        minus[k] -= h
        let numeric = (loss.evaluate(plus, gradient: &scratch) - loss.evaluate(minus, gradient: &scratch)) / (2 * h)
        #expect(abs(numeric - gradient[k]) < 1e-7, "component \(k): analytic \(gradient[k]), numeric \(numeric)")
    }
}

@Test func separatesALinearlySeparableProblem() throws {
    var b = SparseMatrixBuilder(columns: 2)
    var labels: [Int] = []
    for i in 0..<40 {
        b.appendSortedRow([Int32(i % 2)], [Float(1 + i % 5)])
        labels.append(i % 2)
    }
    let x = b.build()
    let (model, report) = try LogisticRegression(c: 100).fit(x, labels: labels, classCount: 2)
    #expect(model.predict(x) == labels)
    #expect(report.iterations > 0)
    // Binomial form: class 0 has zero weights, class 1 carries the decision.
    #expect(model.weights[0, 0] == 0 && model.weights[1, 0] == 0)
    #expect(model.weights[0, 1] < 0 && model.weights[1, 1] > 0)
}

@Test func multinomialProbabilitiesSumToOne() throws {
    let (x, y) = randomProblem(rows: 60, columns: 10, classes: 3, seed: 11)
    let (model, _) = try LogisticRegression(c: 1).fit(x, labels: y, classCount: 3)
    let p = model.probabilities(x)
    for i in 0..<p.rows { #expect(abs(p.row(i).reduce(0, +) - 1) < 1e-12) }
}

@Test func balancedClassWeightsGiveEqualTotalWeightPerClass() throws {
    var b = SparseMatrixBuilder(columns: 1)
    for _ in 0..<10 { b.appendSortedRow([Int32(0)], [Float(1)]) }
    let labels = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
    // One shared feature: with balanced weights the intercept must settle near 0 (equal odds).
    let (model, _) = try LogisticRegression(c: 1e6, classWeight: .balanced, fitIntercept: true).fit(b.build(), labels: labels, classCount: 2)
    #expect(abs(model.probabilities(b.build())[0, 1] - 0.5) < 1e-3)
}

@Test func invalidParametersAreRefused() {
    let (x, y) = randomProblem(rows: 4, columns: 3, classes: 2, seed: 1)
    #expect(throws: TrainingError.invalidParameter("C must be a positive number, got -1.0")) {
        try LogisticRegression(c: -1).fit(x, labels: y, classCount: 2)
    }
}

@Test func l1PenaltyZeroesIrrelevantWeights() throws {
    // Feature 0 decides the label; features 1–9 are noise.
    var rng = SeededGenerator(seed: 9)
    var b = SparseMatrixBuilder(columns: 10)
    var labels: [Int] = []
    for i in 0..<200 {
        let y = i % 2
        var cols: [Int32] = y == 1 ? [0] : []
        let noise = Int32(1 + rng.uniform(below: 9))
        cols.append(noise)
        b.appendSortedRow(cols, cols.map { _ in Float(1) })
        labels.append(y)
    }
    let x = b.build()
    let (l2, _) = try LogisticRegression(c: 1).fit(x, labels: labels, classCount: 2)
    let (l1, _) = try LogisticRegression(c: 1, penalty: .l1).fit(x, labels: labels, classCount: 2)
    let (mixed, _) = try LogisticRegression(c: 1, penalty: .elasticnet, l1Ratio: 0.5).fit(x, labels: labels, classCount: 2)
    let zeros = { (m: LinearModel) in (1..<10).filter { m.weights[$0, 1] == 0 }.count }
    #expect(zeros(l2) == 0)
    #expect(zeros(l1) >= 7)
    #expect(zeros(mixed) >= 1)
    #expect(l1.weights[0, 1] > 1)
    #expect(l1.predict(x) == labels)
}

/// A mostly empty (hashed) feature space is fitted on its columns in use: the model must be the
/// one fitted on those columns alone, with zero weight everywhere else.
@Test(arguments: [Penalty.l2, .l1])
func emptyColumnsGetZeroWeightAndChangeNothing(penalty: Penalty) throws {
    let (narrow, y) = randomProblem(rows: 60, columns: 10, classes: 3, seed: 11)
    // The same rows spread over 40 columns: narrow column j becomes wide column 4j + 1.
    var b = SparseMatrixBuilder(columns: 40)
    for i in 0..<narrow.rows {
        let row = narrow.row(i)
        b.appendSortedRow(row.map { Int32(4 * $0.column + 1) }, row.map(\.value))
    }
    let learner = LogisticRegression(c: 2, penalty: penalty)
    let (wide, wideReport) = try learner.fit(b.build(), labels: y, classCount: 3)
    let (small, smallReport) = try learner.fit(narrow, labels: y, classCount: 3)
    #expect(wide.featureCount == 40 && wide.intercepts == small.intercepts)
    #expect(wideReport.iterations == smallReport.iterations)
    for j in 0..<40 {
        for c in 0..<3 {
            #expect(wide.weights[j, c] == (j % 4 == 1 ? small.weights[j / 4, c] : 0))
        }
    }
}
