import Requests

/// The values of one `partner_notice`, in the partner's language. Data is
/// named by the map's labels (the subject table's first), never by column
/// names: a field the map has no label for is "other details", a disclosure
/// that does not say what it held is "contact details".
enum PartnerNoticeValues {
    /// - `subjectAddress`: the person's address, only for a partner that received it;
    /// - `person`: what else the partner can recognise the person by (column → value);
    /// - `changes`: a correction's columns and new values;
    /// - `flags`: `erased`, `rectified` or `objected`.
    static func values(_ partner: PartnerNotice, map: DataMap, subjectAddress: String?, person: [(column: String, value: String)],
                       changes: [RectificationReport.Change], flags: TemplateValues) -> TemplateValues {
        let language = partner.language
        let dates = partner.disclosures.map { language.dateText($0.day) }
        var values: TemplateValues = [
            "subject_address": .text(subjectAddress ?? ""),
            "person": .list(person.map { ["field": .text(label($0.column, map: map, language)), "value": .text($0.value)] }),
            "disclosures": .list(partner.disclosures.map { disclosure in
                ["date": .text(language.dateText(disclosure.day)),
                 "fields": .text(disclosure.fields.isEmpty ? Words(language).contactDetails
                                 : disclosure.fields.map { label($0, map: map, language) }.joined(separator: ", "))]
            }),
            "list_dates": .text(joined(dates, language)),
            "several_dates": .flag(Set(dates).count > 1),
            "changes": .list(changes.map {
                ["field": .text(label($0.column, map: map, language)), "new_value": .text($0.newValue)]
            }),
            "erased": .flag(false), "rectified": .flag(false), "objected": .flag(false),
        ]
        values = values.merging(flags)
        return values
    }

    /// A column's name for the partner: the map's label (the subject
    /// table's, else the first table's that has one), else dsrd's name of
    /// the rectification field it holds, else "other details".
    static func label(_ column: String, map: DataMap, _ language: ReplyLanguage) -> String {
        if let label = map.subjectTable?.label(column, language) { return label.lowercasedFirst }
        if let label = map.tables.lazy.compactMap({ $0.label(column, language) }).first { return label.lowercasedFirst }
        if let field = map.subjectTable?.rectification?.first(where: { $0.value == column })?.key {
            return RectificationFieldNames.name(key: field, language)
        }
        return Words(language).otherDetails
    }

    /// `A`, `A og B`, `A, B og C` (`and` in English), each date once.
    static func joined(_ items: [String], _ language: ReplyLanguage) -> String {
        var seen: Set<String> = []
        let unique = items.filter { seen.insert($0).inserted }
        guard let last = unique.last else { return "" }
        guard unique.count > 1 else { return last }
        return unique.dropLast().joined(separator: ", ") + (language == .nb ? " og " : " and ") + last
    }

    struct Words {
        let contactDetails: String
        let otherDetails: String

        init(_ language: ReplyLanguage) {
            switch language {
            case .nb:
                contactDetails = "kontaktopplysninger"
                otherDetails = "andre opplysninger"
            case .en:
                contactDetails = "contact details"
                otherDetails = "other details"
            }
        }
    }
}

private extension String {
    /// "First name" → "first name" inside a sentence; an abbreviation
    /// ("IP address", "VAT") keeps its capitals.
    var lowercasedFirst: String {
        guard let first = first, first.isUppercase else { return self }
        let second = dropFirst().first
        if let second, second.isUppercase { return self }
        return first.lowercased() + dropFirst()
    }
}
