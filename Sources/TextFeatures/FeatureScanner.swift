/// Walks the features of documents as byte ranges, without building a `String` per feature.
///
/// It makes exactly the features of ``FeatureCounts/forEachFeature(of:_:_:)`` (the readable
/// reference path, which explanations use): the same names, the same multiplicities. Each one is
/// handed over as a ``FeatureName`` — a prefix plus a byte range of the token buffer — whose
/// 32-bit hash (for hashed models) or 64-bit key (for vocabulary lookups) is computed only when
/// asked for. Not thread-safe: give each thread its own scanner; it keeps its buffers between
/// documents, so steady-state featurising allocates nothing.
public struct FeatureScanner {
    public let configuration: FeatureConfiguration
    private var tokens = TokenBuffer()
    private var contextTokens = TokenBuffer()
    /// Byte offsets of the scalars of one padded token (character n-grams of non-ASCII words).
    private var scalarStarts: [Int] = []

    public init(configuration: FeatureConfiguration) {
        self.configuration = configuration
    }

    /// Calls `body` with every feature of `document`, in no particular order.
    public mutating func forEachFeature(of document: Document, _ body: (FeatureName) -> Void) {
        configuration.tokenizer.tokenize(document.text, into: &tokens)
        if let words = configuration.ngrams.words {
            Self.wordNGrams(tokens, words, prefix: .word, body)
        }
        if let characters = configuration.ngrams.characters {
            characterNGrams(characters, body)
        }
        if let range = configuration.contextNGrams, let surrounding = document.surroundingWords {
            configuration.tokenizer.tokenize(surrounding, into: &contextTokens)
            Self.wordNGrams(contextTokens, range, prefix: .contextWord, body)
        }
    }

    /// Calls `body` with the bucket, in a space of 2^`bits`, of every feature of `document`:
    /// `FeatureHashing.fnv1a32(name) & (2^bits − 1)` for each name ``forEachFeature(of:_:)``
    /// gives, in another order.
    public mutating func forEachBucket(of document: Document, bits: Int, _ body: (Int32) -> Void) {
        let mask = UInt32((1 << bits) - 1)
        forEachHash(of: document, FNV1a32Running.self) { body(Int32(bitPattern: $0 & mask)) }
    }

    /// Calls `body` with the ``FeatureKey`` of every feature of `document`, for vocabulary lookups.
    public mutating func forEachKey(of document: Document, _ body: (UInt64) -> Void) {
        forEachHash(of: document, FeatureKeyRunning.self, body)
    }

    /// The features' hashes without their names. FNV-1a is a running hash, so a word n-gram's
    /// hash is its first n−1 words' hash continued over " wordₙ": each n-gram costs the bytes of
    /// its last word, where hashing every name from its start cost all of its words. It walks
    /// the features as ``forEachFeature(of:_:)`` does (a test holds the two to the same multiset).
    private mutating func forEachHash<H: RunningHash>(of document: Document, _: H.Type, _ body: (H.Value) -> Void) {
        configuration.tokenizer.tokenize(document.text, into: &tokens)
        if let words = configuration.ngrams.words {
            Self.wordNGramHashes(tokens, words, prefix: .word, H.self, body)
        }
        if let characters = configuration.ngrams.characters {
            characterNGrams(characters) { body(H.hash($0.bytes, continuing: H.state(after: $0.prefix))) }
        }
        if let range = configuration.contextNGrams, let surrounding = document.surroundingWords {
            configuration.tokenizer.tokenize(surrounding, into: &contextTokens)
            Self.wordNGramHashes(contextTokens, range, prefix: .contextWord, H.self, body)
        }
    }

    /// Word n-grams: the bytes from the start of the first token to the end of the last, which
    /// in a ``TokenBuffer`` are the tokens joined by single spaces.
    private static func wordNGrams(_ tokens: TokenBuffer, _ range: NGramRange, prefix: FeatureName.Prefix,
                                   _ body: (FeatureName) -> Void) {
        tokens.withTokens { bytes, starts, ends in
            let count = starts.count
            for n in range.lower...range.upper where n <= count {
                for start in 0...(count - n) {
                    let from = Int(starts[start]), to = Int(ends[start + n - 1])
                    body(FeatureName(prefix: prefix, bytes: UnsafeBufferPointer(rebasing: bytes[from..<to])))
                }
            }
        }
    }

