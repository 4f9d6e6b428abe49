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
    /// as intake would have queued it. One statement either way.
    static func endAttempt(of request: PendingRequest, settings: FulfilSettings, connection: PostgresConnection,
                           now: Date) throws {
        guard request.owesReceipt else {
            try FulfilAttemptCounts(connection).reset(requestID: request.id)
            return
        }
        guard try ReceiptsOwed(connection).settleEndingAttempt(requestID: request.id) else { return }
        let values = ReplyWriter.receiptValues(request.kinds, fields: request.fields, language: request.replyLanguage)
        try RequestMail(writer: settings.writer, connection: connection, now: now)
            .reply(.receipt, request: request, recipient: request.requesterAddress, values: values)
    }

    /// Queues the receipts of `received` requests whose grace has passed
    /// before fulfilment took them up (a backlog, a stage that keeps
    /// failing). Each in a transaction of its own that claims the request,
    /// with its attempt counted like any handling (`FulfilAttempts`), so a
    /// request whose mail takes the process down is not tried for ever.
    func queueDueReceipts() async throws -> Int {
        let due = try await database.withConnection { try ReceiptsOwed($0).due(limit: Self.idsPerRead) }
        var queued = 0
        let attempts = FulfilAttempts(database: database, alert: nil)
        for (id, reference) in due {
            guard let earlier = try await attempts.begin(requestID: id) else { continue }
            let settings = self.settings
            let now = clock.now()
            let done = try await database.transaction { connection -> Bool in
                guard earlier < FulfilAttempts.limit,
                      let request = try PendingRequest.claim(id: id, in: .received, trust: settings.senderTrust,
                                                             connection: connection) else { return false }
                try Self.endAttempt(of: request, settings: settings, connection: connection, now: now)
                return true
            }
            if done {
                queued += 1
                logger.info("receipt queued after its grace", ["reference": reference, "request_id": id])
            }
        }
        return queued
    }
}
