import Foundation

/// Lines that belong to the web page rather than the article ("Advertisement", "Share"): the
/// extractor treats them as blank, so a quotation running past an advert is still one statement.
enum PageFurniture {
    static let lines: Set<String> = [
        "advertisement", "share", "share this", "share this article", "story continues below advertisement",
        "continue reading", "continue reading the main story", "read more", "related", "skip advertisement",
    ]

    static func isFurniture<S: StringProtocol>(_ line: S) -> Bool {
        lines.contains(line.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
