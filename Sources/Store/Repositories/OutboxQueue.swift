/// Putting replies into `dsr.outbox`, in the same transaction as the state
/// change that causes them. Each reply has its own random Message-ID
/// (unique in the table), stored with its bytes, so a resend keeps it.
public struct OutboxQueue {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    public struct NewReply: Sendable {
        public var requestID: Int?
        public var messageID: String
        public var template: String
        public var envelopeFrom: String
        public var recipients: [String]
        public var raw: [UInt8]

        public init(requestID: Int?, messageID: String, template: String, envelopeFrom: String,
                    recipients: [String], raw: [UInt8]) {
            self.requestID = requestID
            self.messageID = messageID
            self.template = template
            self.envelopeFrom = envelopeFrom
            self.recipients = recipients
            self.raw = raw
        }
    }

    /// The new row's id.
    public func enqueue(_ reply: NewReply) throws -> Int {
        let inserted = try connection.execute("""
            INSERT INTO dsr.outbox (request_id, message_id, template, envelope_from, recipients, raw)
            VALUES ($1, $2, $3, $4, $5::text[], $6)
            RETURNING id
            """, [.int(reply.requestID), .text(reply.messageID), .text(reply.template), .text(reply.envelopeFrom),
                  .textArray(reply.recipients), .bytes(reply.raw)])
        return try inserted.first?.int("id") ?? 0
    }

    /// Our reply with this Message-ID (for bounces), with its request.
    public func find(messageID: String) throws -> (outboxID: Int, requestID: Int?)? {
        let result = try connection.execute("SELECT id, request_id FROM dsr.outbox WHERE message_id = $1", [.text(messageID)])
        guard let row = result.first else { return nil }
        return (try row.int("id"), row.optionalInt("request_id"))
    }

    public func markBounced(_ id: Int) throws {
        try connection.execute("UPDATE dsr.outbox SET bounced_at = now() WHERE id = $1 AND bounced_at IS NULL", [.int(id)])
    }
}
