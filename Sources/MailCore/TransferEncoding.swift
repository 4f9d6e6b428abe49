/// Content-Transfer-Encoding writers for outgoing mail (CRLF line ends).
enum TransferEncoding {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Base64, in lines of `lineLength` characters joined by CRLF, or one line.
    static func base64(_ bytes: [UInt8], lineLength: Int?) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 4 / 3 + bytes.count / 38 + 4)
        var column = 0
        var index = 0
        func put(_ byte: UInt8) {
            if let lineLength, column == lineLength {
                output += [0x0D, 0x0A]
                column = 0
            }
            output.append(byte)
            column += 1
        }
        while index < bytes.count {
            let first = bytes[index]
            let second = index + 1 < bytes.count ? bytes[index + 1] : 0
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            put(alphabet[Int(first >> 2)])
            put(alphabet[Int((first & 0x03) << 4 | second >> 4)])
            put(index + 1 < bytes.count ? alphabet[Int((second & 0x0F) << 2 | third >> 6)] : UInt8(ascii: "="))
            put(index + 2 < bytes.count ? alphabet[Int(third & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Quoted-printable of UTF-8 text: line ends become CRLF, lines are
    /// soft-broken at 76 characters, trailing blanks and a leading "." or
    /// "From " are encoded so no transport can alter them.
    static func quotedPrintable(_ text: String) -> String {
        let normalized = normalizeLineEnds(text)
        var lines: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(encodeLine(Array(line.utf8)))
        }
        return lines.joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var column = 0
        let hex = Array("0123456789ABCDEF".utf8)
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            var piece: [UInt8]
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == 0x20 || byte == 0x09) && !isLast)
            let leadingDot = index == 0 && byte == UInt8(ascii: ".")
            let leadingFrom = index == 0 && bytes.starts(with: Array("From ".utf8))
            if literal && !leadingDot && !leadingFrom {
                piece = [byte]
            } else {
                piece = [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
            // Keep room for the soft break "=" unless this is the line's end.
            let limit = isLast ? 76 : 75
            if column + piece.count > limit {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                column = 0
            }
            output += piece
            column += piece.count
        }
        return String(decoding: output, as: UTF8.self)
    }
}
