import Foundation
import MailCore
import Store

/// One claimed row of `dsr.outbox`: the mail as it was queued, and what
/// delivery needs to know about it.
public struct OutboxMessage: Sendable, Equatable {
    public var id: Int
    /// The request the mail is about (none for the digest).
    public var requestID: Int?
    /// That request's reference, for the log lines about it.
    public var reference: String?
    public var mail: ComposedMail
    /// Attempts made before this one.
    public var attempts: Int

    public init(id: Int, requestID: Int?, reference: String? = nil, mail: ComposedMail, attempts: Int) {
        self.id = id
        self.requestID = requestID
        self.reference = reference
        self.mail = mail
        self.attempts = attempts
    }

    /// Reads a row selected with the columns of `Outbox.claim` (`recipients`
    /// as a JSON array, the request's `reference` when it has one).
    init(row: QueryResult.Row) throws {
        let recipientsJSON = try row.string("recipients_json")
        guard let recipients = try? JSONDecoder().decode([String].self, from: Data(recipientsJSON.utf8)) else {
            throw PostgresError(kind: .unexpectedResult, column: "recipients", context: "reading an outbox row")
        }
        let mail = ComposedMail(raw: try row.bytes("raw"), envelopeFrom: try row.string("envelope_from"),
                                recipients: recipients, messageID: try row.string("message_id"),
                                template: try row.string("template"))
        self.init(id: try row.int("id"), requestID: row.optionalInt("request_id"), reference: row["reference"], mail: mail,
                  attempts: try row.int("attempts"))
    }
}