    /// The hashes of ``wordNGrams(_:_:prefix:_:)``'s names, each n-gram continuing its prefix's.
    private static func wordNGramHashes<H: RunningHash>(_ tokens: TokenBuffer, _ range: NGramRange, prefix: FeatureName.Prefix,
                                                        _: H.Type, _ body: (H.Value) -> Void) {
        if range.upper == 2 { return wordUniAndBigramHashes(tokens, lower: range.lower, prefix: prefix, H.self, body) }
        let initial = H.state(after: prefix)
        tokens.withTokens { bytes, starts, ends in
            let count = starts.count
            for start in 0..<count {
                var h = initial
                var from = Int(starts[start])
                for n in 1...min(range.upper, count - start) {
                    let to = Int(ends[start + n - 1])
                    h = H.hash(UnsafeBufferPointer(rebasing: bytes[from..<to]), continuing: h)
                    if n >= range.lower { body(h) }
                    from = to
                }
            }
        }
    }

    /// Word 1–2-grams (the default) or bigrams alone, with the general walk's hashes in its order.
    /// A word's unigram and the bigram that ends at it are two running hashes over the same
    /// bytes, stepped together: FNV-1a is a chain of dependent multiplies, and two chains side
    /// by side take little longer than one.
    private static func wordUniAndBigramHashes<H: RunningHash>(_ tokens: TokenBuffer, lower: Int, prefix: FeatureName.Prefix,
                                                               _: H.Type, _ body: (H.Value) -> Void) {
        let initial = H.state(after: prefix)
        tokens.withTokens { bytes, starts, ends in
            var previous = initial
            for t in 0..<starts.count {
                let from = Int(starts[t]), to = Int(ends[t])
                var word = initial
                if t > 0 {
                    // The bigram: the previous word's hash continued over the separator and this word.
                    var pair = H.hash(UnsafeBufferPointer(rebasing: bytes[Int(ends[t - 1])..<from]), continuing: previous)
                    for k in from..<to {
                        word = H.step(word, bytes[k])
                        pair = H.step(pair, bytes[k])
                    }
                    body(pair)
                } else {
                    word = H.hash(UnsafeBufferPointer(rebasing: bytes[from..<to]), continuing: word)
                }
                if lower == 1 { body(word) }
                previous = word
            }
        }
    }

    /// Character n-grams within word boundaries: windows of n scalars over each token padded
    /// with one space either side (the buffer's own separators); a padded token shorter than n
    /// is one feature, once, as in ``NGramGenerator``.
    private mutating func characterNGrams(_ range: NGramRange, _ body: (FeatureName) -> Void) {
        tokens.withTokens { bytes, starts, ends in
            for t in 0..<starts.count {
                let from = Int(starts[t]) - 1, to = Int(ends[t]) + 1
                var ascii = true
                for k in from..<to where bytes[k] >= 0x80 { ascii = false; break }
                if ascii {
                    let length = to - from
                    for n in range.lower...range.upper {
                        if n >= length {
                            body(FeatureName(prefix: .character, bytes: UnsafeBufferPointer(rebasing: bytes[from..<to])))
                            break
                        }
                        for start in from...(to - n) {
                            body(FeatureName(prefix: .character, bytes: UnsafeBufferPointer(rebasing: bytes[start..<(start + n)])))
                        }
                    }
                } else {
                    scalarStarts.removeAll(keepingCapacity: true)
                    for k in from..<to where bytes[k] & 0xC0 != 0x80 { scalarStarts.append(k) }
                    scalarStarts.append(to)
                    let length = scalarStarts.count - 1
                    for n in range.lower...range.upper {
                        if n >= length {
                            body(FeatureName(prefix: .character, bytes: UnsafeBufferPointer(rebasing: bytes[from..<to])))
                            break
                        }
                        for s in 0...(length - n) {
                            let slice = bytes[scalarStarts[s]..<scalarStarts[s + n]]
                            body(FeatureName(prefix: .character, bytes: UnsafeBufferPointer(rebasing: slice)))
                        }
                    }
                }
            }
        }
    }
}

/// One feature occurrence: its name is ``prefix`` followed by ``bytes`` (valid only during the
/// call that hands it over).
public struct FeatureName {
    /// What kind of n-gram it is, as the reference path spells it in front of the name.
    public enum Prefix: Sendable {
        case word, character, contextWord

