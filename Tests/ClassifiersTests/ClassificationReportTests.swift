import Classifiers
import Testing

@Test func reportMatchesHandComputation() {
    // truth:     a a a b b c
    // predicted: a a b b c c
    let r = ClassificationReport(labels: ["a", "b", "c"], truth: [0, 0, 0, 1, 1, 2], predicted: [0, 0, 1, 1, 2, 2])
    #expect(r.confusion == [[2, 1, 0], [0, 1, 1], [0, 0, 1]])
    #expect(abs(r.accuracy - 4.0 / 6) < 1e-12)
    #expect(r.classes.map(\.support) == [3, 2, 1])
    #expect(abs(r.classes[0].precision - 1) < 1e-12 && abs(r.classes[0].recall - 2.0 / 3) < 1e-12)
    #expect(abs(r.classes[1].f1 - 0.5) < 1e-12)
    #expect(abs(r.classes[2].precision - 0.5) < 1e-12 && r.classes[2].recall == 1)
    let f1a = 2 * (2.0 / 3) / (1 + 2.0 / 3), f1c = 2 * 0.5 / 1.5
    #expect(abs(r.macroF1 - (f1a + 0.5 + f1c) / 3) < 1e-12)
}

@Test func aClassNeverPredictedScoresZeroNotNaN() {
    let r = ClassificationReport(labels: ["x", "y"], truth: [0, 1], predicted: [0, 0])
    #expect(r.classes[1].precision == 0 && r.classes[1].f1 == 0)
}

@Test func stratifiedFoldsAreBalancedAndReproducible() throws {
    let labels = Array(repeating: 0, count: 30) + Array(repeating: 1, count: 10)
    let folds = try StratifiedKFold(folds: 5, seed: 1).assign(labels: labels, classCount: 2)
    #expect(folds == (try StratifiedKFold(folds: 5, seed: 1).assign(labels: labels, classCount: 2)))
    for f in 0..<5 {
        let members = labels.indices.filter { folds[$0] == f }
        #expect(members.count == 8)
        #expect(members.filter { labels[$0] == 1 }.count == 2)
    }
    #expect(folds != (try StratifiedKFold(folds: 5, seed: 2).assign(labels: labels, classCount: 2)))
}

@Test func crc32MatchesTheCheckValue() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([UInt8]()) == 0)
}
