import Foundation

/// All reply templates in all languages, loaded and checked at start-up.
///
/// The folder holds one subfolder per language with one file per template:
/// `nb/receipt.txt`, `en/receipt.txt`, … (see `Templates/README.md`).
public struct TemplateSet: Sendable {
    struct Key: Hashable, Sendable {
        let template: ReplyTemplate
        let language: ReplyLanguage
    }

    private let templates: [Key: ParsedTemplate]

    /// Reads and checks every template × language in `directory`; where
    /// `siteDirectory` holds the same file (`nb/receipt.txt`), that one is
    /// read instead. The shipped folder stays complete and is replaced by
    /// upgrades; the site's folder holds only the texts a company changed
    /// (its legal wording), one file at a time, and is never overwritten.
    /// - Throws: `TemplateError` naming the file (and line) of the first
    ///   problem; `.unknownSiteFile` for a file in the site's folder that
    ///   would never be read (a misspelt name keeps the shipped text).
    public static func load(from directory: String, siteDirectory: String? = nil) throws -> TemplateSet {
        if let siteDirectory { try SiteTemplateFolder.check(siteDirectory) }
        var texts: [Key: (path: String, text: String)] = [:]
        for language in ReplyLanguage.allCases {
            for template in ReplyTemplate.allCases {
                let path = siteDirectory.flatMap { SiteTemplateFolder.file(template, language, in: $0) }
                    ?? URL(fileURLWithPath: directory)
                        .appendingPathComponent(language.rawValue)
                        .appendingPathComponent(template.fileName).path
                texts[Key(template: template, language: language)] = (path, try readText(at: path))
            }
        }
        return try TemplateSet(texts: texts)
    }

    /// Parses and checks texts already read; `texts` must hold every template × language.
    init(texts: [Key: (path: String, text: String)]) throws {
        var parsed: [Key: ParsedTemplate] = [:]
        for language in ReplyLanguage.allCases {
            for template in ReplyTemplate.allCases {
                let key = Key(template: template, language: language)
                guard let source = texts[key] else {
                    throw TemplateError.missingFile(path: "\(language.rawValue)/\(template.fileName)")
                }
                let file = try TemplateFileParser.parse(source.text, file: source.path)
                try TemplateChecker.check(file, allowed: TemplateCatalog.placeholders(for: template))
                parsed[key] = file
            }
        }
        self.templates = parsed
    }

    /// Renders one reply.
    /// - Throws: `TemplateError.missingValue` when a required value is missing,
    ///   `.wrongValueKind` when a value is of the wrong kind.
    public func render(
        _ template: ReplyTemplate, language: ReplyLanguage, values: TemplateValues
    ) throws -> RenderedReply {
        let key = Key(template: template, language: language)
        guard let parsed = templates[key] else {
            // `init` guarantees every key; kept as an error rather than a crash.
            throw TemplateError.missingFile(path: "\(language.rawValue)/\(template.fileName)")
        }
        let complete = try TemplateValueCheck.completed(
            values, for: TemplateCatalog.placeholders(for: template), file: parsed.file)
        let subject = try TemplateRenderer.render(
            parsed.subject, scopes: [complete], file: parsed.file, singleLine: true)
        let body = try TemplateRenderer.render(parsed.body, scopes: [complete], file: parsed.file)
        return RenderedReply(
            subject: TemplateRenderer.joinedOnOneLine(subject).trimmingCharacters(in: .whitespaces),
            body: TemplateRenderer.tidy(body))
    }

    private static func readText(at path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw TemplateError.missingFile(path: path)
        }
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            throw TemplateError.unreadableFile(path: path)
        }
        return text
    }
}
