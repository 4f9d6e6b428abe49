import Foundation
import Requests

/// Everything the customer database holds about one data subject, read for
/// an access request (GDPR Art. 15 and 20).
public struct AccessReport: Sendable, Equatable {
    /// The subject's key in the subject table, as text.
    public var subjectKey: String
    /// The subject's preferred language as stored, if the map names a language column.
    public var storedLanguage: String?
    /// One entry per mapped table the subject has rows in, in map order.
    public var categories: [CategoryRows]
    /// To whom the subject's data was disclosed, oldest first.
    public var disclosures: [Disclosure]

    public init(subjectKey: String, storedLanguage: String? = nil, categories: [CategoryRows], disclosures: [Disclosure]) {
        self.subjectKey = subjectKey
        self.storedLanguage = storedLanguage
        self.categories = categories
        self.disclosures = disclosures
    }
}

/// The subject's rows of one mapped table, with what the map says about them.
public struct CategoryRows: Sendable, Equatable {
    /// `schema.table`
    public var table: String
    public var category: LocalizedText
    public var purpose: LocalizedText
    public var legalBasis: LocalizedText
    public var retention: LocalizedText
    public var source: LocalizedText?
    public var recipients: LocalizedText?
    /// Special categories of data (GDPR Art. 9), as the map says.
    public var specialCategory: Bool
    /// Column names, in the order of each row's values.
    public var columns: [String]
    /// The map's names for people of the columns (column → text).
    public var labels: [String: LocalizedText]
    /// The columns of type `boolean`, whose values are `t` and `f`.
    public var booleanColumns: Set<String>
    /// The column listing the fields disclosed to a partner (the map's
    /// `disclosures.fields_column`): its values are column names, which the
    /// readable copy writes by their labels.
    public var disclosedFieldsColumn: String?
    /// Values in PostgreSQL's text form; nil for NULL.
    public var rows: [[String?]]

    public init(
        table: String, category: LocalizedText, purpose: LocalizedText, legalBasis: LocalizedText,
        retention: LocalizedText, source: LocalizedText? = nil, recipients: LocalizedText? = nil,
        specialCategory: Bool = false, columns: [String], labels: [String: LocalizedText] = [:],
        booleanColumns: Set<String> = [], disclosedFieldsColumn: String? = nil, rows: [[String?]]
    ) {
        self.table = table
        self.category = category
        self.purpose = purpose
        self.legalBasis = legalBasis
        self.retention = retention
        self.source = source
        self.recipients = recipients
        self.specialCategory = specialCategory
        self.columns = columns
        self.labels = labels
        self.booleanColumns = booleanColumns
        self.disclosedFieldsColumn = disclosedFieldsColumn
        self.rows = rows
    }

    /// The texts of `mapped` with `columns` and `rows`.
    init(_ mapped: MappedTable, columns: [String], booleanColumns: Set<String>, rows: [[String?]]) {
        self.init(table: mapped.table, category: mapped.category, purpose: mapped.purpose, legalBasis: mapped.legalBasis,
                  retention: mapped.retention, source: mapped.source, recipients: mapped.recipients,
                  specialCategory: mapped.specialCategory, columns: columns, labels: mapped.labels,
                  booleanColumns: booleanColumns, disclosedFieldsColumn: mapped.disclosures?.fieldsColumn, rows: rows)
    }

    /// The label of `column` in `language`; a column the map gives no label
    /// (`check-config` refuses such a map) is written with spaces for underscores.
    public func label(_ column: String, _ language: ReplyLanguage) -> String {
        labels[column]?.text(language) ?? column.replacingOccurrences(of: "_", with: " ")
    }
}

extension AccessReport {
    /// The label of a disclosed field (a column name) in `language`: the
    /// first category whose labels name it, the subject's own first.
    public func fieldLabel(_ field: String, _ language: ReplyLanguage) -> String? {
        categories.lazy.compactMap { $0.labels[field]?.text(language) }.first
    }
}

/// One disclosure of the subject's data to a partner.
public struct Disclosure: Sendable, Equatable {
    public var partner: String
    public var date: Date
    /// The fields disclosed, as the database names them.
    public var fields: [String]

    public init(partner: String, date: Date, fields: [String]) {
        self.partner = partner
        self.date = date
        self.fields = fields
    }
}

/// What an access search found.
public enum AccessOutcome: Sendable, Equatable {
    case found(AccessReport)
    /// No subject has the address.
    case noData
    /// Several subjects match the address: a person has to decide.
    case ambiguous(subjects: Int)
}
