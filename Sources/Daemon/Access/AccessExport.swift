import CustomerData
import Foundation
import MailCore
import Requests

/// The copy of the data sent with an access reply: one JSON file with every
/// category (rows, purpose, legal basis, retention, source, recipients) and
/// the disclosures, deterministic for the same report, for use elsewhere
/// (Art. 20); beside it the readable copy (`ReadableCopy`); optionally a CSV
/// file per category. The caller compares `byteCount` with its size limit.
public enum AccessExport {
    /// `dsr-export-REF.json`
    public static func jsonFileName(reference: String) -> String {
        "dsr-export-\(safeFileNamePart(reference)).json"
    }

    /// `dsr-export-REF-schema.table.csv`
    public static func csvFileName(reference: String, category: CategoryRows) -> String {
        "dsr-export-\(safeFileNamePart(reference))-\(safeFileNamePart(category.table)).csv"
    }

    /// The JSON document (UTF-8, sorted keys).
    public static func json(_ report: AccessReport, reference: String, generatedAt: Date, controller: String) -> [UInt8] {
        let categories = report.categories.map { category -> ExportJSON in
            var members: [String: ExportJSON] = [
                "table": .string(category.table),
                "category": text(category.category),
                "purpose": text(category.purpose),
                "legal_basis": text(category.legalBasis),
                "retention": text(category.retention),
                "row_count": .number(category.rows.count),
                "rows": .array(category.rows.map { row in
                    .object(Dictionary(zip(category.columns, row).map { ($0, $1.map(ExportJSON.string) ?? .null) },
                                       uniquingKeysWith: { first, _ in first }))
                }),
            ]
            if let source = category.source { members["source"] = text(source) }
            if let recipients = category.recipients { members["recipients"] = text(recipients) }
            return .object(members)
        }
        let disclosures = report.disclosures.map { disclosure -> ExportJSON in
            .object([
                "partner": .string(disclosure.partner),
                "date": .string(Day(disclosure.date).description),
                "fields": .array(disclosure.fields.map(ExportJSON.string)),
            ])
        }
        let document: ExportJSON = .object([
            "reference": .string(reference),
            "generated_at": .string(generatedAt.formatted(.iso8601)),
            "controller": .string(controller),
            "categories": .array(categories),
            "disclosures": .array(disclosures),
        ])
        return document.bytes
    }

    /// One category as CSV (RFC 4180): a header of column names, CRLF line
    /// ends, fields quoted when they hold a comma, quote, CR or LF; NULL is empty.
    public static func csv(_ category: CategoryRows) -> [UInt8] {
        var lines = [category.columns.map(csvField).joined(separator: ",")]
        for row in category.rows {
            lines.append(row.map { csvField($0 ?? "") }.joined(separator: ","))
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// The JSON file as a mail attachment.
    public static func attachment(_ report: AccessReport, reference: String, generatedAt: Date, controller: String) -> OutgoingAttachment {
        OutgoingAttachment(filename: jsonFileName(reference: reference), contentType: "application/json",
                           data: json(report, reference: reference, generatedAt: generatedAt, controller: controller))
    }

    /// The copy as the access reply sends it: the JSON file, then the
    /// readable page in the reply's language.
    public static func attachments(_ report: AccessReport, reference: String, generatedAt: Date, controller: String,
                                   language: ReplyLanguage) -> [OutgoingAttachment] {
        [attachment(report, reference: reference, generatedAt: generatedAt, controller: controller),
         ReadableCopy.attachment(report, reference: reference, generatedAt: generatedAt, controller: controller,
                                 language: language)]
    }

    /// The attachments' total size in bytes, to compare with a limit.
    public static func byteCount(_ attachments: [OutgoingAttachment]) -> Int {
        attachments.reduce(0) { $0 + $1.data.count }
    }

    private static func text(_ value: LocalizedText) -> ExportJSON {
        .object(["en": .string(value.en), "nb": .string(value.nb)])
    }

    private static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Letters, digits, `-`, `_` and `.` only: references and table names are
    /// safe, anything else becomes `_`.
    static func safeFileNamePart(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") ? $0 : "_" })
    }
}
