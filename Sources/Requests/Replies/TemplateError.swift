import LogSafety

/// Why a template could not be loaded or rendered. Messages name files, lines
/// and placeholders, never the values, which may be personal data.
public enum TemplateError: LogSafeError, Sendable, Equatable {
    case missingFile(path: String)
    case unreadableFile(path: String)
    /// A file or folder in the site's templates folder that names no
    /// template or reply language, so it would never be read.
    case unknownSiteFile(path: String)
    case missingSubject(file: String, line: Int)
    case missingBlankLine(file: String, line: Int)
    case malformedTag(file: String, line: Int, detail: String)
    case unknownPlaceholder(file: String, line: Int, name: String)
    case wrongUse(file: String, line: Int, name: String, detail: String)
    case unclosedSection(file: String, line: Int, name: String)
    case mismatchedSection(file: String, line: Int, open: String, close: String)
    case unexpectedSectionEnd(file: String, line: Int, name: String)
    case missingValue(file: String, name: String)
    case wrongValueKind(file: String, name: String, expected: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path): template file is missing (every template needs a file for each language)"
        case .unreadableFile(let path):
            return "\(path): cannot be read as UTF-8 text"
        case .unknownSiteFile(let path):
            return "\(path): names no reply template or language (see the shipped folder for the names); the shipped text would be used"
        case .missingSubject(let file, let line):
            return "\(file):\(line): the file must start with a 'Subject: …' line"
        case .missingBlankLine(let file, let line):
            return "\(file):\(line): expected a blank line between the Subject line and the body"
        case .malformedTag(let file, let line, let detail):
            return "\(file):\(line): malformed tag: \(detail)"
        case .unknownPlaceholder(let file, let line, let name):
            return "\(file):\(line): unknown placeholder '\(name)'"
        case .wrongUse(let file, let line, let name, let detail):
            return "\(file):\(line): '\(name)' \(detail)"
        case .unclosedSection(let file, let line, let name):
            return "\(file):\(line): section '\(name)' is opened here but never closed with {{/\(name)}}"
        case .mismatchedSection(let file, let line, let open, let close):
            return "\(file):\(line): {{/\(close)}} closes a section, but the open section is '\(open)'"
        case .unexpectedSectionEnd(let file, let line, let name):
            return "\(file):\(line): {{/\(name)}} closes a section that was never opened"
        case .missingValue(let file, let name):
            return "\(file): no value given for '\(name)'"
        case .wrongValueKind(let file, let name, let expected):
            return "\(file): the value for '\(name)' must be \(expected)"
        }
    }
}
