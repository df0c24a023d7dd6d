import Foundation
import LinearAlgebra
import TextFeatures
import Testing

private func words(_ weighting: FeatureConfiguration.Weighting, sublinear: Bool = false,
                   norm: FeatureConfiguration.Normalization = .none) -> FeatureConfiguration {
    FeatureConfiguration(ngrams: NGramGenerator(words: NGramRange(1, 1), characters: nil),
                         weighting: weighting, sublinearTF: sublinear, normalization: norm)
}

@Test func tfidfMatchesHandComputation() {
    // n = 2 documents; df(a) = 2, df(b) = 1.
    // idf(a) = ln(3/3) + 1 = 1, idf(b) = ln(3/2) + 1 ≈ 1.4054651081.
    let fit = FeatureExtractor.fit(documents: ["a a b", "a"], configuration: words(.tfidf))
    #expect(fit.extractor.vocabulary?.terms == ["w:a", "w:b"])
    #expect(abs(fit.extractor.idf[1] - (log(1.5) + 1)) < 1e-12)
    let x = fit.features
    #expect(abs(Double(x[0, 0]) - 2) < 1e-6)                       // tf 2 × idf 1
    #expect(abs(Double(x[0, 1]) - 1.4054651081) < 1e-6)            // tf 1 × idf(b)
    #expect(x[1, 0] == 1 && x[1, 1] == 0)
}

@Test func sublinearTFAndL2NormalisationMatchHandComputation() {
    let fit = FeatureExtractor.fit(documents: ["a a b", "a"], configuration: words(.tfidf, sublinear: true, norm: .l2))
    let a = 1 + log(2.0), b = log(1.5) + 1
    let norm = (a * a + b * b).squareRoot()
    #expect(abs(Double(fit.features[0, 0]) - a / norm) < 1e-6)
    #expect(abs(Double(fit.features[0, 1]) - b / norm) < 1e-6)
    #expect(fit.features[1, 0] == 1)
}

@Test func countsAndBinaryWeighting() {
    #expect(FeatureExtractor.fit(documents: ["a a b"], configuration: words(.counts)).features.values == [2, 1])
    #expect(FeatureExtractor.fit(documents: ["a a b"], configuration: words(.binary)).features.values == [1, 1])
}

@Test func vocabularyFiltersByDocumentFrequencyAndSize() {
    var c = words(.counts)
    c.minDocumentFrequency = 2
    #expect(FeatureExtractor.fit(documents: ["a b", "a c", "a b d"], configuration: c).extractor.vocabulary?.terms == ["w:a", "w:b"])
    c = words(.counts)
    c.maxDocumentFrequency = 0.9
    #expect(FeatureExtractor.fit(documents: ["a b", "a c", "a b d"], configuration: c).extractor.vocabulary?.terms == ["w:b", "w:c", "w:d"])
    c = words(.counts)
    c.maxFeatures = 2    // most frequent first; ties by term
    #expect(FeatureExtractor.fit(documents: ["a b", "a c", "a b d"], configuration: c).extractor.vocabulary?.terms == ["w:a", "w:b"])
}

@Test func transformMatchesFitAndIgnoresUnknownTerms() {
    let config = FeatureConfiguration.standard
    let docs = ["We are ready to talk.", "They cannot be trusted!", "Talks resume on Tuesday."]
    let fit = FeatureExtractor.fit(documents: docs, configuration: config)
    #expect(fit.extractor.transform(docs) == fit.features)
    let unseen = fit.extractor.transform(["zzzz qqqq"])
    #expect(unseen.rows == 1 && unseen.nonzeroCount == 0)   // no z or q anywhere in training
    #expect(fit.extractor.transform([""]).nonzeroCount == 0)
}

