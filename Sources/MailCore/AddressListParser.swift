/// Reads address-list headers (From, To, Cc, Reply-To) from their raw value:
/// quoted display names, comments, angle addresses, groups and the
/// old `address (Name)` form. RFC 2047 words in names are decoded after
/// the structure is known, so a decoded comma cannot split a name.
///
/// It walks the UTF-8 bytes: every character with a meaning here is ASCII,
/// so the bytes of any other character are copied through whole.
enum AddressListParser {
    static func parse(_ raw: String) -> [MailAddress] {
        var result: [MailAddress] = []
        var phraseBytes: [UInt8] = []   // display name or bare address words
        var commentBytes: [UInt8] = []
        var angle: String?
        var inQuotes = false
        var quotedSeen = false
        var commentDepth = 0
        var inAngle = false
        var angleText: [UInt8] = []
        var escaped = false

        func finishMailbox() {
            defer {
                phraseBytes.removeAll(keepingCapacity: true)
                commentBytes.removeAll(keepingCapacity: true)
                angle = nil
                quotedSeen = false
            }
            let phrase = String(decoding: phraseBytes, as: UTF8.self)
            let comment = String(decoding: commentBytes, as: UTF8.self)
            if let address = angle {
                let cleaned = stripRoute(address).trimmingBlanks()
                let name = phrase.trimmingBlanks()
                guard !cleaned.isEmpty || !name.isEmpty else { return }
                let display = name.isEmpty ? comment.trimmingBlanks() : name
                result.append(MailAddress(displayName: decodeName(display), address: cleaned))
                return
            }
            let bare = phrase.trimmingBlanks()
            guard !bare.isEmpty else { return }
            // Most are one word (a bare address): split only where a blank is.
            let words = bare.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 })
                ? bare.split(whereSeparator: { $0 == " " || $0 == "\t" }) : [bare[...]]
            if !quotedSeen, let last = words.last, last.utf8.contains(UInt8(ascii: "@")) {
                // A bare address; a comment serves as the display name.
                let name = comment.trimmingBlanks()
                let address = words.count == 1 ? String(last) : words.joined()
                let display = name.isEmpty ? nil : decodeName(name)
                result.append(MailAddress(displayName: display, address: address))
            } else if !quotedSeen && words.count == 1 {
                result.append(MailAddress(displayName: nil, address: String(words[0])))
            }
        }

        for byte in raw.utf8 {
            if escaped {
                if commentDepth > 0 { commentBytes.append(byte) } else { phraseBytes.append(byte) }
                escaped = false
                continue
            }
            if inAngle {
                if byte == UInt8(ascii: ">") {
                    inAngle = false
                    angle = String(decoding: angleText, as: UTF8.self)
                } else {
                    angleText.append(byte)
                }
                continue
            }
            if commentDepth > 0 {
                switch byte {
                case UInt8(ascii: "\\"): escaped = true
                case UInt8(ascii: "("): commentDepth += 1; commentBytes.append(byte)
                case UInt8(ascii: ")"):
                    commentDepth -= 1
                    if commentDepth > 0 { commentBytes.append(byte) }
                default: commentBytes.append(byte)
                }
                continue
            }
            if inQuotes {
                switch byte {
                case UInt8(ascii: "\\"): escaped = true
                case UInt8(ascii: "\""): inQuotes = false
                default: phraseBytes.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inQuotes = true
                quotedSeen = true
            case UInt8(ascii: "("):
                commentDepth = 1
                if !commentBytes.isEmpty { commentBytes.append(UInt8(ascii: " ")) }
            case UInt8(ascii: "<"):
                inAngle = true
                angleText.removeAll(keepingCapacity: true)
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                finishMailbox()
            case UInt8(ascii: ":"):
                // A group name ends here; its members follow.
                if angle == nil { phraseBytes.removeAll(keepingCapacity: true); quotedSeen = false }
            default:
                phraseBytes.append(byte)
            }
        }
        if inAngle { angle = String(decoding: angleText, as: UTF8.self) }
        finishMailbox()
        return result
    }

    /// Drops an obsolete source route: `@a,@b:user@c` becomes `user@c`.
    private static func stripRoute(_ address: String) -> String {
        guard address.hasPrefix("@"), let colon = address.firstIndex(of: ":") else { return address }
        return String(address[address.index(after: colon)...])
    }

    private static func decodeName(_ name: String) -> String? {
        let decoded = EncodedWords.decode(name).replacingControlCharacters().trimmingBlanks()
        return decoded.isEmpty ? nil : decoded
    }
}
