import CustomerData
import Requests

/// The values the `access_completed` template needs beyond the common ones
/// (reference, organisation, dates, privacy contact). Everything the reply
/// says about the data comes from the data map, for the categories in the
/// person's copy: the template holds no purpose, basis, period or source of
/// its own, so a table added to the map shows in the reply as it is.
public enum AccessReplyValues {
    /// The names of the copy's two files.
    public struct Files: Sendable, Equatable {
        /// The JSON copy (Art. 20: machine-readable).
        public var json: String
        /// The readable copy (HTML).
        public var readable: String

        public init(json: String, readable: String) {
            self.json = json
            self.readable = readable
        }
    }

    /// - `categories` (name, count): what the copy holds;
    /// - `purposes` (categories, purpose, legal_basis), `retention`,
    ///   `sources` and `shared_with` (categories, text): the map's texts,
    ///   one item per distinct text, naming the categories that share it;
    /// - `special_categories` (name, legal_basis): Art. 9 data in the copy;
    /// - `recipients` (name, date): the disclosures to partners;
    /// - `processors` (name, service, country, safeguard) and `transfers`:
    ///   every processor of the map and its statement on the EEA;
    /// - `attachment_name`, `readable_name`: the files.
    public static func values(_ report: AccessReport, map: DataMap, language: ReplyLanguage, files: Files) -> TemplateValues {
        let categories = report.categories
        let counted = categories.map { category -> TemplateValues in
            ["name": .text(category.category.text(language)), "count": .text(countText(category.rows.count, language))]
        }
        let purposes = groups(categories, language) { category in
            category.purpose.text(language) + "\u{0}" + category.legalBasis.text(language)
        }.map { group -> TemplateValues in
            let parts = group.text.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return ["categories": .text(group.names), "purpose": .text(parts.first ?? ""),
                    "legal_basis": .text(parts.count > 1 ? parts[1] : "")]
        }
        let special = categories.filter(\.specialCategory).map { category -> TemplateValues in
            ["name": .text(category.category.text(language)), "legal_basis": .text(category.legalBasis.text(language))]
        }
        let recipients = report.disclosures.map { disclosure -> TemplateValues in
            ["name": .text(disclosure.partner), "date": .text(language.dateText(Day(disclosure.date)))]
        }
        let processors = map.processors.map { processor -> TemplateValues in
            ["name": .text(processor.name), "service": .text(processor.service.text(language)),
             "country": .text(processor.countryText(language)),
             "safeguard": .text(processor.isInEEA ? "" : processor.safeguard?.text(language) ?? "")]
        }
        return [
            "categories": .list(counted),
            "purposes": .list(purposes),
            "retention": .list(textGroups(categories, language) { $0.retention.text(language) }),
            "sources": .list(textGroups(categories, language) { $0.source?.text(language) }),
            "shared_with": .list(textGroups(categories, language) { $0.recipients?.text(language) }),
            "special_categories": .list(special),
            "recipients": .list(recipients),
            "processors": .list(processors),
            "transfers": .text(map.transfers?.text(language) ?? ""),
            "attachment_name": .text(files.json),
            "readable_name": .text(files.readable),
        ]
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

    /// One distinct text and the categories that share it.
    struct Group: Equatable {
        var names: String
        var text: String
    }

    /// The categories grouped by `text` (nil or empty: left out), in the
    /// order each text first appears; the names joined as a reader would
    /// list them (see `joined`).
    static func groups(_ categories: [CategoryRows], _ language: ReplyLanguage,
                       by text: (CategoryRows) -> String?) -> [Group] {
        var order: [String] = []
        var names: [String: [String]] = [:]
        for category in categories {
            guard let key = text(category), !key.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            if names[key] == nil { order.append(key) }
            names[key, default: []].append(category.category.text(language))
        }
        return order.map { Group(names: joined(names[$0] ?? [], language), text: $0) }
    }

    /// `groups` as `categories`/`text` items.
    private static func textGroups(_ categories: [CategoryRows], _ language: ReplyLanguage,
                                   by text: (CategoryRows) -> String?) -> [TemplateValues] {
        groups(categories, language, by: text).map { ["categories": .text($0.names), "text": .text($0.text)] }
    }

    /// `«A»`, `«A» og «B»`, `«A», «B» og «C»` in bokmål; `"A", "B" and "C"`
    /// in English. The names are the map's category headings, quoted so
    /// that an "og" inside one ("Bestillinger og fakturaer") reads as part of it.
    static func joined(_ names: [String], _ language: ReplyLanguage) -> String {
        let quoted = names.map { language == .nb ? "«\($0)»" : "\u{201C}\($0)\u{201D}" }
        guard let last = quoted.last else { return "" }
        guard quoted.count > 1 else { return last }
        let and = language == .nb ? " og " : " and "
        return quoted.dropLast().joined(separator: ", ") + and + last
    }
}