@Test func foldFitEqualsFittingOnTheFoldAlone() {
    let docs = ["a b c", "b c d", "c d e", "d e f"]
    let config = FeatureConfiguration(ngrams: NGramGenerator(words: NGramRange(1, 2), characters: NGramRange(2, 3)))
    let counts = FeatureCounts(documents: docs, configuration: config)
    let foldFit = FeatureExtractor.fit(counts, rows: [0, 2])
    let direct = FeatureExtractor.fit(documents: [docs[0], docs[2]], configuration: config)
    #expect(foldFit.extractor == direct.extractor)
    #expect(foldFit.features == direct.features)
    #expect(foldFit.transform(counts, rows: [1, 3]) == direct.extractor.transform([docs[1], docs[3]]))
}

@Test func hashingPutsFeaturesInStableBuckets() {
    let config = FeatureConfiguration(ngrams: NGramGenerator(words: NGramRange(1, 1), characters: nil),
                                      hashBits: 20, weighting: .counts, sublinearTF: false, normalization: .none)
    let fit = FeatureExtractor.fit(documents: ["the the"], configuration: config)
    #expect(fit.features.columns == 1 << 20)
    #expect(fit.features.row(0).map(\.column) == [331_415])
    #expect(fit.features.values == [2])
}

@Test func invalidSettingsAreRefusedWithTheirName() {
    var c = FeatureConfiguration.standard
    c.ngrams = NGramGenerator(words: nil, characters: nil)
    #expect(throws: FeatureConfigurationError.self) { try c.validate() }
    c = .standard
    c.hashBits = 40
    #expect { try c.validate() } throws: { ($0 as? FeatureConfigurationError)?.description.contains("hash-bits") == true }
}

/// Prediction featurises one document at a time (`withWeightedRow`); its rows must be the very
/// rows `transform` builds, to the bit, under every weighting, with and without hashing.
@Test(arguments: [(FeatureConfiguration.Weighting.tfidf, true, FeatureConfiguration.Normalization.l2),
                  (.tfidf, false, .none), (.counts, true, .l2), (.binary, false, .none)],
      [nil, 12] as [Int?])
func rowAtATimeEqualsTransform(setting: (FeatureConfiguration.Weighting, Bool, FeatureConfiguration.Normalization), hashBits: Int?) {
    var config = FeatureConfiguration.standard
    config.weighting = setting.0
    config.sublinearTF = setting.1
    config.normalization = setting.2
    config.hashBits = hashBits
    let docs = ["We are ready to talk, ready to talk.", "They cannot be trusted! Never, never.", "Talks resume on Tuesday.",
                "", "zzzz qqqq", String(repeating: "sanctions again and again ", count: 40)]
    let extractor = FeatureExtractor.fit(documents: Array(docs.prefix(3)), configuration: config).extractor
    let matrix = extractor.transform(docs)
    var workspace = FeatureExtractor.RowWorkspace(for: extractor)
    for (i, doc) in docs.enumerated() {
        let row = extractor.withWeightedRow(of: Document(text: doc), in: &workspace) { columns, values in
            zip(columns, values).map { (Int($0), $1) }
        }
        let expected = matrix.row(i)
        #expect(row.map(\.0) == expected.map(\.column), "document \(i)")
        #expect(row.map(\.1) == expected.map(\.value), "document \(i)")
    }
}

/// The vocabulary is in UTF-8 byte order (model files depend on it). Terms are sorted by their
/// first eight bytes first; these share long prefixes, differ past them, or end inside them.
@Test func vocabularyIsInByteOrder() {
    let words = ["abcdefghij", "abcdefghik", "abcdefgh", "abcdefg", "ab", "éclair", "eclair", "Ωmega", "z", "zz",
                 "naïve", "naive", "abcdefghijklmnop", "abcdefghijklmnoq", "日本", "a1", "a"]
    var config = FeatureConfiguration.standard
    config.ngrams = NGramGenerator(words: NGramRange(1, 2), characters: NGramRange(2, 4))
    let terms = FeatureExtractor.fit(documents: [words.joined(separator: " "), words.reversed().joined(separator: " ")],
                                     configuration: config).extractor.vocabulary!.terms
    #expect(terms.count > 100)
    #expect(terms == terms.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    #expect(Set(terms).count == terms.count)
}
