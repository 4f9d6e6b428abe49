import MailCore

/// `dsr.outbox`: the mail dsrd sends, from the transaction that decided to
/// send it to what became of each delivery attempt.
///
/// Mail goes in in the same transaction as the state change that causes
/// it. Each message has its own random Message-ID (unique in the table),
/// stored with its bytes, so a resend keeps it.
public struct Outbox {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    // MARK: - Queueing

    /// Puts `mail` into the outbox and returns the new row's id. Mail about
    /// a request is linked to it in the role `role` (`reply` to the data
    /// subject, `notice` to a partner or the operators) and audited as
    /// queued by `actor`: row, link and event together or not at all (the
    /// caller's transaction). Mail about no request (the digest) is the
    /// row alone.
    @discardableResult
    public func enqueue(_ mail: ComposedMail, for requestID: Int?, role: String = "reply", actor: String) throws -> Int {
        let inserted = try connection.execute("""
            INSERT INTO dsr.outbox (request_id, message_id, template, envelope_from, recipients, raw)
            VALUES ($1, $2, $3, $4, $5::text[], $6)
            RETURNING id
            """, [.int(requestID), .text(mail.messageID), .text(mail.template), .text(mail.envelopeFrom),
                  .textArray(mail.recipients), .bytes(mail.raw)])
        let outboxID = try inserted.first?.int("id") ?? 0
        guard let requestID else { return outboxID }
        try RequestRecords(connection).link(requestID: requestID, outboxID: outboxID, role: role)
        try AuditTrail(connection).append(requestID: requestID, actor: actor,
                                          action: role == "notice" ? "notice_queued" : "reply_queued",
                                          reason: mail.template)
        return outboxID
    }

    // MARK: - Bounces

    /// Our mail with this Message-ID (for bounces), with its request.
    public func find(messageID: String) throws -> (outboxID: Int, requestID: Int?)? {
        let result = try connection.execute("SELECT id, request_id FROM dsr.outbox WHERE message_id = $1", [.text(messageID)])
        guard let row = result.first else { return nil }
        return (try row.int("id"), row.optionalInt("request_id"))
    }

    public func markBounced(_ id: Int) throws {
        try connection.execute("UPDATE dsr.outbox SET bounced_at = now() WHERE id = $1 AND bounced_at IS NULL", [.int(id)])
    }
}
