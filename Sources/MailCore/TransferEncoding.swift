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
    /// "From " are encoded so no transport can alter them. One pass over the
    /// bytes into one buffer: a reply is encoded for every request.
    static func quotedPrintable(_ text: String) -> String {
        let bytes = Array(normalizeLineEnds(text).utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8 + 16)
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != lf { lineEnd += 1 }
            if lineStart > 0 { output += [cr, lf] }
            encodeLine(bytes, from: lineStart, to: lineEnd, into: &output)
            lineStart = lineEnd + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    private static let hex = Array("0123456789ABCDEF".utf8)
    private static let from = Array("From ".utf8)

    /// Encodes `bytes[start..<end]`, one line without its line end.
    private static func encodeLine(_ bytes: [UInt8], from start: Int, to end: Int, into output: inout [UInt8]) {
        let leadingFrom = end - start >= from.count && bytes[start..<(start + from.count)].elementsEqual(from)
        var column = 0
        for index in start..<end {
            let byte = bytes[index]
            let isLast = index == end - 1
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == 0x20 || byte == 0x09) && !isLast)
            let first = index == start
            let plain = literal && !(first && (byte == UInt8(ascii: ".") || leadingFrom))
            let width = plain ? 1 : 3
            // Keep room for the soft break "=" unless this is the line's end.
            if column + width > (isLast ? 76 : 75) {
                output += [UInt8(ascii: "="), cr, lf]
                column = 0
            }
            if plain {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
            column += width
        }
    }
}
