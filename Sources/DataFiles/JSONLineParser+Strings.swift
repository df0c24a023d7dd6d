/// Strings in JSON Lines: the fast path that slices the buffer, and escape decoding.
extension JSONLineParser {
    /// The string starting at the opening quote under `position`; escapes are decoded.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let opening = position
        position += 1
        let contentStart = position
        // Fast path: most strings have no escapes and are sliced straight out of the buffer.
        position = nextSpecialByte(from: position)
        guard position < end else { throw failure("the string that starts here is not closed before the end of the line", at: opening) }
        if bytes[position] == ASCII.quote {
            position += 1
            return bytes.string(contentStart..<(position - 1))
        }
        if bytes[position] < 0x20 { throw controlCharacterFailure(bytes[position]) }
        // Escapes: runs between them are copied whole.
        var buffer = Array(bytes[contentStart..<position])
        while true {
            let byte = bytes[position]
            if byte == ASCII.quote {
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            } else if byte == UInt8(ascii: "\\") {
                try parseEscape(into: &buffer)
            } else {
                throw controlCharacterFailure(byte)
            }
            let run = nextSpecialByte(from: position)
            buffer.append(contentsOf: bytes[position..<run])
            position = run
            guard position < end else { throw failure("the string that starts here is not closed before the end of the line", at: opening) }
        }
    }

    /// The first quote, backslash or control byte at or after `start` (or `end`), tested eight
    /// bytes at a time: a news text is hundreds of bytes with none of them inside.
    private func nextSpecialByte(from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var i = start
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= end {
                let v = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let quote = v ^ (ones &* 0x22), backslash = v ^ (ones &* 0x5C)
                // Some byte of x is zero exactly when (x − 0x01…) & ~x has a high bit set, and
                // some byte of v is below 0x20 exactly when (v − 0x20…) & ~v has (for any word).
                let zeroQuote = (quote &- ones) & ~quote
                let zeroBackslash = (backslash &- ones) & ~backslash
                let control = (v &- ones &* 0x20) & ~v
                if (zeroQuote | zeroBackslash | control) & highs != 0 { break }
                i += 8
            }
            while i < end {
                let b = buffer[i]
                if b == ASCII.quote || b == UInt8(ascii: "\\") || b < 0x20 { return i }
                i += 1
            }
            return end
        }
    }

    private func controlCharacterFailure(_ byte: UInt8) -> JSONSyntaxError {
        let name = byte == ASCII.tab ? " (a tab; write it as \\t)" : ""
        return failure("control character 0x\(hex(byte))\(name) inside a string must be escaped", at: position)
    }

    /// Decodes the escape at `position` (a backslash) and appends its UTF-8 bytes. An unpaired
    /// surrogate (`\ud800` alone) becomes U+FFFD, as in most JSON readers, rather than failing.
    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        let escapeStart = position
        guard position + 1 < end else {
            throw failure("a backslash ends the line inside a string", at: escapeStart)
        }
        let code = bytes[position + 1]
        position += 2
        switch code {
        case ASCII.quote, UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(code)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(ASCII.formFeed)
        case UInt8(ascii: "n"): buffer.append(ASCII.lineFeed)
        case UInt8(ascii: "r"): buffer.append(ASCII.carriageReturn)
        case UInt8(ascii: "t"): buffer.append(ASCII.tab)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4(escapeStart: escapeStart)
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                let lowStart = position
                if position + 6 <= end && bytes[position] == UInt8(ascii: "\\") && bytes[position + 1] == UInt8(ascii: "u") {
                    position += 2
                    let low = try parseHex4(escapeStart: lowStart)
                    if low >= 0xDC00 && low <= 0xDFFF {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        position = lowStart  // not a pair: decode the next escape on its own
                        scalar = 0xFFFD
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                scalar = 0xFFFD
            }
            appendUTF8(scalar, to: &buffer)
        default:
            throw failure("invalid escape \(describe(escapeStart + 1)) after a backslash; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                          at: escapeStart)
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < end, let digit = hexValue(bytes[position]) else {
                throw failure("\\u must be followed by 4 hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Appends the UTF-8 encoding of a scalar value (never a surrogate here).
    private func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | (scalar >> 6)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | (scalar >> 12)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            buffer.append(UInt8(0xF0 | (scalar >> 18)))
            buffer.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
