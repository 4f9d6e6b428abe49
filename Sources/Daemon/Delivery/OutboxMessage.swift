import Foundation
import Store

/// One claimed row of `dsr.outbox`: a reply ready to go, with its envelope.
public struct OutboxMessage: Sendable, Equatable {
    public var id: Int
    public var requestID: Int?
    public var messageID: String
    public var template: String
    public var envelopeFrom: String
    public var recipients: [String]
    public var raw: [UInt8]
    /// Attempts made before this one.
    public var attempts: Int

    public init(id: Int, requestID: Int?, messageID: String, template: String, envelopeFrom: String,
                recipients: [String], raw: [UInt8], attempts: Int) {
        self.id = id
        self.requestID = requestID
        self.messageID = messageID
        self.template = template
        self.envelopeFrom = envelopeFrom
        self.recipients = recipients
        self.raw = raw
        self.attempts = attempts
    }

    /// Reads a row selected with the columns of `DeliveryQueue.claimSQL`
    /// (`recipients` as a JSON array).
    init(row: QueryResult.Row) throws {
        let recipientsJSON = try row.string("recipients_json")
        guard let recipients = try? JSONDecoder().decode([String].self, from: Data(recipientsJSON.utf8)) else {
            throw PostgresError(kind: .unexpectedResult, column: "recipients", context: "reading an outbox row")
        }
        self.init(id: try row.int("id"), requestID: row.optionalInt("request_id"),
                  messageID: try row.string("message_id"), template: try row.string("template"),
                  envelopeFrom: try row.string("envelope_from"), recipients: recipients,
                  raw: try row.bytes("raw"), attempts: try row.int("attempts"))
    }
}
