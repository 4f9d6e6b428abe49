import Foundation

/// Turns bytes in a declared charset into text without ever dropping it:
/// UTF-8 and US-ASCII leniently (stray 8-bit bytes read as Windows-1252),
/// ISO-8859-1/-15 and Windows-1252 from tables, other charsets through
/// Foundation where it converts them, and anything unknown as lenient UTF-8.
enum Charset {
    static func decode<C: Collection>(_ bytes: C, charset: String?) -> String where C.Element == UInt8 {
        let name = normalizedName(charset)
        switch name {
        case "", "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968", "unicode-1-1-utf-8", "x-unknown", "unknown-8bit", "default":
            return lenientUTF8(bytes)
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "cp819", "ibm819",
             "windows-1252", "cp1252", "x-cp1252", "win-1252":
            // WHATWG practice: ISO-8859-1 labels are read as Windows-1252.
            return windows1252(bytes, latin9: false)
        case "utf-7", "unicode-1-1-utf-7", "x-utf-7", "csunicode11utf7":
            return UTF7.decode(bytes)
        case "iso-8859-15", "iso8859-15", "latin9", "latin-9", "iso_8859-15", "l9":
            return windows1252(bytes, latin9: true)
        default:
            if let encoding = foundationEncoding(name),
               let text = String(bytes: Array(bytes), encoding: encoding) {
                return text
            }
            return lenientUTF8(bytes)
        }
    }

    /// Lowercased, trimmed, quotes and an RFC 2231 language suffix removed.
    static func normalizedName(_ charset: String?) -> String {
        guard let charset else { return "" }
        var name = trimmed(charset) { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }.lowercasedByScalar()
        name = trimmed(name) { $0 == "\"" || $0 == "'" }
        if let star = name.utf8.firstIndex(of: UInt8(ascii: "*")) { name = String(name[..<star]) }
        if name.hasPrefix("iso8859") { name = "iso-8859" + name.dropFirst(7) }
        if name.hasPrefix("iso_8859") { name = "iso-8859" + name.dropFirst(8) }
        if name.hasPrefix("cp125") { name = "windows-125" + name.dropFirst(5) }
        return name
    }

