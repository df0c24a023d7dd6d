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

    /// Word n-grams: the bytes from the start of the first token to the end of the last, which
    /// in a ``TokenBuffer`` are the tokens joined by single spaces.
    private static func wordNGrams(_ tokens: TokenBuffer, _ range: NGramRange, prefix: FeatureName.Prefix,
                                   _ body: (FeatureName) -> Void) {
        let count = tokens.count
        tokens.bytes.withUnsafeBufferPointer { bytes in
            for n in range.lower...range.upper where n <= count {
                for start in 0...(count - n) {
                    let from = Int(tokens.starts[start]), to = Int(tokens.ends[start + n - 1])
                    body(FeatureName(prefix: prefix, bytes: UnsafeBufferPointer(rebasing: bytes[from..<to])))
                }
            }
        }
    }

    /// Character n-grams within word boundaries: windows of n scalars over each token padded
    /// with one space either side (the buffer's own separators); a padded token shorter than n
    /// is one feature, once, as in ``NGramGenerator``.
    private mutating func characterNGrams(_ range: NGramRange, _ body: (FeatureName) -> Void) {
        let tokens = self.tokens
        tokens.bytes.withUnsafeBufferPointer { bytes in
            for t in 0..<tokens.count {
                let from = Int(tokens.starts[t]) - 1, to = Int(tokens.ends[t]) + 1
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
        fileprivate var hash32: UInt32 {
            switch self {
            case .word: return Self.word32
            case .character: return Self.character32
            case .contextWord: return Self.contextWord32
            }
        }

        fileprivate var key64: UInt64 {
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
