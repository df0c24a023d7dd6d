import CPrefetch
import Foundation
import LinearAlgebra

/// A fitted featuriser: text in, weighted sparse rows out.
///
/// Fitting learns what depends on the training data — the vocabulary (unless hashing) and the
/// idf of every feature — and nothing else, so it is cheap to refit per cross-validation fold
/// from one ``FeatureCounts``.
public struct FeatureExtractor: Sendable, Equatable {
    public let configuration: FeatureConfiguration
    /// nil when hashing.
    public let vocabulary: Vocabulary?
    /// Inverse document frequencies, one per column (empty unless weighting is tfidf).
    public let idf: [Double]
    /// `idf` as `Float`, what weighting multiplies by: half the cache footprint on 2^20 buckets.
    private let idf32: [Float]

    public var featureCount: Int { vocabulary?.count ?? (1 << (configuration.hashBits ?? 0)) }

    public init(configuration: FeatureConfiguration, vocabulary: Vocabulary?, idf: [Double]) {
        precondition((vocabulary == nil) == (configuration.hashBits != nil), "FeatureExtractor: vocabulary xor hashing")
        self.configuration = configuration
        self.vocabulary = vocabulary
        self.idf = idf
        self.idf32 = [Float](unsafeUninitializedCapacity: idf.count) { out, initialized in
            HugePages.advise(UnsafeMutableRawBufferPointer(out))  // read at random, as the weights
            for i in idf.indices { out[i] = Float(idf[i]) }
            initialized = idf.count
        }
    }

    /// The result of fitting on some rows: the extractor, the training rows' features, and the
    /// map from provisional ids to final columns (−1 = dropped) for transforming other rows of
    /// the same ``FeatureCounts``.
    public struct Fit: Sendable {
        public let extractor: FeatureExtractor
        public let features: SparseMatrix
        public let columnMap: [Int32]?

        /// The features of other rows of the same counts (e.g. a held-out fold).
        public func transform(_ counts: FeatureCounts, rows: [Int]) -> SparseMatrix {
            var x = Self.remap(counts.matrix.selectingRows(rows), columnMap, columns: extractor.featureCount)
            extractor.applyWeighting(&x)
            return x
        }

        static func remap(_ m: SparseMatrix, _ map: [Int32]?, columns: Int) -> SparseMatrix {
            guard let map else { return m }
            var builder = SparseMatrixBuilder(columns: columns)
            builder.reserve(rows: m.rows, nonzeros: m.nonzeroCount)
            // Each entry packed as column << 32 | value bits: sorting plain integers is several
            // times faster than sorting pairs through a closure.
            var packed: [UInt64] = []
            var rowColumns: [Int32] = [], rowValues: [Float] = []
            for i in 0..<m.rows {
                packed.removeAll(keepingCapacity: true)
                for p in m.rowStart[i]..<m.rowStart[i + 1] {
                    let c = map[Int(m.columnIndices[p])]
                    if c >= 0 { packed.append(UInt64(c) << 32 | UInt64(m.values[p].bitPattern)) }
                }
                packed.sort()
                rowColumns.removeAll(keepingCapacity: true)
                rowValues.removeAll(keepingCapacity: true)
                for entry in packed {
                    rowColumns.append(Int32(truncatingIfNeeded: entry >> 32))
                    rowValues.append(Float(bitPattern: UInt32(truncatingIfNeeded: entry)))
                }
                rowColumns.withUnsafeBufferPointer { c in rowValues.withUnsafeBufferPointer { builder.appendSortedRow(c, $0) } }
            }
            return builder.build()
        }
    }

