import LinearAlgebra

/// Raw n-gram counts for a corpus, before any vocabulary filtering or weighting.
///
/// Tokenising is the expensive step, so it happens once: cross-validation fits a
/// ``FeatureExtractor`` per fold on the rows of its training part (``FeatureExtractor/fit``),
/// which is exactly equivalent to re-tokenising each fold, because the ids here are only
/// provisional names for terms.
public struct FeatureCounts: Sendable {
    /// Counts; column j is provisional term j (vocabulary mode) or hash bucket j.
    public let matrix: SparseMatrix
    /// The provisional terms, in order of first sight; nil in hashing mode.
    public let terms: [String]?
    public let configuration: FeatureConfiguration

    public init(documents: [String], configuration: FeatureConfiguration) {
        self.init(documents: documents.map { Document(text: $0) }, configuration: configuration)
    }

    public init(documents: [Document], configuration: FeatureConfiguration) {
        self.configuration = configuration
        var builder = SparseMatrixBuilder(columns: 0)
        var scratch: [Int32] = []
        if let bits = configuration.hashBits {
            matrix = Self.hashedCounts(documents, configuration, bits: bits)
            terms = nil
        } else {
            // A name is built as a String only the first time it is seen.
            var scanner = FeatureScanner(configuration: configuration)
            var ids = FeatureKeyTable(capacity: 1 << 16)
            var names: [String] = []
            for document in documents {
                scratch.removeAll(keepingCapacity: true)
                scanner.forEachFeature(of: document) { feature in
                    let id = ids.insert(feature.key64, Int32(names.count))
                    if id == Int32(names.count) { names.append(feature.string) }
                    scratch.append(id)
                }
                builder.columns = names.count
                builder.appendRow(countingIDs: &scratch)
            }
            matrix = builder.build(columns: names.count)
            terms = names
        }
    }

    /// Hashed counts, featurised in parallel pieces of fixed size and stacked in order, so the
    /// matrix is the same for any thread count.
    static func hashedCounts(_ documents: [Document], _ configuration: FeatureConfiguration, bits: Int) -> SparseMatrix {
        let pieces = Parallel.blocks(documents.count, size: 2048)
        var parts = [SparseMatrix?](repeating: nil, count: pieces.count)
        parts.withUnsafeMutableBufferPointer { parts in
            Parallel.forEach(pieces.count) { p in
                var scanner = FeatureScanner(configuration: configuration)
                var builder = SparseMatrixBuilder(columns: 1 << bits)
                // Room for the piece up front (a text of b bytes has at most b + 1 word 1–2-grams),
                // so the arrays are not copied into fresh pages at every doubling.
                builder.reserve(rows: pieces[p].count, nonzeros: pieces[p].reduce(0) { $0 + documents[$1].text.utf8.count + 1 })
                var scratch: [Int32] = []
                for d in pieces[p] {
                    scratch.removeAll(keepingCapacity: true)
                    scanner.forEachBucket(of: documents[d], bits: bits) { scratch.append($0) }
                    builder.appendRow(countingIDs: &scratch)
                }
                parts[p] = builder.build()
            }
        }
        return SparseMatrixBuilder.stacking(&parts, columns: 1 << bits)
    }

    /// The same counts under other weighting and pruning settings. Tokenising is what costs, and
    /// it depends only on the tokeniser, the n-gram ranges and hashing, so a tuner reuses one
    /// count matrix for every setting that shares those.
    public func reweighted(_ other: FeatureConfiguration) -> FeatureCounts {
        precondition(other.tokenizer == configuration.tokenizer && other.ngrams == configuration.ngrams
                     && other.hashBits == configuration.hashBits && other.contextNGrams == configuration.contextNGrams,
                     "FeatureCounts.reweighted: only weighting and pruning may differ")
        return FeatureCounts(matrix: matrix, terms: terms, configuration: other)
    }

    public init(matrix: SparseMatrix, terms: [String]?, configuration: FeatureConfiguration) {
        self.matrix = matrix
        self.terms = terms
        self.configuration = configuration
    }

    /// Every feature name of a document, in order, as the configuration makes them.
    public static func forEachFeature(of document: Document, _ configuration: FeatureConfiguration, _ body: (String) -> Void) {
        let tokens = configuration.tokenizer.tokens(document.text)
        configuration.ngrams.forEachFeature(of: tokens, body)
        if let range = configuration.contextNGrams, let surrounding = document.surroundingWords {
            NGramGenerator(words: range, characters: nil)
                .forEachFeature(of: configuration.tokenizer.tokens(surrounding), prefix: FeatureConfiguration.contextPrefix, body)
        }
    }
}
