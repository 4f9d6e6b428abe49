/// What dsrd reads of a `Received:` header: the protocol of its `with`
/// clause (RFC 5321 §4.4), to tell local delivery from the hops before it.
enum ReceivedLine {
    /// The word after `with`, lowercased (`esmtps`, `lmtp`); nil when there
    /// is no `with` clause. Comments are skipped, and the clauses end at the
    /// `;` before the date.
    static func protocolName(_ value: String) -> String? {
        var depth = 0
        var word = ""
        var previous = ""
        for character in value + " " {
            if depth > 0 {
                if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
                continue
            }
            if character == "(" || character == ";" || character.isWhitespace {
                if !word.isEmpty {
                    if previous == "with" { return word }
                    previous = word
                    word = ""
                }
                if character == ";" { return nil }
                if character == "(" { depth = 1 }
                continue
            }
            word += character.lowercased()
        }
        return nil
    }

    /// Written by a local delivery agent speaking LMTP (RFC 3848: `LMTP`,
    /// `LMTPA`, `LMTPS`, `LMTPSA`), as Dovecot does on delivery.
    static func isLocalDelivery(_ value: String) -> Bool {
        guard let name = protocolName(value) else { return false }
        return ["lmtp", "lmtpa", "lmtps", "lmtpsa"].contains(name)
    }
}
