/// The learned map from feature name to column, for models trained without hashing.
///
/// Terms are kept in sorted (UTF-8 byte) order and a term's id is its position, so the same
/// training data always gives the same ids, whatever order the documents arrived in.
public struct Vocabulary: Sendable, Equatable {
    public let terms: [String]
    private let index: [String: Int32]

    public init(sortedTerms terms: [String]) {
        self.terms = terms
        var index: [String: Int32] = [:]
        index.reserveCapacity(terms.count)
        for (i, t) in terms.enumerated() { index[t] = Int32(i) }
        precondition(index.count == terms.count, "Vocabulary: duplicate terms")
        self.index = index
    }

    public var count: Int { terms.count }

    public func id(of term: String) -> Int32? { index[term] }

    public static func == (a: Vocabulary, b: Vocabulary) -> Bool { a.terms == b.terms }
}
