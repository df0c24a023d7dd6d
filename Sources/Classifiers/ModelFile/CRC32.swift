/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum at the end of a model file.
///
/// It detects every single-bit and burst error up to 32 bits, which is what a model file on disk
/// or in transit suffers; it is not a defence against deliberate tampering. Check value:
/// CRC32("123456789") = 0xCBF43926.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// Tables for "slicing by 8": entry [k][b] is the CRC of byte b followed by k zero bytes,
    /// so eight bytes are folded per step with eight independent lookups instead of a chain of
    /// eight dependent ones — a model file of 25 MB is checked on every load.
    static let slices: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for b in 0..<256 { t[b] = table[b] }
        for k in 1..<8 {
            for b in 0..<256 {
                let previous = t[(k - 1) * 256 + b]
                t[k * 256 + b] = table[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return t
    }()

    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        if let crc = bytes.withContiguousStorageIfAvailable({ checksum(UnsafeRawBufferPointer($0)) }) { return crc }
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes { crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        update(0xFFFF_FFFF, bytes) ^ 0xFFFF_FFFF
    }

    /// A checksum over bytes that arrive in pieces (a file written piece by piece).
    public struct Running {
        private var state: UInt32 = 0xFFFF_FFFF
        public init() {}
        public mutating func add(_ bytes: UnsafeRawBufferPointer) { state = CRC32.update(state, bytes) }
        public var value: UInt32 { state ^ 0xFFFF_FFFF }
    }

    /// The register after `bytes`, starting from `crc` (not inverted).
    static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = crc
        let n = bytes.count
        var i = 0
        slices.withUnsafeBufferPointer { t in
            while i + 8 <= n {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ UInt64(crc)
                crc = t[7 * 256 + Int(word & 0xFF)] ^ t[6 * 256 + Int((word >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((word >> 16) & 0xFF)] ^ t[4 * 256 + Int((word >> 24) & 0xFF)]
                    ^ t[3 * 256 + Int((word >> 32) & 0xFF)] ^ t[2 * 256 + Int((word >> 40) & 0xFF)]
                    ^ t[1 * 256 + Int((word >> 48) & 0xFF)] ^ t[Int(word >> 56)]
                i += 8
            }
            while i < n {
                crc = t[Int((crc ^ UInt32(bytes[i])) & 0xFF)] ^ (crc >> 8)
                i += 1
            }
        }
        return crc
    }
}
