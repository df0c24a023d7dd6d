/// The learned map from feature name to column, for models trained without hashing.
///
/// Terms are kept in sorted (UTF-8 byte) order and a term's id is its position, so the same
/// training data always gives the same ids, whatever order the documents arrived in.
public struct Vocabulary: Sendable, Equatable {
    public let terms: [String]
    private let index: [String: Int32]
    /// The same map keyed by each term's ``FeatureKey``, for the byte-level featuriser.
    private let keyIndex: FeatureKeyTable

    public init(sortedTerms terms: [String]) {
        self.terms = terms
        var index: [String: Int32] = [:]
        index.reserveCapacity(terms.count)
        for (i, t) in terms.enumerated() { index[t] = Int32(i) }
        precondition(index.count == terms.count, "Vocabulary: duplicate terms")
        self.index = index
        var keyIndex = FeatureKeyTable(capacity: terms.count)
        for (i, t) in terms.enumerated() { keyIndex.insert(FeatureKey.of(t), Int32(i)) }
        precondition(keyIndex.count == terms.count, "Vocabulary: two terms share a 64-bit feature key")
        self.keyIndex = keyIndex
    }

    public var count: Int { terms.count }

    public func id(of term: String) -> Int32? { index[term] }

    /// The id of the term whose ``FeatureKey`` is `key`.
    @inline(__always) public func id(ofKey key: UInt64) -> Int32? { keyIndex.value(for: key) }

    public static func == (a: Vocabulary, b: Vocabulary) -> Bool { a.terms == b.terms }
}
