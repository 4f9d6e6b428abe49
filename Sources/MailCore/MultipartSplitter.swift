/// Splits a multipart body at its boundary delimiter lines (RFC 2046 5.1.1).
/// Preamble and epilogue are dropped; a missing close delimiter is repaired
/// by ending the last part at the end of the body.
enum MultipartSplitter {
    static func split(_ body: ArraySlice<UInt8>, boundary: String, report: inout ReadReport) -> [ArraySlice<UInt8>] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var index = body.startIndex
        while index < body.endIndex {
            let newline = body[index...].firstIndex(of: 0x0A) ?? body.endIndex
            let next = newline < body.endIndex ? newline + 1 : body.endIndex
            let line = body[index..<newline]
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                let isClose = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                if isClose || rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if let start = partStart {
                        parts.append(body[start..<contentEnd(body, partStart: start, delimiterLine: index)])
                    }
                    if isClose { return parts }
                    partStart = next
                }
            }
            index = next
        }
        if let start = partStart {
            report.defect("missingFinalBoundary")
            parts.append(body[start..<body.endIndex])
        }
        return parts
    }

    /// When the declared boundary never occurs: the boundary actually used,
    /// taken from the first "--token" line followed by a Content- header.
    static func guessBoundary(_ body: ArraySlice<UInt8>) -> String? {
        var index = body.startIndex
        var previous: ArraySlice<UInt8>?
        let contentPrefix = Array("content-".utf8)
        while index < body.endIndex {
            let newline = body[index...].firstIndex(of: 0x0A) ?? body.endIndex
            var lineEnd = newline
            if lineEnd > index, body[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = body[index..<lineEnd]
            if let candidate = previous, line.count > contentPrefix.count,
               zip(line.prefix(contentPrefix.count), contentPrefix).allSatisfy({ ($0 | 0x20) == $1 }),
               HeaderBlock.fieldNameEnd(line) != nil {
                let token = Charset.lenientUTF8(candidate.dropFirst(2)).trimmingBlanks()
                return token.isEmpty ? nil : token
            }
            previous = line.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) && line.count > 3 && line.count < 200 ? line : nil
            index = newline < body.endIndex ? newline + 1 : body.endIndex
        }
        return nil
    }

    /// Where a part's content ends: before the line break that precedes its
    /// delimiter line, which belongs to the delimiter.
    private static func contentEnd(_ body: ArraySlice<UInt8>, partStart: Int, delimiterLine: Int) -> Int {
        var end = delimiterLine
        if end > partStart, body[end - 1] == 0x0A {
            end -= 1
            if end > partStart, body[end - 1] == 0x0D { end -= 1 }
        }
        return max(partStart, end)
    }
}
