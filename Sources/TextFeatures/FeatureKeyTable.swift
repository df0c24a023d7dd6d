/// A map from 64-bit feature keys (``FeatureKey``) to column ids: open addressing with linear
/// probing over two flat arrays.
///
/// Why not `Dictionary<UInt64, Int32>`: the standard dictionary hashes every key with SipHash,
/// seeded per process, which on the scoring path of a vocabulary model cost as much as finding
/// all the features in the text. The keys here are already FNV-1a hashes, so one multiply
/// (Fibonacci hashing) spreads them over the table; at most half the slots are used, so probes
/// stay short. The key 0 marks an empty slot; a real key of 0 is kept aside.
public struct FeatureKeyTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let shift: UInt64
    private var zeroValue: Int32? = nil
    public private(set) var count = 0

    public init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The id of `key`, or nil.
    @inline(__always) public func value(for key: UInt64) -> Int32? {
        if key == 0 { return zeroValue }
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for `key` unless the key is present; returns the value now stored.
    @discardableResult
    public mutating func insert(_ key: UInt64, _ value: Int32) -> Int32 {
        if key == 0 {
            if let existing = zeroValue { return existing }
            zeroValue = value
            count += 1
            return value
        }
        if 2 * (count + 1) > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 {
                keys[i] = key
                values[i] = value
                count += 1
                return value
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        var bigger = FeatureKeyTable(capacity: keys.count)
        bigger.zeroValue = zeroValue
        bigger.count = zeroValue == nil ? 0 : 1
        for (k, v) in zip(keys, values) where k != 0 { bigger.insert(k, v) }
        self = bigger
    }
}
