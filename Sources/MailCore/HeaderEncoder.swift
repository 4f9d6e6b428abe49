/// Writes header fields for outgoing mail: every CR, LF and other control
/// character in a value is replaced by a space (so no value can start a new
/// header), non-ASCII text becomes RFC 2047 encoded words (UTF-8, B), and
/// lines are folded at blanks to stay within 78 characters where possible.
enum HeaderEncoder {
    static let lineLimit = 78
    /// UTF-8 bytes per encoded word: 42 bytes give 56 base64 characters,
    /// 68 with the "=?UTF-8?B?" and "?=" wrapping (limit 75), so that
    /// "Subject: " and one word fit in a line.
    private static let bytesPerWord = 42

    /// A complete field "Name: value" with CRLF, folded.
    static func field(_ name: String, tokens: [String]) -> String {
        var output = "\(name):"
        var lineLength = output.count
        for token in tokens {
            if !token.isEmpty && lineLength + 1 + token.count > lineLimit {
                output += "\r\n "
                lineLength = 1
            } else {
                output += " "
                lineLength += 1
            }
            output += token
            lineLength += token.count
        }
        return output + "\r\n"
    }

    /// An unstructured value (Subject, extra headers) as foldable tokens.
    static func textTokens(_ value: String) -> [String] {
        let clean = sanitize(value)
        if needsEncoding(clean) { return encodedWords(clean) }
        return clean.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    }

    /// One mailbox as tokens: a quoted or encoded display name, then `<address>`.
    static func mailboxTokens(_ mailbox: MailAddress) -> [String] {
        let address = "<\(cleanAddress(mailbox.address))>"
        let name = sanitize(mailbox.displayName ?? "").trimmingBlanks()
        guard !name.isEmpty else { return [address] }
        if needsEncoding(name) { return encodedWords(name) + [address] }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        var words = escaped.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        words[0] = "\"" + words[0]
        words[words.count - 1] += "\""
        return words + [address]
    }

    /// A list of mailboxes, comma-separated, folded between and inside them.
    static func addressListTokens(_ list: [MailAddress]) -> [String] {
        var tokens: [String] = []
        for (index, mailbox) in list.enumerated() {
            var mailboxTokens = mailboxTokens(mailbox)
            if index < list.count - 1 { mailboxTokens[mailboxTokens.count - 1] += "," }
            tokens += mailboxTokens
        }
        return tokens
    }

    /// An address with everything that could break the header removed:
    /// controls, blanks, angle brackets, commas, semicolons, quotes.
    static func cleanAddress(_ address: String) -> String {
        let clean = sanitize(address)
        if clean.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: clean.utf8.filter { !forbiddenInAddressBytes.contains($0) }, as: UTF8.self)
        }
        return String(clean.filter { !forbiddenInAddress.contains($0) })
    }

    private static let forbiddenInAddress: Set<Character> = ["<", ">", ",", ";", "\"", " ", "\t", "(", ")", "\\", "\r\n"]
    private static let forbiddenInAddressBytes = Set(forbiddenInAddress.compactMap(\.asciiValue))

    /// A Message-ID style value `id` made safe, without brackets.
    static func cleanID(_ id: String) -> String {
        cleanAddress(id.trimmingBlanks())
    }

    /// Control characters (CR and LF among them) replaced by spaces.
    static func sanitize(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return value }
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            let isControl = scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029
            scalars.append(isControl ? " " : scalar)
        }
        return String(scalars)
    }

    /// Non-ASCII text, text that looks like an encoded word, or a word too
    /// long to fold is sent encoded.
    private static func needsEncoding(_ value: String) -> Bool {
        if value.unicodeScalars.contains(where: { $0.value > 0x7E }) { return true }
        if value.contains("=?") { return true }
        return value.split(separator: " ").contains { $0.count > lineLimit - 12 }
    }

    /// The value as UTF-8 "B" encoded words, never splitting a scalar.
    static func encodedWords(_ value: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in value.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > bytesPerWord {
                words.append(encodedWord(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(TransferEncoding.base64(bytes, lineLength: nil))?="
    }

    /// A header name reduced to printable ASCII without colons and blanks.
    static func cleanName(_ name: String) -> String {
        String(name.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F && $0 != ":" }.map(Character.init))
    }
}
