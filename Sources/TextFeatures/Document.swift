/// What a classifier reads: the text to label, and optionally the sentence around it.
///
/// For a quoted statement the context is the reporter's sentence ("…,” Dunford insisted,
/// adding…"). With ``FeatureConfiguration/contextNGrams`` set, its words become features of
/// their own (prefixed `x`), so an attribution verb such as "insisted" or "hoped" can count
/// without being mistaken for the speaker's words; the quoted words themselves are removed from
/// the context first so they are not counted twice.
public struct Document: Sendable, Equatable, ExpressibleByStringLiteral {
    public var text: String
    public var context: String?

    public init(text: String, context: String? = nil) {
        self.text = text
        self.context = context
    }

    public init(stringLiteral value: String) { self.init(text: value) }

    /// The context without the quoted text (the first place it occurs), or nil.
    public var surroundingWords: String? {
        guard let context, !context.isEmpty else { return nil }
        guard !text.isEmpty, let range = context.range(of: text) else { return context }
        return context.replacingCharacters(in: range, with: " ")
    }
}
