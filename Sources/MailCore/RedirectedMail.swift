import Foundation

/// A queued message sent again to another recipient (`dsrd outbox retry
/// --to`): the same bytes with a new `To`, `Message-ID` and `Date`, and a
/// new envelope. The stored message keeps its own Message-ID (a bounce or
/// a reply to it must still find it), so the copy is a message of its own
/// with an id of its own; every other header and the whole body are the
/// original's, byte for byte.
public enum RedirectedMail {
    /// The copy of `mail` for `recipient`; nil when the stored bytes have
    /// no header section to rewrite.
    public static func make(_ mail: ComposedMail, to recipient: String, messageID: String, date: Date) -> ComposedMail? {
        let replacements = [
            HeaderEncoder.field("To", tokens: HeaderEncoder.addressListTokens([MailAddress(address: recipient)])),
            HeaderEncoder.field("Date", tokens: [MailDate.format(date)]),
            HeaderEncoder.field("Message-ID", tokens: ["<\(HeaderEncoder.cleanID(messageID))>"]),
        ]
        guard let raw = replacingFields(["to", "date", "message-id"], with: replacements, in: mail.raw) else { return nil }
        return ComposedMail(raw: raw, envelopeFrom: mail.envelopeFrom, recipients: [recipient],
                            messageID: HeaderEncoder.cleanID(messageID), template: mail.template)
    }

    /// `raw` with every field named in `names` (lowercase) taken out of the
    /// header section and `fields` (complete lines, CRLF-ended) written
    /// where the first of them stood, or at the end of the section.
    static func replacingFields(_ names: Set<String>, with fields: [String], in raw: [UInt8]) -> [UInt8]? {
        guard let end = headerEnd(raw) else { return nil }
        var kept: [UInt8] = []
        var inserted = false
        var dropping = false
        var index = 0
        while index < end {
            var lineEnd = index
            while lineEnd + 1 < raw.count, !(raw[lineEnd] == 0x0D && raw[lineEnd + 1] == 0x0A) { lineEnd += 1 }
            let line = Array(raw[index..<min(lineEnd + 2, raw.count)])
            index = lineEnd + 2
            let continuation = line.first == 0x20 || line.first == 0x09
            if !continuation {
                let name = line.prefix { $0 != 0x3A }
                let folded = String(decoding: name, as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
                dropping = names.contains(folded)
                if dropping, !inserted {
                    kept += Array(fields.joined().utf8)
                    inserted = true
                }
            }
            if !dropping { kept += line }
        }
        if !inserted { kept += Array(fields.joined().utf8) }
        return kept + Array(raw[end...])
    }

    /// Where the blank line after the header section starts (the index of
    /// its CRLF), or nil when there is none.
    private static func headerEnd(_ raw: [UInt8]) -> Int? {
        guard raw.count >= 4 else { return nil }
        for index in 0...(raw.count - 4)
        where raw[index] == 0x0D && raw[index + 1] == 0x0A && raw[index + 2] == 0x0D && raw[index + 3] == 0x0A {
            return index + 2
        }
        return nil
    }
}
