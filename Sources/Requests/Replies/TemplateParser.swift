import Foundation

/// Turns template text into nodes: `{{name}}`, `{{#name}}`, `{{^name}}`,
/// `{{/name}}`; a section name may end in `?` (`{{#kept?}}`) to show its body
/// once when the list is not empty.
///
/// A tag must open and close on one line. A line holding nothing but one
/// section tag (and spaces) is a "standalone" line: it leaves no empty line
/// behind, so editors can put section tags on lines of their own.
enum TemplateParser {
    /// One source line with its 1-based number in the file.
    struct Line: Sendable, Equatable {
        let number: Int
        let text: String
    }

    private enum Token: Equatable {
        case text(String)
        case value(name: String, line: Int)
        case open(name: String, inverted: Bool, line: Int)
        case close(name: String, line: Int)

        var isSectionTag: Bool {
            switch self {
            case .open, .close: return true
            case .text, .value: return false
            }
        }

        var isBlankText: Bool {
            if case .text(let text) = self { return text.allSatisfy { $0 == " " || $0 == "\t" } }
            return false
        }
    }

    /// Parses `lines`, joining them with "\n".
    static func parse(_ lines: [Line], file: String) throws -> [TemplateNode] {
        var tokens: [Token] = []
        for (index, line) in lines.enumerated() {
            let lineTokens = try tokenize(line, file: file)
            let tags = lineTokens.filter { !$0.isBlankText }
            let isLast = index == lines.count - 1
            if tags.count == 1, let tag = tags.first, tag.isSectionTag {
                tokens.append(tag)
            } else {
                tokens.append(contentsOf: lineTokens)
                if !isLast { tokens.append(.text("\n")) }
            }
        }
        return try buildTree(tokens, file: file)
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trimmingSpaces(_ text: Substring) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = text.firstIndex(where: { !isSpace($0) }),
              let end = text.lastIndex(where: { !isSpace($0) }) else { return text[text.endIndex...] }
        return text[start...end]
    }

    private static func tokenize(_ line: Line, file: String) throws -> [Token] {
        var tokens: [Token] = []
        var rest = Substring(line.text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { tokens.append(.text(String(rest[..<open.lowerBound]))) }
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                throw TemplateError.malformedTag(
                    file: file, line: line.number, detail: "'{{' without a closing '}}' on the same line")
            }
            let inside = trimmingSpaces(afterOpen[..<close.lowerBound])
            tokens.append(try token(for: inside, line: line.number, file: file))
            rest = afterOpen[close.upperBound...]
        }
        if !rest.isEmpty { tokens.append(.text(String(rest))) }
        return tokens
    }

    private static func token(for inside: Substring, line: Int, file: String) throws -> Token {
        let sigil = inside.first
        let hasSigil = sigil == "#" || sigil == "^" || sigil == "/"
        let name = String(hasSigil ? trimmingSpaces(inside.dropFirst()) : inside)
        let plainName = hasSigil && name.hasSuffix("?") ? name.dropLast() : Substring(name)
        guard !plainName.isEmpty else {
            throw TemplateError.malformedTag(file: file, line: line, detail: "'{{\(inside)}}' names nothing")
        }
        guard plainName.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw TemplateError.malformedTag(
                file: file, line: line,
                detail: "'{{\(inside)}}': names use only letters a–z, digits and '_'")
        }
        switch sigil {
        case "#": return .open(name: name, inverted: false, line: line)
        case "^": return .open(name: name, inverted: true, line: line)
        case "/": return .close(name: name, line: line)
        default: return .value(name: name, line: line)
        }
    }

    private struct OpenSection {
        let name: String
        let inverted: Bool
        let line: Int
        var body: [TemplateNode] = []
    }

    private static func buildTree(_ tokens: [Token], file: String) throws -> [TemplateNode] {
        var root: [TemplateNode] = []
        var stack: [OpenSection] = []
        func append(_ node: TemplateNode) {
            if stack.isEmpty { root.append(node) } else { stack[stack.count - 1].body.append(node) }
        }
        for token in tokens {
            switch token {
            case .text(let text):
                append(.text(text))
            case .value(let name, let line):
                append(.value(name: name, line: line))
            case .open(let name, let inverted, let line):
                stack.append(OpenSection(name: name, inverted: inverted, line: line))
            case .close(let name, let line):
                guard let open = stack.popLast() else {
                    throw TemplateError.unexpectedSectionEnd(file: file, line: line, name: name)
                }
                guard open.name == name else {
                    throw TemplateError.mismatchedSection(file: file, line: line, open: open.name, close: name)
                }
                let once = open.name.hasSuffix("?")
                append(.section(
                    name: once ? String(open.name.dropLast()) : open.name,
                    inverted: open.inverted, once: once, line: open.line, body: open.body))
            }
        }
        if let unclosed = stack.last {
            throw TemplateError.unclosedSection(file: file, line: unclosed.line, name: unclosed.name)
        }
        return root
    }
}
