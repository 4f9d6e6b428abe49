/// Writes outgoing mail as RFC 5322 bytes with CRLF line ends: encoded,
/// folded, injection-safe headers, a UTF-8 quoted-printable text body, and
/// multipart/mixed with base64 attachments when there are any.
public enum MailComposer {
    /// Headers the composer writes itself; extra headers by these names are dropped.
    private static let ownHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id", "in-reply-to", "references",
        "auto-submitted", "content-language", "mime-version", "content-type", "content-transfer-encoding",
        "content-disposition",
    ]

    public static func compose(_ mail: OutgoingMail) -> [UInt8] {
        var head = ""
        head += HeaderEncoder.field("From", tokens: HeaderEncoder.mailboxTokens(mail.from))
        if !mail.to.isEmpty { head += HeaderEncoder.field("To", tokens: HeaderEncoder.addressListTokens(mail.to)) }
        if !mail.cc.isEmpty { head += HeaderEncoder.field("Cc", tokens: HeaderEncoder.addressListTokens(mail.cc)) }
        if !mail.replyTo.isEmpty {
            head += HeaderEncoder.field("Reply-To", tokens: HeaderEncoder.addressListTokens(mail.replyTo))
        }
        head += HeaderEncoder.field("Subject", tokens: HeaderEncoder.textTokens(mail.subject))
        head += HeaderEncoder.field("Date", tokens: [MailDate.format(mail.date)])
        let messageID = HeaderEncoder.cleanID(mail.messageID)
        head += HeaderEncoder.field("Message-ID", tokens: ["<\(messageID)>"])
        if let inReplyTo = mail.inReplyTo.map(HeaderEncoder.cleanID), !inReplyTo.isEmpty {
            head += HeaderEncoder.field("In-Reply-To", tokens: ["<\(inReplyTo)>"])
        }
        let references = mail.references.map(HeaderEncoder.cleanID).filter { !$0.isEmpty }
        if !references.isEmpty {
            head += HeaderEncoder.field("References", tokens: references.map { "<\($0)>" })
        }
        if let auto = mail.autoSubmitted.map(HeaderEncoder.cleanAddress), !auto.isEmpty {
            head += HeaderEncoder.field("Auto-Submitted", tokens: [auto])
        }
        if let language = mail.contentLanguage.map(HeaderEncoder.cleanAddress), !language.isEmpty {
            head += HeaderEncoder.field("Content-Language", tokens: [language])
        }
        for extra in mail.extraHeaders {
            let name = HeaderEncoder.cleanName(extra.name)
            guard !name.isEmpty, !ownHeaders.contains(name.lowercased()) else { continue }
            head += HeaderEncoder.field(name, tokens: HeaderEncoder.textTokens(extra.value))
        }
        head += "MIME-Version: 1.0\r\n"

        let textPart = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + TransferEncoding.quotedPrintable(mail.body) + "\r\n"
        guard !mail.attachments.isEmpty else {
            return Array((head + textPart).utf8)
        }
        // "=_" cannot occur in quoted-printable or base64 output; the id's
        // random token makes the boundary unique to the message.
        let token = messageID.prefix(while: { $0 != "@" }).filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let boundary = "=_part_" + (token.isEmpty ? "0" : token.prefix(26))
        var message = head + "Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n"
        message += "--\(boundary)\r\n" + textPart
        for attachment in mail.attachments {
            message += "--\(boundary)\r\n" + attachmentPart(attachment)
        }
        message += "--\(boundary)--\r\n"
        return Array(message.utf8)
    }

    private static func attachmentPart(_ attachment: OutgoingAttachment) -> String {
        let type = cleanMediaType(attachment.contentType)
        let name = HeaderEncoder.sanitize(attachment.filename).trimmingBlanks()
        var part = ""
        if name.isEmpty {
            part += "Content-Type: \(type)\r\nContent-Disposition: attachment\r\n"
        } else if name.count <= 40, name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }),
                  !name.contains("=?") {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            part += "Content-Type: \(type); name=\"\(quoted)\"\r\n"
            part += "Content-Disposition: attachment; filename=\"\(quoted)\"\r\n"
        } else {
            // RFC 2231 for readers that follow it, encoded words in name= for the rest.
            let words = HeaderEncoder.encodedWords(name).joined(separator: "\r\n ")
            part += "Content-Type: \(type);\r\n name=\"\(words)\"\r\n"
            part += "Content-Disposition: attachment;" + rfc2231Filename(name) + "\r\n"
        }
        part += "Content-Transfer-Encoding: base64\r\n\r\n"
        part += TransferEncoding.base64(attachment.data, lineLength: 76) + "\r\n"
        return part
    }

    /// "type/subtype" in token characters, else application/octet-stream.
    private static func cleanMediaType(_ type: String) -> String {
        let lower = type.lowercased().trimmingBlanks()
        let halves = lower.split(separator: "/", omittingEmptySubsequences: false)
        let tokenCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789!#$&^_.+-")
        guard halves.count == 2, halves.allSatisfy({ !$0.isEmpty && $0.allSatisfy(tokenCharacters.contains) }) else {
            return "application/octet-stream"
        }
        return lower
    }

    /// `filename*=UTF-8''…`, split into numbered continuations of at most
    /// 50 characters (never inside a %XX escape) when long.
    private static func rfc2231Filename(_ name: String) -> String {
        let encoded = Array(percentEncode(name))
        var segments: [String] = []
        var start = 0
        while start < encoded.count {
            var end = min(encoded.count, start + 50)
            if end < encoded.count {
                if encoded[end - 1] == "%" { end -= 1 } else if encoded[end - 2] == "%" { end -= 2 }
            }
            segments.append(String(encoded[start..<end]))
            start = end
        }
        if segments.count <= 1 { return "\r\n filename*=UTF-8''\(segments.first ?? "")" }
        return segments.enumerated().map { index, segment in
            let value = index == 0 ? "UTF-8''\(segment)" : segment
            return "\r\n filename*\(index)*=\(value)" + (index < segments.count - 1 ? ";" : "")
        }.joined()
    }

    /// RFC 2231 / RFC 3986 percent-encoding of the UTF-8 bytes.
    private static func percentEncode(_ text: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        let hex = Array("0123456789ABCDEF")
        var output = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                output.append(Character(Unicode.Scalar(byte)))
            } else {
                output += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0x0F)])"
            }
        }
        return output
    }
}
