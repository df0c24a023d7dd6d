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

/// The eight-bytes-a-step checksum equals the one-byte-a-step definition at every length and offset.
@Test func crc32SlicedMatchesBytewise() {
    var generator = SeededGenerator(seed: 42)
    let bytes = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
    func bytewise(_ b: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for x in b {
            crc ^= UInt32(x)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
    for start in 0..<9 {
        for end in stride(from: start, through: 300, by: 7) {
            #expect(CRC32.checksum(Array(bytes[start..<end])) == bytewise(bytes[start..<end]))
        }
    }
}