        public var text: String {
            switch self {
            case .word: return NGramGenerator.wordPrefix
            case .character: return NGramGenerator.characterPrefix
            case .contextWord: return FeatureConfiguration.contextPrefix + NGramGenerator.wordPrefix
            }
        }

        /// FNV-1a state after the prefix's bytes, so a name's hash continues from here.
        var hash32: UInt32 {
            switch self {
            case .word: return Self.word32
            case .character: return Self.character32
            case .contextWord: return Self.contextWord32
            }
        }

        var key64: UInt64 {
            switch self {
            case .word: return Self.word64
            case .character: return Self.character64
            case .contextWord: return Self.contextWord64
            }
        }

        private static let word32 = FeatureHashing.fnv1a32(Prefix.word.text)
        private static let character32 = FeatureHashing.fnv1a32(Prefix.character.text)
        private static let contextWord32 = FeatureHashing.fnv1a32(Prefix.contextWord.text)
        private static let word64 = FeatureKey.of(Prefix.word.text)
        private static let character64 = FeatureKey.of(Prefix.character.text)
        private static let contextWord64 = FeatureKey.of(Prefix.contextWord.text)
    }

    public let prefix: Prefix
    public let bytes: UnsafeBufferPointer<UInt8>

    /// FNV-1a 32 of the whole name: the same as ``FeatureHashing/fnv1a32(_:)`` of ``string``.
    @inline(__always) public var hash32: UInt32 { FeatureHashing.fnv1a32(bytes: bytes, continuing: prefix.hash32) }

    /// The name's ``FeatureKey``, for vocabulary lookups.
    @inline(__always) public var key64: UInt64 { FeatureKey.of(bytes: bytes, continuing: prefix.key64) }

    public var string: String { prefix.text + String(decoding: bytes, as: UTF8.self) }
}

/// A feature name's 64-bit FNV-1a hash, used to find it in a vocabulary without building the
/// name as a `String`.
///
/// Two different names with the same key would share a column; at 64 bits the chance that any
/// two of ten million names collide is about 3 × 10⁻⁶ (the birthday bound n²/2⁶⁵), and a
/// ``Vocabulary`` refuses to be built from terms whose keys collide, so a model file never
/// silently merges two of its own terms.
public enum FeatureKey {
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    public static func of(_ name: String) -> UInt64 { of(bytes: name.utf8) }

    /// The key of `bytes`, continuing from `state` (the key of what came before them).
    @inlinable public static func of<Bytes: Sequence>(bytes: Bytes, continuing state: UInt64 = offsetBasis) -> UInt64
    where Bytes.Element == UInt8 {
        var h = state
        for b in bytes {
            h ^= UInt64(b)
            h = h &* prime
        }
        return h
    }
}

/// A hash computed over a name's bytes in order, which can be continued over more bytes.
protocol RunningHash {
    associatedtype Value
    /// The state after a feature kind's prefix.
    static func state(after prefix: FeatureName.Prefix) -> Value
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, continuing state: Value) -> Value
    /// The state after one more byte.
    static func step(_ state: Value, _ byte: UInt8) -> Value
}

/// ``FeatureHashing``'s 32-bit FNV-1a (hashed models' buckets).
enum FNV1a32Running: RunningHash {
    @inline(__always) static func state(after prefix: FeatureName.Prefix) -> UInt32 { prefix.hash32 }
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>, continuing state: UInt32) -> UInt32 {
        FeatureHashing.fnv1a32(bytes: bytes, continuing: state)
    }
    @inline(__always) static func step(_ state: UInt32, _ byte: UInt8) -> UInt32 { (state ^ UInt32(byte)) &* FeatureHashing.prime }
}

/// ``FeatureKey``'s 64-bit FNV-1a (vocabulary lookups).
enum FeatureKeyRunning: RunningHash {
    @inline(__always) static func state(after prefix: FeatureName.Prefix) -> UInt64 { prefix.key64 }
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>, continuing state: UInt64) -> UInt64 {
        FeatureKey.of(bytes: bytes, continuing: state)
    }
    @inline(__always) static func step(_ state: UInt64, _ byte: UInt8) -> UInt64 { (state ^ UInt64(byte)) &* FeatureKey.prime }
}
