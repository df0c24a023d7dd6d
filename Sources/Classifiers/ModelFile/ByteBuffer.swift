import LinearAlgebra
/// Little-endian encoding helpers for the model file. Explicit little-endian so a file written
/// on one machine reads the same on any other.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func write(_ v: UInt8) { bytes.append(v) }
    mutating func write(_ v: UInt16) { for s in stride(from: 0, to: 16, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt16(s))) } }
    mutating func write(_ v: UInt32) { for s in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(s))) } }
    mutating func write(_ v: UInt64) { for s in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(s))) } }
    mutating func write(_ bytes: [UInt8]) { self.bytes.append(contentsOf: bytes) }
    mutating func write(_ values: [Double]) {
        bytes.reserveCapacity(bytes.count + 8 * values.count)
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }  // already little-endian IEEE 754
        #else
        for v in values { write(v.bitPattern) }
        #endif
    }
}

/// Reads a model file's bytes in place: sections and numbers are slices of the one buffer the
/// file was read into, copied once into the arrays they become.
struct ByteReader {
    let bytes: ArraySlice<UInt8>
    /// From the start of `bytes`.
    var offset = 0
    let path: String

    init(_ bytes: ArraySlice<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
    }

    init(_ bytes: [UInt8], path: String) { self.init(bytes[...], path: path) }

    var remaining: Int { bytes.count - offset }

    mutating func take(_ n: Int) throws(ModelFileError) -> ArraySlice<UInt8> {
        guard n >= 0, n <= remaining else { throw .malformed(path: path, reason: "a section runs past the end of the file") }
        defer { offset += n }
        let start = bytes.startIndex + offset
        return bytes[start..<(start + n)]
    }

    mutating func readUInt8() throws(ModelFileError) -> UInt8 { try take(1).first! }
    mutating func readUInt16() throws(ModelFileError) -> UInt16 { UInt16(truncatingIfNeeded: try readLE(2)) }
    mutating func readUInt32() throws(ModelFileError) -> UInt32 { UInt32(truncatingIfNeeded: try readLE(4)) }
    mutating func readUInt64() throws(ModelFileError) -> UInt64 { try readLE(8) }

    private mutating func readLE(_ n: Int) throws(ModelFileError) -> UInt64 {
        var v: UInt64 = 0
        for (i, b) in try take(n).enumerated() { v |= UInt64(b) << UInt64(8 * i) }
        return v
    }

    mutating func readDoubles(_ count: Int) throws(ModelFileError) -> [Double] {
        guard count >= 0, count <= remaining / 8 else { throw .malformed(path: path, reason: "an array of \(count) numbers runs past the end of the file") }
        #if _endian(little)
        // The file's little-endian IEEE 754 is the memory layout: one copy (a 2^20×3 model is
        // 24 MB, which a value-by-value read took a twentieth of a 100k-document prediction on).
        let raw = try take(8 * count)
        return [Double](unsafeUninitializedCapacity: count) { out, initialized in
            // Weights are read at random while scoring: huge pages spare a TLB miss per feature.
            HugePages.advise(UnsafeMutableRawBufferPointer(out))
            raw.withUnsafeBytes { UnsafeMutableRawBufferPointer(out).copyMemory(from: $0) }
            initialized = count
        }
        #else
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count { out[i] = Double(bitPattern: try readUInt64()) }
        return out
        #endif
    }
}
