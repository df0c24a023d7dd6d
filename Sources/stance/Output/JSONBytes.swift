/// Appends JSON to a byte buffer without `JSONEncoder`, for output written once per record.
///
/// `JSONEncoder` builds a dictionary, sorts its keys and allocates per value; at hundreds of
/// thousands of predictions a second that cost more than the prediction. Callers write keys in
/// sorted order themselves, so lines read the same as the encoder's `.sortedKeys` output.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A JSON string: quotes, backslashes and control characters escaped (RFC 8259); "/" and
    /// non-ASCII characters are written as they are.
    mutating func string(_ text: String) {
        bytes.append(0x22)
        for b in text.utf8 {
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0x08: bytes.append(0x5C); bytes.append(0x62)
            case 0x0C: bytes.append(0x5C); bytes.append(0x66)
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }

    /// A number: the shortest decimal that reads back as the same `Double`; non-finite as null.
    mutating func number(_ value: Double) {
        guard value.isFinite else { raw("null"); return }
        bytes.append(contentsOf: value.description.utf8)
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }
}
