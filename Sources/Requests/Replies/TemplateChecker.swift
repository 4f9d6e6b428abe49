/// Checks a parsed template against the names the catalogue allows, so that
/// mistakes in a template are found when it is loaded.
enum TemplateChecker {
    static func check(
        _ template: ParsedTemplate, allowed: [String: TemplatePlaceholder]
    ) throws {
        let top = allowed.mapValues(\.kind)
        try check(template.subject, scopes: [top], file: template.file)
        try check(template.body, scopes: [top], file: template.file)
    }

    /// `scopes` are innermost last: inside a list section, the item's fields
    /// come first and the outer names still work.
    private static func check(
        _ nodes: [TemplateNode], scopes: [[String: TemplatePlaceholder.Kind]], file: String
    ) throws {
        for node in nodes {
            switch node {
            case .text:
                continue
            case .value(let name, let line):
                switch try kind(of: name, in: scopes, line: line, file: file) {
                case .text:
                    continue
                case .flag:
                    throw TemplateError.wrongUse(
                        file: file, line: line, name: name,
                        detail: "is a yes/no flag: use it as {{#\(name)}}…{{/\(name)}}")
                case .list:
                    throw TemplateError.wrongUse(
                        file: file, line: line, name: name,
                        detail: "is a list: repeat it with {{#\(name)}}…{{/\(name)}}")
                }
            case .section(let name, let inverted, let once, let line, let body):
                let kind = try kind(of: name, in: scopes, line: line, file: file)
                if case .list(let fields) = kind, !inverted, !once {
                    let itemScope = Dictionary(fields.map { ($0, TemplatePlaceholder.Kind.text) },
                                               uniquingKeysWith: { first, _ in first })
                    try check(body, scopes: scopes + [itemScope], file: file)
                } else {
                    try check(body, scopes: scopes, file: file)
                }
            }
        }
    }

    private static func kind(
        of name: String, in scopes: [[String: TemplatePlaceholder.Kind]], line: Int, file: String
    ) throws -> TemplatePlaceholder.Kind {
        for scope in scopes.reversed() {
            if let kind = scope[name] { return kind }
        }
        throw TemplateError.unknownPlaceholder(file: file, line: line, name: name)
    }
}
