/// What the headers of one MIME entity say about its body.
struct EntityInfo {
    /// Lowercased "type/subtype".
    var mediaType: String
    var parameters: [String: String]
    /// Lowercased disposition type ("inline", "attachment"), when given.
    var disposition: String?
    var filename: String?
    /// Lowercased Content-Transfer-Encoding, "7bit" when absent.
    var transferEncoding: String

    init(headers: HeaderBlock, defaultType: String, report: inout ReadReport) {
        var mediaType = defaultType
        var parameters: [String: String] = [:]
        if let field = headers.first("content-type") {
            let parsed = HeaderParameters.parse(field.raw)
            let token = Self.firstToken(of: parsed.value)
            if Self.isTypeAndSubtype(token) {
                mediaType = token
            } else if token == "text" {
                mediaType = "text/plain"
                report.defect("invalidContentType")
            } else {
                report.defect("invalidContentType")
            }
            parameters = parsed.parameters
        }
        self.mediaType = mediaType
        self.parameters = parameters

        var filename: String?
        if let field = headers.first("content-disposition") {
            let parsed = HeaderParameters.parse(field.raw)
            disposition = parsed.value.isEmpty ? nil : parsed.value
            filename = parsed.parameters["filename"]
        }
        if filename == nil || filename?.isEmpty == true { filename = parameters["name"] }
        self.filename = (filename?.isEmpty ?? true) ? nil : filename

        let encoding = headers.first("content-transfer-encoding")?.decoded.trimmingBlanks().lowercasedByScalar() ?? ""
        transferEncoding = encoding.isEmpty ? "7bit" : encoding
    }

    /// The value's first run of characters other than blanks and "(": on
    /// bytes when the value is ASCII (all but broken ones), where every
    /// byte is a Character of its own.
    private static func firstToken(of value: String) -> String {
        let isSeparator = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "(") }
        let token: String?? = value.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            guard let start = bytes.firstIndex(where: { !isSeparator($0) }) else { return .some("") }
            let end = bytes[start...].firstIndex(where: isSeparator) ?? bytes.endIndex
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        }
        if let token, let ascii = token { return ascii }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" }).first.map(String.init) ?? ""
    }

    /// "type/subtype": one "/" with something on either side. On bytes
    /// when the token is ASCII, where every byte is a Character of its own.
    private static func isTypeAndSubtype(_ token: String) -> Bool {
        let bytes = token.utf8
        guard bytes.contains(where: { $0 >= 0x80 }) else {
            let slash = UInt8(ascii: "/")
            guard let first = bytes.firstIndex(of: slash) else { return false }
            return first != bytes.startIndex && bytes.last != slash && bytes.lastIndex(of: slash) == first
        }
        let halves = token.split(separator: "/", omittingEmptySubsequences: false)
        return halves.count == 2 && !halves[0].isEmpty && !halves[1].isEmpty
    }

    var isMultipart: Bool { mediaType.hasPrefix("multipart/") }

    /// A body the reader shows as text: plain or HTML text not marked as an
    /// attachment (a bare `name=` parameter does not make it one).
    var isInlineText: Bool {
        guard mediaType == "text/plain" || mediaType == "text/html" || mediaType == "text/enriched" else { return false }
        return disposition != "attachment"
    }
}
