import CustomerData
import Requests

/// The values the `access_completed` and `no_data` templates need beyond the
/// common ones (reference, organisation, dates, DPO address).
public enum AccessReplyValues {
    /// `categories` (name, count), `recipients` (name, date in the reply
    /// language) and `attachment_name`.
    public static func values(_ report: AccessReport, language: ReplyLanguage, attachmentName: String) -> TemplateValues {
        let categories = report.categories.map { category -> TemplateValues in
            ["name": .text(category.category.text(language)), "count": .text(countText(category.rows.count, language))]
        }
        let recipients = report.disclosures.map { disclosure -> TemplateValues in
            ["name": .text(disclosure.partner), "date": .text(language.dateText(Day(disclosure.date)))]
        }
        return ["categories": .list(categories), "recipients": .list(recipients), "attachment_name": .text(attachmentName)]
    }

    /// `no_data` needs only the common values.
    public static func noData() -> TemplateValues {
        [:]
    }

    /// `1 entry`, `3 entries`; `1 oppføring`, `3 oppføringer`.
    static func countText(_ count: Int, _ language: ReplyLanguage) -> String {
        switch language {
        case .en: return count == 1 ? "1 entry" : "\(count) entries"
        case .nb: return count == 1 ? "1 oppføring" : "\(count) oppføringer"
        }
    }
}
