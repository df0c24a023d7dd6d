import Articles
import Foundation
import Testing

private let extractor = QuoteExtractor()

@Test func findsCurlyStraightAndGuillemetQuotationsWithSpeakers() {
    let article = """
    Deputy Foreign Minister Oleg Varnavin met Senator Ellen Marsh in Geneva.

    “We are ready to keep talking,” Varnavin said on Tuesday.

    Advertisement

    "Nothing has been agreed yet," said Marsh. A Russian paper wrote «the talks are going nowhere fast».
    """
    let quotes = extractor.extract(from: article)
    #expect(quotes.map(\.text) == ["We are ready to keep talking", "Nothing has been agreed yet", "the talks are going nowhere fast"])
    #expect(quotes.map(\.speaker) == ["Oleg Varnavin", "Ellen Marsh", "A Russian paper"])
    #expect(quotes.map(\.verb) == ["said", "said", "wrote"])
    let scalars = Array(article.unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[quotes[0].start..<quotes[0].end])) == "“We are ready to keep talking,”")
}

@Test func joinsAQuotationSplitByItsAttribution() {
    let article = "Gen. Paul Hale spoke first. “We’re not entering into a deal founded on trust, ” Hale insisted, “and we never will.”"
    let quotes = extractor.extract(from: article)
    #expect(quotes.count == 1)
    #expect(quotes[0].text == "We’re not entering into a deal founded on trust and we never will.")
    #expect(quotes[0].speaker == "Paul Hale" && quotes[0].verb == "insisted")
}

/// “A,” X said. “B,” Y added. — two statements, each with its own speaker; without the second
/// attribution the speaker goes on and the parts stay one statement.
@Test func keepsASecondAttributedPartSeparate() {
    let article = "Oleg Varnavin and Ellen Marsh met. “We are ready,” Varnavin said. “The rest is politics,” said Marsh. “Next time,” Marsh added."
    let quotes = extractor.extract(from: article)
    #expect(quotes.map(\.text) == ["We are ready", "The rest is politics", "Next time"])
    #expect(quotes.map(\.speaker) == ["Oleg Varnavin", "Ellen Marsh", "Ellen Marsh"])
    let goesOn = extractor.extract(from: "Oleg Varnavin spoke. “We are ready to talk,” Varnavin said. “We have always been ready.”")
    #expect(goesOn.map(\.text) == ["We are ready to talk We have always been ready."])
    #expect(goesOn.first?.speaker == "Oleg Varnavin")
}

@Test func resolvesPronounsAndMarksShortFragmentsPartial() {
    let article = """
    Secretary Anna Reyes spent the week in Moscow. “We made progress,” she said.
    Reyes says the two sides are “a long way” apart. We’re told the 90s’ talks were different.
    """
    let quotes = extractor.extract(from: article)
    #expect(quotes.map(\.text) == ["We made progress", "a long way"])
    #expect(quotes.map(\.speaker) == ["Anna Reyes", "Anna Reyes"])
    #expect(quotes.map(\.partial) == [true, true])
}

@Test func continuesAQuotationAcrossParagraphsThatReopenIt() {
    let article = "The envoy, Mark Dole, said: “First, we talk.\n\n“Then we decide. Nothing else makes sense.”"
    let quotes = extractor.extract(from: article)
    #expect(quotes.map(\.text) == ["First, we talk. Then we decide. Nothing else makes sense."])
    #expect(quotes[0].speaker == "Mark Dole")
}

@Test func leavesOutOneWordTermsAndApostrophes() {
    let quotes = extractor.extract(from: "The so-called “reset” failed, and we’re the ones who’ll pay for the ’80s.")
    #expect(quotes.isEmpty)
}

/// The article this project started from (kept in ../shared, not shipped): the statements by
/// Kerry, Carter and Dunford, with those speakers.
@Test(.enabled(if: seedArticle != nil, "../shared/examples/seed-article.txt not found; skipping"))
func extractsTheSeedArticlesStatementsAndSpeakers() {
    let quotes = extractor.extract(from: seedArticle!)
    func speaker(of fragment: String) -> String?? { quotes.first { $0.text.contains(fragment) }.map(\.speaker) }
    for q in quotes { print("\(q.speaker ?? "-") [\(q.verb ?? "-")] partial=\(q.partial): \(q.text)") }
    #expect(speaker(of: "My hope would be") == "John Kerry")
    #expect(speaker(of: "a long way") == "Ash Carter")
    #expect(speaker(of: "obviously have been backing [the] regime") == "Ash Carter")
    #expect(speaker(of: "not entering into a transaction that is founded on trust") == "Joseph Dunford")
    #expect(speaker(of: "mutual interest") == "Joseph Dunford")
    #expect(quotes.contains { $0.text == "This is what Secretary Kerry is exploring" })
    #expect(quotes.first { $0.text == "a long way" }?.partial == true)
}

private let seedArticle: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = root.deletingLastPathComponent().appendingPathComponent("shared/examples/seed-article.txt").path
    return try? String(contentsOfFile: path, encoding: .utf8)
}()
