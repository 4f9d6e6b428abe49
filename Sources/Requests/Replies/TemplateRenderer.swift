/// Renders parsed nodes with values. Values are inserted verbatim.
enum TemplateRenderer {
    /// Renders `nodes`; `scopes` are innermost last (a list item's values
    /// come before the outer ones). In a single-line rendering (a Subject),
    /// line breaks in inserted values become spaces.
    static func render(
        _ nodes: [TemplateNode], scopes: [TemplateValues], file: String, singleLine: Bool = false
    ) throws -> String {
        var output = ""
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .value(let name, _):
                guard let value = lookup(name, in: scopes) else {
                    throw TemplateError.missingValue(file: file, name: name)
                }
                guard case .text(let text) = value else {
                    throw TemplateError.wrongValueKind(file: file, name: name, expected: "text")
                }
                output += singleLine ? joinedOnOneLine(text) : text
            case .section(let name, let inverted, let once, _, let body):
                guard let value = lookup(name, in: scopes) else {
                    throw TemplateError.missingValue(file: file, name: name)
                }
                if inverted {
                    if !value.isTruthy {
                        output += try render(body, scopes: scopes, file: file, singleLine: singleLine)
                    }
                } else if case .list(let items) = value, !once {
                    for item in items {
                        output += try render(body, scopes: scopes + [item], file: file, singleLine: singleLine)
                    }
                } else if value.isTruthy {
                    output += try render(body, scopes: scopes, file: file, singleLine: singleLine)
                }
            }
        }
        return output
    }

    private static func lookup(_ name: String, in scopes: [TemplateValues]) -> TemplateValue? {
        for scope in scopes.reversed() {
            if let value = scope[name] { return value }
        }
        return nil
    }

    /// Line breaks (CR, LF, CRLF and the Unicode separators) become single spaces.
    static func joinedOnOneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The finished text: lines joined with "\n", no spaces at line ends, no
    /// blank lines at the start or the end, and never two blank lines in a row
    /// (an empty section between two paragraphs leaves none).
    static func tidy(_ text: String) -> String {
        // Over the UTF-8 bytes rather than Character by Character: every
        // reply goes through here. The line ends are the scalars
        // `Character.isNewline` is true for ("\r\n" is one, as it is one
        // Character); the blanks trimmed are the scalars that are whitespace.
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var lastWasEmpty = true
        var pendingBlank = false
        var start = 0
        var index = 0
        func endLine(at end: Int) {
            let trimmed = trimmedEnd(bytes, from: start, to: end)
            if trimmed == start {
                if !lastWasEmpty { pendingBlank = true }
                lastWasEmpty = true
                return
            }
            if !output.isEmpty { output.append(UInt8(ascii: "\n")) }
            if pendingBlank { output.append(UInt8(ascii: "\n")) }
            output += bytes[start..<trimmed]
            pendingBlank = false
            lastWasEmpty = false
        }
        while index < bytes.count {
            guard let width = lineEndWidth(bytes, at: index) else {
                index += 1
                continue
            }
            endLine(at: index)
            index += width
            start = index
        }
        endLine(at: bytes.count)
        return String(decoding: output, as: UTF8.self)
    }

    /// The length in bytes of the line end at `index`, or nil when none
    /// starts there.
    private static func lineEndWidth(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        switch byte {
        case 0x0D:
            return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0x0A, 0x0B, 0x0C:
            return 1
        case 0xC2:  // U+0085
            return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : nil
        case 0xE2:  // U+2028, U+2029
            return index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) ? 3 : nil
        default:
            return nil
        }
    }

    /// Where the line `bytes[start..<end]` ends without its trailing blanks.
    private static func trimmedEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var end = end
        while end > start {
            var first = end - 1
            while first > start && bytes[first] & 0xC0 == 0x80 { first -= 1 }
            let isBlank: Bool
            if bytes[first] < 0x80 {
                isBlank = bytes[first] == 0x20 || bytes[first] == 0x09
            } else {
                isBlank = String(decoding: bytes[first..<end], as: UTF8.self).unicodeScalars
                    .allSatisfy(\.properties.isWhitespace)
            }
            guard isBlank else { break }
            end = first
        }
        return end
    }
}
