import TextFeatures
import Testing

/// Golden values: published FNV-1a test vectors, then feature names and their 2^20 buckets.
/// If these change, every hashed model ever written scores differently: that needs a new
/// model-format version, not a new golden value.
@Test func ngramHashMatchesGoldenValues() {
    #expect(FeatureHashing.fnv1a32("") == 0x811C_9DC5)
    #expect(FeatureHashing.fnv1a32("a") == 0xE40C_292C)
    #expect(FeatureHashing.fnv1a32("foobar") == 0xBF9C_F968)
    #expect(FeatureHashing.fnv1a32("w:the") == 0x5E15_0E97)
    #expect(FeatureHashing.bucket("w:the", bits: 20) == 331_415)
    #expect(FeatureHashing.bucket("c: we", bits: 20) == 1_048_152)
    #expect(FeatureHashing.bucket("w:not entering", bits: 20) == 487_453)
}
