import Foundation

/// The site's folder of reply templates (`site_templates_dir`, in the
/// Debian package `/etc/dsrd/templates`): the files a company changed, laid
/// out as the shipped folder is (`nb/receipt.txt`, `en/refusal.txt`). Each
/// file found there replaces the shipped file of that name; every other
/// reply keeps the shipped text.
enum SiteTemplateFolder {
    /// The site's file for `template` in `language`, when the site has one.
    static func file(_ template: ReplyTemplate, _ language: ReplyLanguage, in directory: String) -> String? {
        let path = URL(fileURLWithPath: directory)
            .appendingPathComponent(language.rawValue)
            .appendingPathComponent(template.fileName).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Refuses a `.txt` file in a language folder that names no template
    /// (`nb/reciept.txt` would silently leave the shipped text in use) and a
    /// folder that is not a reply language. Other files (a README, an
    /// editor's backup) are left alone.
    static func check(_ directory: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateError.missingFile(path: directory)
        }
        let known = Set(ReplyTemplate.allCases.map(\.fileName))
        let languages = Set(ReplyLanguage.allCases.map(\.rawValue))
        let entries = try? manager.contentsOfDirectory(atPath: directory)
        for entry in (entries ?? []).sorted() where !entry.hasPrefix(".") {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(entry).path
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            guard languages.contains(entry) else { throw TemplateError.unknownSiteFile(path: path) }
            let files = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            for file in files.sorted() where file.hasSuffix(".txt") && !known.contains(file) {
                throw TemplateError.unknownSiteFile(path: URL(fileURLWithPath: path).appendingPathComponent(file).path)
            }
        }
    }
}
