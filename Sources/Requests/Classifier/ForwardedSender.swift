import MailCore

/// Whether a forwarded mail passes on someone else's request: the subject
/// says "Fwd:" (or "VS:", "WG:", "VB:"…) and the forwarded block's "From:"
/// line names another address than the forwarder's. Such a request is made
/// on behalf of its original writer.
enum ForwardedSender {
    private static let forwardPrefixes = ["fwd", "fw", "vs", "wg", "vb", "tr", "vid", "vl", "doorst"]
    private static let banners = ["forwarded message", "videresendt melding", "videresendt e-post", "vidarebefordrat meddelande",
                                  "weitergeleitete nachricht", "videresendt besked", "begin forwarded message"]
    private static let fromLabels = ["from:", "fra:", "frå:", "från:", "von:", "de:", "van:"]

    /// `text`: the message's text as the classifier reads it (`AnalysedText`).
    static func isSomeoneElse(_ message: ParsedMessage, text: String) -> Bool {
        let subject = message.subject.lowercasedByScalar().drop { $0 == " " }
        let forwardSubject = forwardPrefixes.contains { prefix in
            subject.hasPrefix(prefix) && (subject.count == prefix.count || ": ".contains(subject[subject.index(subject.startIndex, offsetBy: prefix.count)]))
        }
        guard forwardSubject || hasBanner(text),
              let forwarder = message.from.first?.address.lowercasedByScalar(), !forwarder.isEmpty else { return false }
        // The first 400 lines, without splitting the rest.
        for line in text.split(maxSplits: 400, whereSeparator: \.isNewline).prefix(400) {
            let rest = line.drop { $0 == " " || $0 == ">" || $0 == "*" }
            // Every label starts with f, d or v, which no other letter lowercases to: other lines are not lowercased.
            switch rest.utf8.first {
            case UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "v"), UInt8(ascii: "V"): break
            default: continue
            }
            let trimmed = rest.lowercasedByScalar()
            guard fromLabels.contains(where: { trimmed.hasPrefix($0) }), let address = address(in: trimmed) else { continue }
            return address != forwarder
        }
        return false
    }

    /// A forward banner line ("---------- Forwarded message ---------",
    /// "Begin forwarded message:").
    private static func hasBanner(_ text: String) -> Bool {
        // Lines found on bytes; only those whose first byte may start a banner are read as Characters.
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                defer { start = end + 1 }
                let byte = bytes[start]
                guard end > start, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "B") || byte == UInt8(ascii: "b") else { continue }
                var line = Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                if line.utf8.last == UInt8(ascii: "\r") { line = line.dropLast() }
                guard let first = line.first, first == "-" || first == "B" || first == "b" else { continue }
                let lowered = line.lowercasedByScalar()
                if banners.contains(where: { lowered.containsBytes($0) }) { return true }
            }
            return false
        }
    }

    /// The first word with an "@", without brackets, quotes and "mailto:".
    private static func address(in line: String) -> String? {
        for word in line.split(whereSeparator: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "[" || $0 == "]" || $0 == "(" || $0 == ")" })
        where word.contains("@") {
            var cleaned = word.hasPrefix("mailto:") ? word.dropFirst(7) : word
            while let last = cleaned.last, ",;.:".contains(last) { cleaned = cleaned.dropLast() }
            return String(cleaned)
        }
        return nil
    }
}
