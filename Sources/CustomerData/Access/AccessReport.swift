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
    /// Column names, in the order of each row's values.
    public var columns: [String]
    /// Values in PostgreSQL's text form; nil for NULL.
    public var rows: [[String?]]

    public init(
        table: String, category: LocalizedText, purpose: LocalizedText, legalBasis: LocalizedText,
        retention: LocalizedText, source: LocalizedText? = nil, recipients: LocalizedText? = nil,
        columns: [String], rows: [[String?]]
    ) {
        self.table = table
        self.category = category
        self.purpose = purpose
        self.legalBasis = legalBasis
        self.retention = retention
        self.source = source
        self.recipients = recipients
        self.columns = columns
        self.rows = rows
    }

    /// The texts of `mapped` with `columns` and `rows`.
    init(_ mapped: MappedTable, columns: [String], rows: [[String?]]) {
        self.init(table: mapped.table, category: mapped.category, purpose: mapped.purpose, legalBasis: mapped.legalBasis,
                  retention: mapped.retention, source: mapped.source, recipients: mapped.recipients,
                  columns: columns, rows: rows)
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
