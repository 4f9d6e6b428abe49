/// Repairs applied to a whole message before reading it.
enum InputRepair {
    /// Old Mac mail ends lines with a bare CR. When bare CRs outnumber LFs
    /// in the body (from `bodyStart`), each bare CR there becomes LF;
    /// otherwise nil (nothing to repair). The header section is never
    /// repaired: a bare CR there makes the message ambiguous instead
    /// (`HeaderAmbiguity`), since the mail server that checked the sender
    /// read those bytes as they are.
    static func bareCarriageReturns(_ data: ArraySlice<UInt8>, bodyStart: Int) -> [UInt8]? {
        let body = data[bodyStart...]
        var bareCR = 0
        var lineFeeds = 0
        var index = body.startIndex
        while index < body.endIndex {
            if body[index] == 0x0A {
                lineFeeds += 1
            } else if body[index] == 0x0D, index + 1 == body.endIndex || body[index + 1] != 0x0A {
                bareCR += 1
            }
            index += 1
        }
        guard bareCR > lineFeeds else { return nil }
        var output = Array(data)
        let offset = bodyStart - data.startIndex
        for position in offset..<output.count where output[position] == 0x0D {
            if position + 1 == output.count || output[position + 1] != 0x0A { output[position] = 0x0A }
        }
        return output
    }

    /// Whether `bytes` hold a CR that is not followed by LF.
    static func containsBareCarriageReturn(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while let cr = bytes[index...].firstIndex(of: 0x0D) {
            if cr + 1 == bytes.endIndex || bytes[cr + 1] != 0x0A { return true }
            index = cr + 1
        }
        return false
    }

    /// Where the headers start when blank lines or indentation come before
    /// them: the first non-blank byte, when it begins a header field that is
    /// followed by another header line. Nil when there is nothing to skip.
    static func headerStartAfterLeadingBlanks(_ data: ArraySlice<UInt8>) -> Int? {
        var index = data.startIndex
        while index < data.endIndex, data[index] == 0x20 || data[index] == 0x09 || data[index] == 0x0D || data[index] == 0x0A {
            index += 1
        }
        guard index > data.startIndex, index < data.endIndex else { return nil }
        let lineEnd = data[index...].firstIndex(of: 0x0A) ?? data.endIndex
        guard HeaderBlock.fieldNameEnd(data[index..<lineEnd]) != nil, lineEnd < data.endIndex else { return nil }
        let nextStart = lineEnd + 1
        let nextEnd = data[nextStart...].firstIndex(of: 0x0A) ?? data.endIndex
        let next = data[nextStart..<nextEnd]
        guard HeaderBlock.fieldNameEnd(next) != nil || next.first == 0x20 || next.first == 0x09 else { return nil }
        return index
    }

    /// Fields that only a message header block has. A top-level block
    /// with none of them (nor any X- field) ("To: Example AS", "Firma: Example AS" at the top
    /// of a pasted letter) is read as body text.
    private static let messageFields: Set<String> = [
        "from", "sender", "date", "subject", "message-id", "received", "return-path", "mime-version",
        "content-type", "content-transfer-encoding", "delivered-to", "reply-to", "in-reply-to", "references",
        "dkim-signature", "authentication-results", "x-mailer", "user-agent", "auto-submitted", "precedence",
        "list-id", "x-original-to", "envelope-to", "arc-seal", "x-received", "thread-topic", "importance",
    ]

    static func startsWithMessageHeaders(_ block: HeaderBlock) -> Bool {
        // Only `Name : value` lines: a pasted letter ("Navn : Kari"), read as text.
        if block.fields.isEmpty { return !block.blankBeforeColon }
        return block.fields.contains { messageFields.contains($0.lowercasedName) || $0.lowercasedName.hasPrefix("x-") }
    }
}
