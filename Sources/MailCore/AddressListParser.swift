/// Reads address-list headers (From, To, Cc, Reply-To) from their raw value:
/// quoted display names, comments, angle addresses, groups and the
/// old `address (Name)` form. RFC 2047 words in names are decoded after
/// the structure is known, so a decoded comma cannot split a name.
enum AddressListParser {
    static func parse(_ raw: String) -> [MailAddress] {
        var result: [MailAddress] = []
        var phrase = ""          // display name or bare address words
        var comment = ""
        var angle: String?
        var inQuotes = false
        var quotedSeen = false
        var commentDepth = 0
        var inAngle = false
        var angleText = ""
        var escaped = false

        func finishMailbox() {
            defer {
                phrase = ""
                comment = ""
                angle = nil
                quotedSeen = false
            }
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
            let words = bare.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if !quotedSeen, let last = words.last, last.contains("@") {
                // A bare address; a comment serves as the display name.
                let name = comment.trimmingBlanks()
                let address = words.count == 1 ? String(last) : words.joined()
                let display = name.isEmpty ? nil : decodeName(name)
                result.append(MailAddress(displayName: display, address: address))
            } else if !quotedSeen && words.count == 1 {
                result.append(MailAddress(displayName: nil, address: String(words[0])))
            }
        }

        for character in raw {
            if escaped {
                if commentDepth > 0 { comment.append(character) } else { phrase.append(character) }
                escaped = false
                continue
            }
            if inAngle {
                if character == ">" {
                    inAngle = false
                    angle = angleText
                } else {
                    angleText.append(character)
                }
                continue
            }
            if commentDepth > 0 {
                switch character {
                case "\\": escaped = true
                case "(": commentDepth += 1; comment.append(character)
                case ")":
                    commentDepth -= 1
                    if commentDepth > 0 { comment.append(character) }
                default: comment.append(character)
                }
                continue
            }
            if inQuotes {
                switch character {
                case "\\": escaped = true
                case "\"": inQuotes = false
                default: phrase.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                inQuotes = true
                quotedSeen = true
            case "(":
                commentDepth = 1
                if !comment.isEmpty { comment.append(" ") }
            case "<":
                inAngle = true
                angleText = ""
            case ",", ";":
                finishMailbox()
            case ":":
                // A group name ends here; its members follow.
                if angle == nil { phrase = "" ; quotedSeen = false }
            default:
                phrase.append(character)
            }
        }
        if inAngle { angle = angleText }
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
