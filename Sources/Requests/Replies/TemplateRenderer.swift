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
        var lines: [Substring] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var end = raw.endIndex
            while end > raw.startIndex, raw[raw.index(before: end)].isWhitespace { end = raw.index(before: end) }
            let line = raw[..<end]
            if line.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
