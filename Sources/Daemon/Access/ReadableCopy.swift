import CustomerData
import Foundation
import MailCore
import Requests

/// The copy of the data as a person reads it (GDPR Art. 12(1): "concise,
/// transparent, intelligible"): one HTML page in the reply's language, with
/// a short "how to read this", one section per category headed by the map's
/// category name, the map's texts on why and how long, and a table whose
/// column headings are the map's labels, never column names. Yes/no columns
/// read as yes/no, lists of disclosed fields by their labels. Every value is
/// escaped; the page has no scripts, links out or remote resources.
public enum ReadableCopy {
    /// `dsr-export-REF.html`
    public static func fileName(reference: String) -> String {
        "dsr-export-\(AccessExport.safeFileNamePart(reference)).html"
    }

    /// The page as an attachment (`text/html`; the page names its charset, UTF-8).
    public static func attachment(_ report: AccessReport, reference: String, generatedAt: Date, controller: String,
                                  language: ReplyLanguage) -> OutgoingAttachment {
        OutgoingAttachment(filename: fileName(reference: reference), contentType: "text/html",
                           data: html(report, reference: reference, generatedAt: generatedAt, controller: controller,
                                      language: language))
    }

    /// The page, UTF-8.
    public static func html(_ report: AccessReport, reference: String, generatedAt: Date, controller: String,
                            language: ReplyLanguage) -> [UInt8] {
        let words = Words(language)
        var page = HTMLPage()
        page.open(language: language.rawValue, title: words.title(controller) + " (\(reference))")
        page.element("h1", words.title(controller))
        page.element("p", words.generated(reference, language.dateText(Day(generatedAt, timeZone: Day.osloTimeZone))))
        page.element("h2", words.howToReadHeading)
        page.list(words.howToRead)
        page.element("h2", words.contentsHeading)
        page.raw("<ol>\n")
        for (index, category) in report.categories.enumerated() {
            page.raw("<li><a href=\"#c\(index + 1)\">\(HTMLPage.escaped(category.category.text(language)))</a> ("
                     + HTMLPage.escaped(AccessReplyValues.countText(category.rows.count, language)) + ")</li>\n")
        }
        if !report.disclosures.isEmpty {
            page.raw("<li><a href=\"#shared\">\(HTMLPage.escaped(words.disclosuresHeading))</a></li>\n")
        }
        page.raw("</ol>\n")
        for (index, category) in report.categories.enumerated() {
            section(category, id: "c\(index + 1)", report: report, language: language, words: words, into: &page)
        }
        if !report.disclosures.isEmpty {
            page.raw("<section id=\"shared\">\n")
            page.element("h2", words.disclosuresHeading)
            let rows = report.disclosures.map { disclosure in
                [disclosure.partner, language.dateText(Day(disclosure.date)),
                 disclosure.fields.map { report.fieldLabel($0, language) ?? words.otherDetails }.joined(separator: ", ")]
            }
            page.table(headings: words.disclosureColumns, rows: rows)
            page.raw("</section>\n")
        }
        page.close()
        return Array(page.text.utf8)
    }

    private static func section(_ category: CategoryRows, id: String, report: AccessReport, language: ReplyLanguage,
                                words: Words, into page: inout HTMLPage) {
        page.raw("<section id=\"\(id)\">\n")
        page.element("h2", category.category.text(language))
        var facts: [(String, String)] = [
            (words.purpose, category.purpose.text(language)), (words.legalBasis, category.legalBasis.text(language)),
            (words.retention, category.retention.text(language)),
        ]
        if let source = category.source { facts.append((words.source, source.text(language))) }
        if let recipients = category.recipients { facts.append((words.recipients, recipients.text(language))) }
        if category.specialCategory { facts.append((words.specialCategoryTerm, words.specialCategory)) }
        page.definitions(facts)
        let rows = category.rows.map { row in
            zip(category.columns, row).map { column, value in
                display(value, column: column, in: category, report: report, language: language, words: words)
            }
        }
        page.table(headings: category.columns.map { category.label($0, language) }, rows: rows)
        page.raw("</section>\n")
    }

    /// A value as the page shows it: NULL as a dash, booleans as yes/no,
    /// a list of disclosed fields by their labels, anything else as stored.
    static func display(_ value: String?, column: String, in category: CategoryRows, report: AccessReport,
                        language: ReplyLanguage, words: Words) -> String {
        guard let value else { return words.empty }
        if category.booleanColumns.contains(column) {
            return value == "t" || value == "true" ? words.yes : words.no
        }
        if column == category.disclosedFieldsColumn {
            return PostgresTextArray.elements(value).map { report.fieldLabel($0, language) ?? words.otherDetails }
                .joined(separator: ", ")
        }
        return value
    }
}
