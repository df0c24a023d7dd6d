import TextFeatures
import Testing

@Test func contextWordsBecomeSeparateFeaturesWithoutTheQuote() {
    let document = Document(text: "not a deal founded on trust", context: "“Not a deal founded on trust,” Dunford insisted.")
    #expect(document.surroundingWords == "“Not a deal founded on trust,” Dunford insisted.")   // case differs: kept whole
    let exact = Document(text: "a long way", context: "Carter says the Russians are “a long way” from it.")
    #expect(exact.surroundingWords == "Carter says the Russians are “ ” from it.")

    let config = FeatureConfiguration(ngrams: NGramGenerator(words: NGramRange(1, 1), characters: nil),
                                      weighting: .counts, sublinearTF: false, normalization: .none,
                                      contextNGrams: NGramRange(1, 1))
    let fit = FeatureExtractor.fit(documents: [exact], configuration: config)
    let terms = fit.extractor.vocabulary!.terms
    #expect(terms.contains("xw:says") && terms.contains("xw:carter"))
    #expect(terms.contains("w:long") && !terms.contains("xw:long"))
    // Without context, the same configuration sees only the text.
    #expect(fit.extractor.transform([Document(text: "a long way")]).nonzeroCount == 3)
}
