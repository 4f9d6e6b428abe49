/// Finds the Message-ID of the original message inside a bounce or report:
/// from an embedded message/rfc822 or text/rfc822-headers part, from an
/// Original-Message-ID field of a report part, or (unless `structuredOnly`)
/// from a "Message-ID:" line in the returned text.
enum OriginalMessageID {
    static func find(in message: ParsedMessage, structuredOnly: Bool = false) -> String? {
        for embedded in message.embeddedMessages {
            if let id = embedded.messageID { return id }
        }
        for part in message.reportParts {
            if let id = fieldValue(in: part.text, names: ["original-message-id:", "message-id:"]) { return id }
        }
        if structuredOnly { return nil }
        if let id = fieldValue(in: message.text, names: ["message-id:", "original-message-id:"]) { return id }
        for embedded in message.embeddedMessages {
            if let id = find(in: embedded) { return id }
        }
        return nil
    }

    /// The first `<id>` on a line that starts with one of the field names
    /// (after optional quote marks and blanks), or on the line after it.
    private static func fieldValue(in text: String, names: [String]) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
            guard trimmed.count < 1000 else { continue }
            let lower = trimmed.lowercased()
            guard let name = names.first(where: { lower.hasPrefix($0) }) else { continue }
            let value = String(trimmed.dropFirst(name.count))
            if let id = MessageIDs.all(in: value).first(where: { $0.contains("@") }) ?? MessageIDs.all(in: value).first {
                return id
            }
            if index + 1 < lines.count, let id = MessageIDs.all(in: String(lines[index + 1])).first {
                return id
            }
        }
        return nil
    }
}
