/// RFC 2047 encoded words (`=?charset?Q|B?text?=`) in header values.
/// Adjacent encoded words are joined (also when one character is split
/// across them), the blanks between them dropped; words glued to other text
/// are decoded too, since real mail does that.
enum EncodedWords {
    /// Longest encoded word accepted.
    private static let maxWordLength = 4096

    static func decode(_ value: String) -> String {
        // Every encoded word holds a "?": most values are passed on without a copy.
        guard value.containsByte(UInt8(ascii: "?")) else { return value }
        let bytes = Array(value.utf8)
        guard containsMarker(bytes) else { return value }
        var output = ""
        var pending: [UInt8] = []
        var pendingCharset: String?
        var literalStart = 0
        var lastWordEnd = -1
        var index = 0
        let terminators = nextTerminators(bytes)

        func flushPending() {
            if let charset = pendingCharset {
                output += Charset.decode(pending, charset: charset)
            }
            pending.removeAll(keepingCapacity: true)
            pendingCharset = nil
        }

        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?"),
                  let word = parseWord(bytes, at: index, terminators: terminators) else {
                index += 1
                continue
            }
            let between = bytes[literalStart..<index]
            let onlyBlanks = between.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
            if !(lastWordEnd == literalStart && onlyBlanks) {
                flushPending()
                output += String(decoding: between, as: UTF8.self)
            }
            if let charset = pendingCharset, charset != word.charset { flushPending() }
            pending.append(contentsOf: word.bytes)
            pendingCharset = word.charset
            index = word.end
            literalStart = index
            lastWordEnd = index
        }
        flushPending()
        output += String(decoding: bytes[literalStart...], as: UTF8.self)
        return output
    }

    private static func containsMarker(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?") { return true }
            index += 1
        }
        return false
    }

    private struct Word {
        var charset: String
        var bytes: [UInt8]
        var end: Int
    }

    /// For each position, where the next "?=" starts (or `bytes.count`), so
    /// that finding the end of a word never rescans: linear time overall.
    private static func nextTerminators(_ bytes: [UInt8]) -> [Int] {
        var result = [Int](repeating: bytes.count, count: bytes.count + 1)
        var index = bytes.count - 2
        while index >= 0 {
            let here = bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: "=")
            result[index] = here ? index : result[index + 1]
            index -= 1
        }
        return result
    }

    private static func parseWord(_ bytes: [UInt8], at start: Int, terminators: [Int]) -> Word? {
        let limit = min(bytes.count, start + maxWordLength)
        var index = start + 2
        let charsetStart = index
        while index < limit, index - charsetStart <= 64, bytes[index] != UInt8(ascii: "?") {
            let byte = bytes[index]
            if byte <= 0x20 || byte >= 0x7F { return nil }
            index += 1
        }
        guard index < limit, index > charsetStart, index - charsetStart <= 64 else { return nil }
        let charset = Charset.normalizedName(String(decoding: bytes[charsetStart..<index], as: UTF8.self))
        index += 1
        guard index + 1 < limit, bytes[index + 1] == UInt8(ascii: "?") else { return nil }
        let mode = bytes[index] | 0x20
        guard mode == UInt8(ascii: "b") || mode == UInt8(ascii: "q") else { return nil }
        index += 2
        let textStart = index
        guard index <= bytes.count else { return nil }
        index = terminators[index]
        guard index + 1 < limit else { return nil }
        let text = bytes[textStart..<index]
        let decoded = mode == UInt8(ascii: "b") ? TransferDecoding.base64(text).bytes : qDecode(text)
        return Word(charset: charset, bytes: decoded, end: index + 2)
    }

    /// The "Q" encoding: quoted-printable with "_" for space.
    private static func qDecode(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "_") {
                output.append(0x20)
            } else if byte == UInt8(ascii: "="), index + 2 < text.endIndex,
                      let high = TransferDecoding.hexValue(text[index + 1]),
                      let low = TransferDecoding.hexValue(text[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }
}
