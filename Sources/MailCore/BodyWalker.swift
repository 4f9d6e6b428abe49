import Foundation

/// Walks the MIME tree of one message, within the shared budget, and
/// collects its text, attachments, embedded messages and report parts.
struct BodyWalker {
    let budget: ReadBudget
    var report: ReadReport

    private static let reportTypes: Set<String> = [
        "message/delivery-status", "message/global-delivery-status",
        "message/disposition-notification", "message/global-disposition-notification",
        "message/feedback-report",
    ]

    mutating func content(headers: HeaderBlock, body: ArraySlice<UInt8>, depth: Int, defaultType: String) -> BodyContent {
        content(EntityInfo(headers: headers, defaultType: defaultType, report: &report), body: body, depth: depth)
    }

    /// The content of an entity whose headers are already read into `info`.
    mutating func content(_ info: EntityInfo, body: ArraySlice<UInt8>, depth: Int) -> BodyContent {
        if info.isMultipart {
            return multipart(info, body: body, depth: depth)
        }
        if info.mediaType == "message/rfc822" || info.mediaType == "message/global"
            || info.mediaType == "text/rfc822-headers" || info.mediaType == "message/rfc822-headers" {
            guard depth < budget.limits.maxDepth else {
                report.limit("maxDepth")
                return BodyContent()
            }
            let decoded = decodeTransfer(body, info: info)
            let inner = MessageReader.readMessage(decoded[...], depth: depth + 1, budget: budget)
            inner.limitsReached.forEach { report.limit($0) }
            return BodyContent(embedded: [inner])
        }
        let decoded = decodeTransfer(body, info: info)
        if Self.reportTypes.contains(info.mediaType) {
            let text = normalizeLineEnds(Charset.decode(textBytes(decoded), charset: info.parameters["charset"]))
            return BodyContent(reportParts: [ReportPart(contentType: info.mediaType, text: text)])
        }
        if info.isInlineText {
            let raw = normalizeLineEnds(Charset.decode(textBytes(decoded), charset: info.parameters["charset"]))
            if info.mediaType == "text/html" {
                return BodyContent(texts: [.init(text: HTMLText.text(from: raw), fromHTML: true)])
            }
            let text = info.parameters["format"]?.lowercased() == "flowed"
                ? FlowedText.unwrap(raw, deleteSpace: info.parameters["delsp"]?.lowercased() == "yes")
                : raw
            return BodyContent(texts: [.init(text: text, fromHTML: false)])
        }
        let attachment = AttachmentInfo(filename: info.filename, contentType: info.mediaType, size: decoded.count)
        return BodyContent(attachments: [attachment])
    }

    /// The bytes of a text part that are turned into text: at most
    /// `maxTextBytes`, the limit reported when it cuts.
    private mutating func textBytes(_ decoded: [UInt8]) -> ArraySlice<UInt8> {
        guard decoded.count > budget.limits.maxTextBytes else { return decoded[...] }
        report.limit("maxTextBytes")
        return decoded.prefix(budget.limits.maxTextBytes)
    }

    private mutating func multipart(_ info: EntityInfo, body: ArraySlice<UInt8>, depth: Int) -> BodyContent {
        guard depth < budget.limits.maxDepth else {
            report.limit("maxDepth")
            return BodyContent()
        }
        guard let boundary = info.parameters["boundary"], !boundary.isEmpty else {
            report.defect("multipartWithoutBoundary")
            return plainFallback(body)
        }
        var parts = MultipartSplitter.split(body, boundary: boundary, report: &report)
        if parts.isEmpty, let guessed = MultipartSplitter.guessBoundary(body), guessed != boundary {
            parts = MultipartSplitter.split(body, boundary: guessed, report: &report)
            if !parts.isEmpty { report.defect("boundaryMismatch") }
        }
        guard !parts.isEmpty else {
            report.defect("boundaryNotFound")
            return plainFallback(body)
        }
        let childDefault = info.mediaType == "multipart/digest" ? "message/rfc822" : "text/plain"
        var children: [BodyContent] = []
        for part in parts {
            guard budget.takePart() else {
                report.limit("maxParts")
                break
            }
            let block = HeaderBlock.read(part, limits: budget.limits, report: &report)
            children.append(content(headers: block, body: part[block.bodyStart...], depth: depth + 1, defaultType: childDefault))
        }
        if info.mediaType == "multipart/alternative" {
            return BodyContent.chooseAlternative(children)
        }
        var merged = BodyContent()
        children.forEach { merged.append($0) }
        return merged
    }

    /// A multipart body that cannot be split is shown as plain text.
    private func plainFallback(_ body: ArraySlice<UInt8>) -> BodyContent {
        let text = normalizeLineEnds(Charset.lenientUTF8(body))
        return BodyContent(texts: [.init(text: text, fromHTML: false)])
    }

    private mutating func decodeTransfer(_ body: ArraySlice<UInt8>, info: EntityInfo) -> [UInt8] {
        let encoding = info.transferEncoding
        switch encoding {
        case "base64", "quoted-printable", "x-uuencode", "uuencode", "x-uue":
            let result = TransferDecoding.decode(body, encoding: encoding)
            if result.repaired {
                report.defect(encoding == "base64" ? "invalidBase64" : encoding == "quoted-printable" ? "invalidQuotedPrintable" : "invalidUuencode")
            }
            return result.bytes
        case "7bit", "8bit", "binary", "7-bit", "8-bit", "8bits", "7bits":
            return Array(body)
        default:
            report.defect("unknownTransferEncoding")
            return Array(body)
        }
    }
}
