/// A structured header value such as Content-Type or Content-Disposition:
/// the main value and its `; name=value` parameters, with RFC 2231
/// continuations and charsets and RFC 2047 words in values decoded.
struct HeaderParameters {
    /// Lowercased main value, e.g. "text/plain" or "attachment".
    var value: String
    /// Parameter values by lowercased name.
    var parameters: [String: String]

    static func parse(_ raw: String) -> HeaderParameters {
        let pieces = splitOutsideQuotes(raw)
        let main = (pieces.first ?? "").trimmingBlanks().lowercasedByScalar()
        var plain: [String: String] = [:]
        var segments: [String: [(index: Int, encoded: Bool, text: String)]] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.utf8.firstIndex(of: UInt8(ascii: "=")) else { continue }
            var name = String(piece[..<equals]).trimmingBlanks().lowercasedByScalar()
            let text = unquote(String(piece[piece.index(after: equals)...]).trimmingBlanks())
            guard !name.isEmpty else { continue }
            var encoded = false
            if name.hasSuffix("*") {
                encoded = true
                name.removeLast()
            }
            if let star = name.utf8.firstIndex(of: UInt8(ascii: "*")), let number = Int(name[name.index(after: star)...]) {
                let base = String(name[..<star])
                segments[base, default: []].append((number, encoded, text))
            } else if encoded {
                segments[name, default: []].append((0, true, text))
            } else if plain[name] == nil {
                plain[name] = text
            }
        }
        var parameters: [String: String] = [:]
        for (name, text) in plain {
            parameters[name] = EncodedWords.decode(text).replacingControlCharacters()
        }
        for (name, parts) in segments {
            parameters[name] = joinContinuations(parts.sorted { $0.index < $1.index })
        }
        return HeaderParameters(value: main, parameters: parameters)
    }

    /// RFC 2231: `charset'language'percent-encoded` in the first encoded
    /// segment, later segments percent-encoded (when marked) or plain.
    private static func joinContinuations(_ parts: [(index: Int, encoded: Bool, text: String)]) -> String {
        var charset: String?
        var bytes: [UInt8] = []
        for (position, part) in parts.enumerated() {
            var text = Substring(part.text)
            if part.encoded && position == 0 {
                let quoteParts = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if quoteParts.count == 3 {
                    charset = String(quoteParts[0])
                    text = quoteParts[2]
                }
            }
            if part.encoded {
                bytes.append(contentsOf: percentDecode(text))
            } else {
                bytes.append(contentsOf: text.utf8)
            }
        }
        let decoded = Charset.decode(bytes, charset: charset)
        // RFC 2231 values hold no encoded words, but unmarked segments from
        // careless writers might.
        let anyEncoded = parts.contains { $0.encoded }
        return (anyEncoded ? decoded : EncodedWords.decode(decoded)).replacingControlCharacters()
    }

    private static func percentDecode(_ text: Substring) -> [UInt8] {
        let source = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
               let high = TransferDecoding.hexValue(source[index + 1]),
               let low = TransferDecoding.hexValue(source[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(source[index])
                index += 1
            }
        }
        return output
    }

    /// Splits at semicolons that are not inside a quoted string. On bytes:
    /// the quote, backslash and semicolon are ASCII, so a split never falls
    /// inside a character of more than one byte.
    private static func splitOutsideQuotes(_ raw: String) -> [String] {
        var raw = raw
        return raw.withUTF8 { bytes in
            var pieces: [String] = []
            var start = 0
            var inQuotes = false
            var escaped = false
            for index in bytes.indices {
                let byte = bytes[index]
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") && inQuotes {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inQuotes.toggle()
                } else if byte == UInt8(ascii: ";") && !inQuotes {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    start = index + 1
                }
            }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return pieces
        }
    }

    /// Removes surrounding quotes and backslash escapes of a quoted string.
    static func unquote(_ text: String) -> String {
        guard text.utf8.first == UInt8(ascii: "\"") else { return text }
        // ASCII other than CR (boundaries, file names in most mail): every
        // byte is a Character of its own, so the quotes are read on bytes.
        var text = text
        let ascii = text.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var escaped = false
            for byte in bytes.dropFirst() {
                if escaped {
                    output.append(byte)
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    break
                } else {
                    output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        if let ascii { return ascii }
        guard text.first == "\"" else { return text }
        var output = ""
        var escaped = false
        for character in text.dropFirst() {
            if escaped {
                output.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                break
            } else {
                output.append(character)
            }
        }
        return output
    }
}