    /// The text without the scalars `drop` matches at either end.
    private static func trimmed(_ text: String, dropping drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !drop($0) }),
              let end = scalars.lastIndex(where: { !drop($0) }) else { return "" }
        return String(scalars[start...end])
    }

    /// UTF-8 where valid; each byte of an invalid sequence read as Windows-1252.
    static func lenientUTF8<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        // ASCII (most header values, much text) is valid UTF-8 as it is: a
        // cheaper test than validation, and a copy.
        let ascii = bytes.withContiguousStorageIfAvailable { buffer -> String? in
            buffer.allSatisfy { $0 < 0x80 } ? String(decoding: buffer, as: UTF8.self) : nil
        }
        if let ascii, let text = ascii { return text }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let array = Array(bytes)
        // Written straight into the string's storage: a valid sequence is
        // copied, an invalid byte is at most three bytes in UTF-8.
        return String(unsafeUninitializedCapacity: array.count * 3) { buffer in
            var count = 0
            var index = 0
            while index < array.count {
                let length = utf8SequenceLength(array, at: index)
                if length > 0 {
                    for offset in 0..<length { buffer[count + offset] = array[index + offset] }
                    count += length
                    index += length
                } else {
                    count = appendUTF8(windows1252Scalar(array[index], latin9: false), to: buffer, at: count)
                    index += 1
                }
            }
            return count
        }
    }

    /// Writes the scalar's UTF-8 at `count`; returns the new count.
    private static func appendUTF8(_ scalar: Unicode.Scalar, to buffer: UnsafeMutableBufferPointer<UInt8>, at count: Int) -> Int {
        var count = count
        for byte in scalar.utf8 {
            buffer[count] = byte
            count += 1
        }
        return count
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when invalid.
    private static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        let second = bytes[index + 1]
        if lead == 0xE0 && second < 0xA0 { return 0 }
        if lead == 0xED && second > 0x9F { return 0 }
        if lead == 0xF0 && second < 0x90 { return 0 }
        if lead == 0xF4 && second > 0x8F { return 0 }
        return length
    }

    static func windows1252<C: Collection>(_ bytes: C, latin9: Bool) -> String where C.Element == UInt8 {
        // Each byte is at most three bytes in UTF-8 (U+20AC).
        String(unsafeUninitializedCapacity: bytes.count * 3) { buffer in
            var count = 0
            for byte in bytes {
                if byte < 0x80 {
                    buffer[count] = byte
                    count += 1
                } else {
                    count = appendUTF8(windows1252Scalar(byte, latin9: latin9), to: buffer, at: count)
                }
            }
            return count
        }
    }

    /// Windows-1252 for 0x80–0x9F, Latin-1 elsewhere; with `latin9` the eight
    /// ISO-8859-15 differences from Latin-1 instead.
    static func windows1252Scalar(_ byte: UInt8, latin9: Bool) -> Unicode.Scalar {
        if latin9 {
            switch byte {
            case 0xA4: return "\u{20AC}"
            case 0xA6: return "\u{0160}"
            case 0xA8: return "\u{0161}"
            case 0xB4: return "\u{017D}"
            case 0xB8: return "\u{017E}"
            case 0xBC: return "\u{0152}"
            case 0xBD: return "\u{0153}"
            case 0xBE: return "\u{0178}"
            default: break
            }
        }
        if byte >= 0x80 && byte <= 0x9F {
            let value = cp1252High[Int(byte - 0x80)]
            return Unicode.Scalar(value) ?? Unicode.Scalar(byte)
        }
        return Unicode.Scalar(byte)
    }

    /// Windows-1252 code points for bytes 0x80–0x9F (undefined ones kept as C1).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Foundation encodings by IANA name (CoreFoundation encoding numbers,
    /// which Foundation on Linux accepts as raw values).
    private static func foundationEncoding(_ name: String) -> String.Encoding? {
        if name.hasPrefix("iso-8859-"), let number = Int(name.dropFirst(9)) {
            let table: [Int: UInt] = [2: 0x202, 3: 0x203, 4: 0x204, 5: 0x205, 6: 0x206, 7: 0x207,
                                      8: 0x208, 9: 0x209, 10: 0x20A, 11: 0x20B, 13: 0x20D,
                                      14: 0x20E, 16: 0x210]
            return table[number].map { String.Encoding(rawValue: 0x8000_0000 | $0) }
        }
        if name.hasPrefix("windows-125"), let digit = Int(name.dropFirst(11)), digit <= 8 {
            let values: [UInt] = [0x500, 0x501, 0x502, 0x503, 0x504, 0x505, 0x506, 0x507, 0x508]
            return String.Encoding(rawValue: 0x8000_0000 | values[digit])
        }
        switch name {
        case "utf-16": return .utf16
        case "utf-16be": return .utf16BigEndian
        case "utf-16le": return .utf16LittleEndian
        case "utf-32": return .utf32
        case "utf-32be": return .utf32BigEndian
        case "utf-32le": return .utf32LittleEndian
        case "koi8-r": return String.Encoding(rawValue: 0x8000_0A02)
        case "koi8-u": return String.Encoding(rawValue: 0x8000_0A08)
        case "big5", "big5-hkscs": return String.Encoding(rawValue: 0x8000_0A03)
        case "gb18030", "gbk", "gb2312", "cp936", "x-gbk", "euc-cn": return String.Encoding(rawValue: 0x8000_0632)
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "cp932", "windows-31j": return .shiftJIS
        case "euc-jp": return .japaneseEUC
        case "iso-2022-jp": return .iso2022JP
        case "macintosh", "mac", "x-mac-roman": return .macOSRoman
        default: return nil
        }
    }
}
