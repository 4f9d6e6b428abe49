/// Reads RFC 5322 / MIME messages from bytes. Never throws and never traps:
/// it returns the best reading together with what it repaired (`defects`)
/// and which bounds it hit (`limitsReached`). Work is linear in the input.
///
/// Input need not be a message: when the first line is not a header field
/// (`Name: value`, printable ASCII name without blanks), or the leading
/// "fields" are none that a message has (a letter starting "To: Example AS"
/// or "Firma: Example AS"), the whole input is body text with no headers.
public enum MessageReader {
    public static func read(_ bytes: [UInt8], limits: ReaderLimits = .standard) -> ParsedMessage {
        var report = ReadReport()
        var original = bytes.count > limits.maxBytes ? bytes[..<limits.maxBytes] : bytes[...]
        if bytes.count > limits.maxBytes { report.limit("maxBytes") }
        if original.starts(with: [0xEF, 0xBB, 0xBF]) {
            // A UTF-8 byte order mark, as editors on Windows write them.
            original = original.dropFirst(3)
            report.defect("byteOrderMark")
        }
        let budget = ReadBudget(limits: limits)
        _ = budget.takePart()

        var data = original
        var repairs = report
        if let start = InputRepair.headerStartAfterLeadingBlanks(data) {
            data = data[start...]
            repairs.defect("blankBeforeHeaders")
        }
        // The header block is read once: it decides whether this is a
        // message at all, where the body starts, and (when no repair
        // changes the bytes) it is the block the message is read with.
        var blockReport = repairs
        let block = HeaderBlock.read(data, limits: limits, report: &blockReport)
        guard InputRepair.startsWithMessageHeaders(block) else {
            // A letter such as "To: Example AS" + text: all of it is body.
            return readMessage(original, depth: 0, budget: budget, report: report, headerless: true)
        }
        if InputRepair.containsBareCarriageReturn(original[..<block.bodyStart]) {
            repairs.defect(HeaderAmbiguity.bareCarriageReturnInHeader)
            return readMessage(data, depth: 0, budget: budget, report: repairs,
                               ambiguities: [HeaderAmbiguity.bareCarriageReturnInHeader])
        }
        if let repaired = InputRepair.bareCarriageReturns(data, bodyStart: block.bodyStart) {
            repairs.defect("bareCarriageReturnLineEnds")
            return readMessage(repaired[...], depth: 0, budget: budget, report: repairs)
        }
        return readMessage(data, depth: 0, budget: budget, report: blockReport, block: block)
    }

    /// Reads one message (the top level or an embedded one). `block` is its
    /// header block when already read, its defects already in `initial`.
    static func readMessage(
        _ data: ArraySlice<UInt8>, depth: Int, budget: ReadBudget, report initial: ReadReport = ReadReport(),
        headerless: Bool = false, ambiguities found: [String] = [], block known: HeaderBlock? = nil
    ) -> ParsedMessage {
        var report = initial
        let block = known ?? (headerless
            ? HeaderBlock(bodyStart: data.startIndex)
            : HeaderBlock.read(data, limits: budget.limits, report: &report))
        var ambiguities = found
        if block.blankBeforeColon { ambiguities.append(HeaderAmbiguity.blankBeforeFieldColon) }
        // The entity's own headers, read once for the walk and the message.
        let info = EntityInfo(headers: block, defaultType: "text/plain", report: &report)
        var walker = BodyWalker(budget: budget, report: report)
        let content = walker.content(info, body: data[block.bodyStart...], depth: depth)
        report = walker.report

        func addresses(_ name: String) -> [MailAddress] {
            block.all(name).flatMap { AddressListParser.parse($0.raw) }
        }

        return ParsedMessage(
            headers: block.fields.map { HeaderField(name: $0.name, value: $0.decoded) },
            subject: block.first("subject")?.decoded.trimmingBlanks() ?? "",
            from: addresses("from"),
            replyTo: addresses("reply-to"),
            to: addresses("to"),
            cc: addresses("cc"),
            returnPath: block.first("return-path").map { returnPath($0.raw) },
            messageID: block.first("message-id").flatMap { MessageIDs.first(in: $0.raw) ?? nonEmpty($0.raw) },
            inReplyTo: block.first("in-reply-to").map { MessageIDs.all(in: $0.raw) } ?? [],
            references: block.all("references").flatMap { MessageIDs.all(in: $0.raw) },
            date: block.first("date").flatMap { MailDate.parse($0.decoded) },
            contentType: info.mediaType,
            contentTypeParameters: info.parameters,
            text: readableText(content),
            attachments: content.attachments,
            embeddedMessages: content.embedded,
            reportParts: content.reportParts,
            limitsReached: report.limitsReached,
            defects: report.defects,
            headerAmbiguities: ambiguities
        )
    }

    /// The joined text; when a message has none of its own but wraps one
    /// (a forward as attachment, a bare message/rfc822), the wrapped text.
    private static func readableText(_ content: BodyContent) -> String {
        let own = content.joinedText
        guard own.trimmingBlanks().isEmpty, content.reportParts.isEmpty,
              let inner = content.embedded.first(where: { !$0.text.trimmingBlanks().isEmpty }) else { return own }
        return inner.text
    }

    /// "" for the null path `<>`, else the address without brackets.
    private static func returnPath(_ raw: String) -> String {
        let trimmed = raw.trimmingBlanks()
        if let open = trimmed.firstIndex(of: "<") {
            let inside = trimmed[trimmed.index(after: open)...].prefix(while: { $0 != ">" })
            return String(inside).trimmingBlanks()
        }
        return trimmed
    }

    private static func nonEmpty(_ raw: String) -> String? {
        let trimmed = raw.trimmingBlanks()
        return trimmed.isEmpty ? nil : trimmed
    }
}