    /// Learns vocabulary and idf from `rows` of `counts` (all rows when nil).
    ///
    /// `counts` is consumed: when the caller hands over its last copy and all rows are used,
    /// the weights are written over the counts in place instead of into a copy (on a million
    /// documents that copy was 700 MB of the peak).
    public static func fit(_ counts: consuming FeatureCounts, rows: [Int]? = nil) -> Fit {
        let configuration = counts.configuration
        let terms = counts.terms
        let sub: SparseMatrix
        if let rows { sub = counts.matrix.selectingRows(rows) } else { sub = (consume counts).matrix }
        let documents = sub.rows
        // Document frequencies decide the vocabulary and the idf; hashed binary or count
        // features need neither, so they skip this pass over every non-zero.
        let needsFrequencies = terms != nil || configuration.weighting == .tfidf
        var documentFrequency = [Int](repeating: 0, count: needsFrequencies ? sub.columns : 0)
        var totalCount = [Double](repeating: 0, count: terms != nil ? sub.columns : 0)
        if needsFrequencies {
            documentFrequency.withUnsafeMutableBufferPointer { df in
                sub.columnIndices.withUnsafeBufferPointer { columns in
                    for c in columns { df[Int(c)] += 1 }
                }
            }
        }
        if terms != nil {
            for p in 0..<sub.nonzeroCount { totalCount[Int(sub.columnIndices[p])] += Double(sub.values[p]) }
        }

        var vocabulary: Vocabulary? = nil
        var columnMap: [Int32]? = nil
        var keptFrequency = documentFrequency
        if let terms {
            let maxDF = configuration.maxDocumentFrequency * Double(documents)
            var kept = (0..<sub.columns).filter {
                documentFrequency[$0] >= configuration.minDocumentFrequency && Double(documentFrequency[$0]) <= maxDF
            }
            if let limit = configuration.maxFeatures, kept.count > limit {
                kept.sort { totalCount[$0] != totalCount[$1] ? totalCount[$0] > totalCount[$1] : terms[$0] < terms[$1] }
                kept = Array(kept.prefix(limit))
            }
            Self.sortByBytes(&kept, terms)
            var map = [Int32](repeating: -1, count: sub.columns)
            for (final, provisional) in kept.enumerated() { map[provisional] = Int32(final) }
            vocabulary = Vocabulary(sortedTerms: kept.map { terms[$0] })
            keptFrequency = kept.map { documentFrequency[$0] }
            columnMap = map
        }

        let idf: [Double] = configuration.weighting == .tfidf
            ? keptFrequency.map { log(Double(1 + documents) / Double(1 + $0)) + 1 }
            : []
        let extractor = FeatureExtractor(configuration: configuration, vocabulary: vocabulary, idf: idf)
        var features = Fit.remap(consume sub, columnMap, columns: extractor.featureCount)
        extractor.applyWeighting(&features)
        return Fit(extractor: extractor, features: features, columnMap: columnMap)
    }

