import TextFeatures
import Testing

private let tokenizer = Tokenizer()

@Test(arguments: [
    ("We’re not entering into a transaction, ” Dunford insisted.",
     ["we're", "not", "entering", "into", "a", "transaction", ",", "\"", "dunford", "insisted", "."]),
    ("We're here", ["we're", "here"]),
    ("Don't", ["don't"]),
    ("the 90s’ music", ["the", "90s", "'", "music"]),
    ("‘a long way’", ["'", "a", "long", "way", "'"]),
    ("@User see https://t.co/xyz! #SemST", ["@user", "see", "<url>", "!", "#semst"]),
    ("visit www.example.org.", ["visit", "<url>", "."]),
    ("1,000 troops cost $3.5 billion", ["1,000", "troops", "cost", "$", "3.5", "billion"]),
    ("well-known rock'n'roll -- end-", ["well-known", "rock'n'roll", "-", "-", "end", "-"]),
    ("ÉTAT «Paix» Москва", ["état", "\"", "paix", "\"", "москва"]),
    ("e-mail me@example", ["e-mail", "me", "@", "example"]),
    ("", []),
    ("  \t\n ", []),
])
func tokenizerSplitsAndNormalises(text: String, expected: [String]) {
    #expect(tokenizer.tokens(text) == expected)
}

@Test func caseAndPunctuationCanBeKept() {
    #expect(Tokenizer(lowercase: false, punctuation: false).tokens("Hello, World!") == ["Hello", "World"])
}

@Test func informalTextOptions() {
    let tweet = Tokenizer(splitHashtags: true, squeezeElongations: true, markNegation: true)
    #expect(tweet.tokens("#GunControlNow is soooo needed") == ["#guncontrolnow", "gun", "control", "now", "is", "soo", "needed"])
    #expect(tweet.tokens("#peace2016 #stop_war") == ["#peace2016", "peace", "2016", "#stop_war", "stop", "war"])
    #expect(tweet.tokens("I don't like it, but fine") == ["i", "don't", "like_NEG", "it_NEG", ",", "but", "fine"])
    #expect(tweet.tokens("never again. ok") == ["never", "again_NEG", ".", "ok"])
    // Off by default: the same text is tokenised plainly.
    #expect(Tokenizer().tokens("#GunControlNow soooo") == ["#guncontrolnow", "soooo"])
}
