import Foundation
import Records
import Requests
import Store

/// The fulfil stage's side of the receipts requests owe (`ReceiptsOwed`):
/// settled in the transaction that deals with a request, and queued for the
/// requests fulfilment has not reached within the grace.
extension FulfilStage {
    /// After the request was dealt with (same transaction), its attempt
    /// ends (`FulfilAttempts`), and when it still owes its receipt and no
    /// answer stands in for it, the receipt is queued now, to the sender,
    /// as intake would have queued it. One statement either way. True when
    /// a receipt was queued.
    @discardableResult
    static func endAttempt(of request: PendingRequest, settings: FulfilSettings, connection: PostgresConnection,
                           now: Date) throws -> Bool {
        guard request.owesReceipt else {
            try FulfilAttemptCounts(connection).reset(requestID: request.id)
            return false
        }
        guard try ReceiptsOwed(connection).settleEndingAttempt(requestID: request.id) else { return false }
        let values = ReplyWriter.receiptValues(request.kinds, fields: request.fields, language: request.replyLanguage)
        try RequestMail(writer: settings.writer, connection: connection, now: now)
            .reply(.receipt, request: request, recipient: request.requesterAddress, values: values)
        return true
    }

    /// Queues the receipts whose grace has passed before fulfilment took
    /// their requests up (a backlog, a stage that keeps failing). Each in a
    /// transaction of its own that claims the request. One still `received`
    /// has its attempt counted like any handling (`FulfilAttempts`), so a
    /// request whose mail takes the process down is not tried for ever. One
    /// that left `received` another way within its grace gets its receipt
    /// while it is open (to review after a follow-up, say), unless a reply
    /// stands in; one already closed has had its last word, and a receipt
    /// promising an answer would not be true: it owes nothing any more.
    func queueDueReceipts() async throws -> Int {
        let due = try await database.withConnection { try ReceiptsOwed($0).due(limit: Self.idsPerRead) }
        var queued = 0
        let attempts = FulfilAttempts(database: database, alert: nil)
        for (id, reference, state) in due {
            let settings = self.settings
            let now = clock.now()
            let earlier: Int
            if state == .received {
                guard let counted = try await attempts.begin(requestID: id) else { continue }
                earlier = counted
            } else if state.isOpen {
                earlier = 0
            } else {
                try await database.withConnection { try ReceiptsOwed($0).forget(requestID: id) }
                logger.info("owed receipt dropped: the request was closed first", ["reference": reference, "request_id": id])
                continue
            }
            let done = try await database.transaction { connection -> Bool in
                guard earlier < FulfilAttempts.limit,
                      let request = try PendingRequest.claim(id: id, in: state, trust: settings.senderTrust,
                                                             connection: connection) else { return false }
                return try Self.endAttempt(of: request, settings: settings, connection: connection, now: now)
            }
            if done {
                queued += 1
                logger.info("receipt queued after its grace", ["reference": reference, "request_id": id,
                                                                "request_state": state.rawValue])
            }
        }
        return queued
    }
}
