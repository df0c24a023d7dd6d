/// One quoted statement found in an article.
public struct QuotedStatement: Sendable, Equatable, Codable {
    /// The words inside the quotation marks (parts of a split quotation joined by one space),
    /// without a trailing comma.
    public var text: String
    /// Offsets in Unicode scalars (as Python's `str` indexes): from the opening mark of the
    /// first part to just past the closing mark of the last.
    public var start: Int
    public var end: Int
    /// The paragraph-bounded sentence(s) around the quotation, attribution included.
    public var context: String
    /// Who said it, as the article names them (full name where the article gave one), or nil.
    public var speaker: String?
    /// The speech verb of the attribution ("said", "insisted", "according to"), or nil.
    public var verb: String?
    /// A short fragment embedded in the reporter's sentence (e.g. called it “a long way”).
    public var partial: Bool

    public init(text: String, start: Int, end: Int, context: String, speaker: String?, verb: String?, partial: Bool) {
        self.text = text
        self.start = start
        self.end = end
        self.context = context
        self.speaker = speaker
        self.verb = verb
        self.partial = partial
    }
}
