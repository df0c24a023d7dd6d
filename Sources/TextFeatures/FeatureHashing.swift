/// Stable feature hashing: 32-bit FNV-1a over the UTF-8 bytes of the feature name.
///
/// Why FNV-1a: it is tiny, fast on short keys, has published test vectors, and fastText uses
/// the same function, so its behaviour on n-gram keys is well known. Why not Swift's `Hasher`:
/// it is seeded per process, so a model trained today would score differently tomorrow. The
/// hash is part of the model-file format (its name is stored in the header); changing it means
/// a new format version.
///
/// Bucket = hash & (2^bits − 1). Collisions are accepted, as in scikit-learn's
/// `HashingVectorizer` (without its alternating sign, which matters little for linear models
/// with 2^18 or more buckets).
public enum FeatureHashing {
    public static let name = "fnv1a-32"
    public static let offsetBasis: UInt32 = 0x811C_9DC5
    public static let prime: UInt32 = 0x0100_0193

    public static func fnv1a32(_ text: String) -> UInt32 { fnv1a32(bytes: text.utf8) }

    /// The hash of `bytes`, continuing from `state` (the hash of what came before them).
    @inlinable public static func fnv1a32<Bytes: Sequence>(bytes: Bytes, continuing state: UInt32 = offsetBasis) -> UInt32
    where Bytes.Element == UInt8 {
        var h = state
        for byte in bytes {
            h ^= UInt32(byte)
            h = h &* prime
        }
        return h
    }

    public static func bucket(_ feature: String, bits: Int) -> Int32 {
        Int32(bitPattern: fnv1a32(feature) & UInt32((1 << bits) - 1))
    }
}
