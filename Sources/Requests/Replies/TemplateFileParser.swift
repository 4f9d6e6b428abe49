/// Reads the layout of a template file: `##` comment lines, the `Subject:`
/// line, a blank line, then the body.
enum TemplateFileParser {
    static func parse(_ text: String, file: String) throws -> ParsedTemplate {
        let withoutBOM = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // "\r\n" is one Character and counts as a newline here, as do "\n" and "\r".
        let allLines = withoutBOM
            .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated()
            .map { TemplateParser.Line(number: $0.offset + 1, text: String($0.element)) }
        var lines = allLines.filter { !$0.text.hasPrefix("##") }[...]
        while let first = lines.first, isBlank(first.text) { lines.removeFirst() }

        guard let subjectLine = lines.first, let subjectText = subjectValue(subjectLine.text) else {
            throw TemplateError.missingSubject(file: file, line: lines.first?.number ?? allLines.count)
        }
        lines.removeFirst()
        guard let separator = lines.first, isBlank(separator.text) else {
            throw TemplateError.missingBlankLine(file: file, line: lines.first?.number ?? subjectLine.number)
        }
        lines.removeFirst()

        let subject = try TemplateParser.parse(
            [TemplateParser.Line(number: subjectLine.number, text: subjectText)], file: file)
        let body = try TemplateParser.parse(Array(lines), file: file)
        return ParsedTemplate(file: file, subject: subject, body: body)
    }

    /// The text after `Subject:` (any letter case), or nil for another line.
    private static func subjectValue(_ line: String) -> String? {
        let prefix = "subject:"
        guard line.lowercased().hasPrefix(prefix) else { return nil }
        return String(TemplateParser.trimmingSpaces(line.dropFirst(prefix.count)))
    }

    private static func isBlank(_ text: String) -> Bool {
        text.allSatisfy { $0 == " " || $0 == "\t" }
    }
}
