/// The header block at the start of an entity and where its body begins.
struct HeaderBlock {
    var fields: [RawHeaderField] = []
    var bodyStart: Int
    /// Lines such as `From : x`: a field name, blanks, then the colon.
    /// RFC 5322's obsolete syntax allows them and a mail server may read
    /// them as fields; here they are not fields (see `HeaderAmbiguity`).
    var blankBeforeColon = false

    func first(_ lowercasedName: String) -> RawHeaderField? {
        fields.first { $0.lowercasedName == lowercasedName }
    }

    func all(_ lowercasedName: String) -> [RawHeaderField] {
        fields.filter { $0.lowercasedName == lowercasedName }
    }

    /// Reads the header block of `data`. When the first line is not a valid
    /// header field (`name: value`), there is no header block and the body is
    /// all of `data`.
    static func read(_ data: ArraySlice<UInt8>, limits: ReaderLimits, report: inout ReadReport) -> HeaderBlock {
        var block = HeaderBlock(bodyStart: data.startIndex)
        var name: String?
        var value: [UInt8] = []
        var index = data.startIndex
        var isFirstLine = true

        func finishField() {
            guard let current = name else { return }
            if block.fields.count < limits.maxHeaders {
                block.fields.append(makeField(name: current, rawValue: value))
            } else {
                report.limit("maxHeaders")
            }
            name = nil
            value.removeAll(keepingCapacity: true)
        }

        while index < data.endIndex {
            let newline = data[index...].firstIndex(of: 0x0A) ?? data.endIndex
            let next = newline < data.endIndex ? newline + 1 : data.endIndex
            var lineEnd = newline
            if lineEnd > index, data[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd - index > limits.maxLineLength {
                report.limit("maxLineLength")
                lineEnd = index + limits.maxLineLength
            }
            let line = data[index..<lineEnd]
            defer { isFirstLine = false }
            if line.isEmpty {
                finishField()
                block.bodyStart = next
                return block
            }
            if let first = line.first, first == 0x20 || first == 0x09 {
                if name != nil {
                    if value.count + line.count > limits.maxLineLength {
                        // An unfolded field is bounded like a line.
                        report.limit("maxLineLength")
                        value.append(contentsOf: line.prefix(max(0, limits.maxLineLength - value.count)))
                    } else {
                        value.append(contentsOf: line)
                    }
                } else if isFirstLine {
                    return block
                } else {
                    report.defect("headerContinuationWithoutField")
                }
                index = next
                continue
            }
            if let colon = fieldNameEnd(line) {
                finishField()
                // Printable ASCII without blanks (`fieldNameEnd`): nothing to trim.
                name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
                value.append(contentsOf: line[(colon + 1)...])
                index = next
                continue
            }
            if hasBlankBeforeColon(line) {
                finishField()
                block.blankBeforeColon = true
                report.defect(HeaderAmbiguity.blankBeforeFieldColon)
                index = next
                continue
            }
            if isFirstLine, line.starts(with: Array("From ".utf8)) {
                // An mbox envelope line in front of the headers.
                report.defect("mboxFromLine")
                index = next
                block.bodyStart = next
                continue
            }
            finishField()
            if isFirstLine || block.fields.isEmpty {
                block.bodyStart = data.startIndex
                block.fields.removeAll()
                return block
            }
            report.defect("missingHeaderBodySeparator")
            block.bodyStart = index
            return block
        }
        finishField()
        block.bodyStart = data.endIndex
        return block
    }

    /// The index of the colon when `line` starts with a field name
    /// (printable ASCII without spaces or colons) directly followed by it.
    static func fieldNameEnd(_ line: ArraySlice<UInt8>) -> Int? {
        guard let end = nameEnd(line), end < line.endIndex, line[end] == UInt8(ascii: ":") else { return nil }
        return end
    }

    /// Whether `line` is a field name followed by blanks and a colon
    /// (`From : x`).
    static func hasBlankBeforeColon(_ line: ArraySlice<UInt8>) -> Bool {
        guard let end = nameEnd(line) else { return false }
        var index = end
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        return index > end && index < line.endIndex && line[index] == UInt8(ascii: ":")
    }

    /// Where the leading run of field-name characters ends; nil when empty.
    private static func nameEnd(_ line: ArraySlice<UInt8>) -> Int? {
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: ":") || byte <= 0x20 || byte >= 0x7F { break }
            index += 1
        }
        return index > line.startIndex ? index : nil
    }

    static func makeField(name: String, rawValue: [UInt8]) -> RawHeaderField {
        // The blanks after the colon trimmed on bytes, before a string is
        // made: ASCII bytes read the same however the rest is decoded.
        var start = rawValue.startIndex
        var end = rawValue.endIndex
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        while start < end, isBlank(rawValue[start]) { start += 1 }
        while end > start, isBlank(rawValue[end - 1]) { end -= 1 }
        let raw = Charset.lenientUTF8(rawValue[start..<end]).trimmingBlanks()
        let decoded = EncodedWords.decode(raw).replacingControlCharacters()
        return RawHeaderField(name: name, lowercasedName: name.lowercasedByScalar(), raw: raw, decoded: decoded)
    }
}