    /// Sorts term indices by their terms' UTF-8 bytes. Most pairs differ in their first eight
    /// bytes, so those are compared as one integer; the rest compare the whole terms with memcmp
    /// (comparing `String.UTF8View`s element by element took a quarter of vocabulary training).
    static func sortByBytes(_ indices: inout [Int], _ terms: [String]) {
        func prefix(_ term: String) -> UInt64 {
            var key: UInt64 = 0
            for (k, byte) in term.utf8.prefix(8).enumerated() { key |= UInt64(byte) << UInt64(56 - 8 * k) }
            return key
        }
        func precedes(_ a: String, _ b: String) -> Bool {
            let ordered = a.utf8.withContiguousStorageIfAvailable { a in
                b.utf8.withContiguousStorageIfAvailable { b in
                    let common = memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count))
                    return common != 0 ? common < 0 : a.count < b.count
                }
            }
            return (ordered ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
        }
        var keyed = indices.map { (key: prefix(terms[$0]), index: $0) }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : precedes(terms[$0.index], terms[$1.index]) }
        indices = keyed.map(\.index)
    }

    /// Fits on whole documents (tokenising them once) and returns the training features too.
    public static func fit(documents: [Document], configuration: FeatureConfiguration) -> Fit {
        fit(FeatureCounts(documents: documents, configuration: configuration))
    }

    public static func fit(documents: [String], configuration: FeatureConfiguration) -> Fit {
        fit(FeatureCounts(documents: documents, configuration: configuration))
    }

    /// Featurises new documents. Unknown terms are ignored (vocabulary mode).
    public func transform(_ documents: [String]) -> SparseMatrix {
        transform(documents.map { Document(text: $0) })
    }

    /// Featurises in parallel pieces of fixed size, stacked in order (the result does not
    /// depend on the thread count).
    public func transform(_ documents: [Document]) -> SparseMatrix {
        let pieces = Parallel.blocks(documents.count, size: 2048)
        var parts = [SparseMatrix?](repeating: nil, count: pieces.count)
        parts.withUnsafeMutableBufferPointer { parts in
            Parallel.forEach(pieces.count) { p in parts[p] = transformOnThisThread(documents[pieces[p]]) }
        }
        return SparseMatrixBuilder.stacking(&parts, columns: featureCount)
    }

    /// One piece of ``transform(_:)``, row by row as prediction featurises (one code path for both).
    private func transformOnThisThread(_ documents: ArraySlice<Document>) -> SparseMatrix {
        var builder = SparseMatrixBuilder(columns: featureCount)
        var workspace = RowWorkspace(for: self)
        for document in documents {
            withWeightedRow(of: document, in: &workspace) { builder.appendSortedRow($0, $1) }
        }
        return builder.build()
    }

    /// Calls `body` with the column of every feature occurrence in `document` that the model knows.
    public func forEachColumn(of document: Document, _ body: (Int32) -> Void) {
        var scanner = FeatureScanner(configuration: configuration)
        forEachColumn(of: document, scanner: &scanner, body)
    }

    /// As ``forEachColumn(of:_:)``, reusing a scanner's buffers.
    public func forEachColumn(of document: Document, scanner: inout FeatureScanner, _ body: (Int32) -> Void) {
        if let vocabulary {
            scanner.forEachKey(of: document) { key in
                if let id = vocabulary.id(ofKey: key) { body(id) }
            }
        } else {
            scanner.forEachBucket(of: document, bits: configuration.hashBits!, body)
        }
    }

    /// Turns counts into the configured weights, in place: binary / (sublinear) tf, × idf, then
    /// row normalisation.
    public func applyWeighting(_ x: inout SparseMatrix) {
        let starts = x.rowStart
        x.withColumnsAndValues { columns, values in
            for i in 0..<starts.count - 1 {
                let row = starts[i]..<starts[i + 1]
                weightRow(UnsafeBufferPointer(rebasing: columns[row]), UnsafeMutableBufferPointer(rebasing: values[row]))
            }
        }
    }

    /// One row of ``applyWeighting(_:)``: its columns, and its counts turned into weights.
    func weightRow(_ columns: UnsafeBufferPointer<Int32>, _ values: UnsafeMutableBufferPointer<Float>) {
        let weighting = configuration.weighting
        let sublinear = configuration.sublinearTF
        idf32.withUnsafeBufferPointer { idf in
            for p in 0..<values.count {
                let count = values[p]
                var v: Float
                switch weighting {
                case .binary: v = 1
                case .counts, .tfidf: v = sublinear && count != 1 ? 1 + Float(log(Double(count))) : count
                }
                if weighting == .tfidf { v *= idf[Int(columns[p])] }
                values[p] = v
            }
        }
        guard configuration.normalization == .l2 else { return }
        var squaredNorm = 0.0
        for v in values { squaredNorm += Double(v) * Double(v) }
        guard squaredNorm > 0 else { return }
        let scale = Float(1 / squaredNorm.squareRoot())
        for p in 0..<values.count { values[p] *= scale }
    }

    /// Scratch for featurising one document at a time (``withWeightedRow(of:in:_:)``), kept
    /// between documents so that the loop allocates nothing.
    public struct RowWorkspace {
        var scanner: FeatureScanner
        var ids: [Int32] = []
        var values: [Float] = []
        var counter = IDCounter()

        public init(for extractor: FeatureExtractor) {
            scanner = FeatureScanner(configuration: extractor.configuration)
        }
    }

    /// Calls `body` with one document's feature row — increasing columns and their weights,
    /// exactly the row ``transform(_:)`` gives it — without building a matrix: prediction
    /// scores each row while it is still in cache.
    ///
    /// Both the idf and the caller's per-column data (`table`, rows `rowBytes` apart: a model's
    /// weights) sit at random addresses in tables larger than the cache. Both are asked for as
    /// each feature is hashed, so the misses overlap the scanning instead of stalling weighting
    /// and scoring one by one.
    public func withWeightedRow<R>(of document: Document, in workspace: inout RowWorkspace,
                                   prefetchingRowsOf table: UnsafeRawPointer? = nil, rowBytes: Int = 0,
                                   _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Float>) -> R) -> R {
        // Moved out and back, so the closure below does not capture the whole workspace.
        var ids = workspace.ids
        workspace.ids = []
        defer { workspace.ids = ids }
        ids.removeAll(keepingCapacity: true)
        idf32.withUnsafeBufferPointer { idf in
            let idf = configuration.weighting == .tfidf ? idf.baseAddress : nil
            forEachColumn(of: document, scanner: &workspace.scanner) { id in
                if let idf { stance_prefetch_read(idf + Int(id)) }
                if let table { stance_prefetch_read(table + Int(id) * rowBytes) }
                ids.append(id)
            }
        }
        let n = workspace.counter.count(&ids, into: &workspace.values, below: featureCount)
        return ids.withUnsafeBufferPointer { ids in
            workspace.values.withUnsafeMutableBufferPointer { values in
                let columns = UnsafeBufferPointer(rebasing: ids[0..<n])
                let weights = UnsafeMutableBufferPointer(rebasing: values[0..<n])
                weightRow(columns, weights)
                return body(columns, UnsafeBufferPointer(weights))
            }
        }
    }
}
