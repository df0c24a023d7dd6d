import TextFeatures
import Testing

@Test func wordNGramsCoverTheRange() {
    let g = NGramGenerator(words: NGramRange(1, 2), characters: nil)
    #expect(g.features(of: ["a", "b", "a"]) == ["w:a", "w:b", "w:a", "w:a b", "w:b a"])
    #expect(NGramGenerator(words: NGramRange(3, 3)).features(of: ["a", "b"]) == [])
}

@Test func characterNGramsStayInsideWordsWithPadding() {
    let g = NGramGenerator(words: nil, characters: NGramRange(2, 3))
    #expect(g.features(of: ["ab"]) == ["c: a", "c:ab", "c:b ", "c: ab", "c:ab "])
    // A token shorter than n gives its padded self once, as scikit-learn's char_wb does.
    #expect(NGramGenerator(words: nil, characters: NGramRange(2, 5)).features(of: ["a"]) == ["c: a", "c:a ", "c: a "])
}

@Test func rangesParseFromTheCommandLine() {
    #expect(NGramRange(parsing: "1-3") == NGramRange(1, 3))
    #expect(NGramRange(parsing: "2") == NGramRange(2, 2))
    #expect(NGramRange(parsing: "3-1") == nil)
    #expect(NGramRange(parsing: "0-2") == nil)
    #expect(NGramRange(parsing: "x") == nil)
}
