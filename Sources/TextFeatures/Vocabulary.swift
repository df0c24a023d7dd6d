/// The learned map from feature name to column, for models trained without hashing.
///
/// Terms are kept in sorted (UTF-8 byte) order and a term's id is its position, so the same
/// training data always gives the same ids, whatever order the documents arrived in.
public struct Vocabulary: Sendable, Equatable {
    public let terms: [String]
    /// Each term's id, keyed by its ``FeatureKey`` (what the byte-level featuriser computes).
    private let keyIndex: FeatureKeyTable

    public init(sortedTerms terms: [String]) {
        self.terms = terms
        var keyIndex = FeatureKeyTable(capacity: terms.count)
        for (i, t) in terms.enumerated() { keyIndex.insert(FeatureKey.of(t), Int32(i)) }
        precondition(keyIndex.count == terms.count, "Vocabulary: duplicate terms, or two terms that share a 64-bit feature key")
        self.keyIndex = keyIndex
    }

    public var count: Int { terms.count }

    /// The id of `term`, found by its key and confirmed by its text.
    public func id(of term: String) -> Int32? {
        guard let id = keyIndex.value(for: FeatureKey.of(term)), terms[Int(id)] == term else { return nil }
        return id
    }

    /// The id of the term whose ``FeatureKey`` is `key`.
    @inline(__always) public func id(ofKey key: UInt64) -> Int32? { keyIndex.value(for: key) }

    public static func == (a: Vocabulary, b: Vocabulary) -> Bool { a.terms == b.terms }
}
