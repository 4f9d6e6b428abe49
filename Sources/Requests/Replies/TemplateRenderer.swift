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
        // Scalar by scalar rather than Character by Character: every reply
        // goes through here, and the lines and blanks it looks for are
        // single scalars ("\r\n" counts as one line end, as it is one
        // Character).
        let scalars = text.unicodeScalars
        var lines: [String.UnicodeScalarView.SubSequence] = []
        var start = scalars.startIndex
        var index = start
        func endLine(at end: String.UnicodeScalarView.Index) {
            var trimmed = end
            while trimmed > start {
                let before = scalars.index(before: trimmed)
                guard scalars[before].properties.isWhitespace else { break }
                trimmed = before
            }
            let line = scalars[start..<trimmed]
            if line.isEmpty && (lines.last?.isEmpty ?? true) { return }
            lines.append(line)
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard Self.isLineEnd(scalar) else {
                index = scalars.index(after: index)
                continue
            }
            endLine(at: index)
            index = scalars.index(after: index)
            if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
            start = index
        }
        endLine(at: scalars.endIndex)
        while lines.last?.isEmpty == true { lines.removeLast() }
        var result = String.UnicodeScalarView()
        for (number, line) in lines.enumerated() {
            if number > 0 { result.append("\n") }
            result.append(contentsOf: line)
        }
        return String(result)
    }

    /// The scalars `Character.isNewline` is true for.
    private static func isLineEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
