import Foundation
import Requests
import Store

/// Receipts a request owes rather than queued (`dsr.requests.receipt_due_at`).
///
/// With a receipt grace, intake does not queue the receipt of a request it
/// hands to fulfilment: the request owes it until the grace has passed.
/// When fulfilment has dealt with the request, the receipt is settled in the
/// same transaction: an answer that says all a receipt would
/// (`ReplyTemplate.standsInForTheReceipt`) stands in for it, otherwise the
/// receipt is queued then. A request fulfilment has not reached within the
/// grace is found here and gets its receipt. So a request answered at once
/// costs no receipt at all: no mail composed, no row written, none
/// withdrawn.
public struct ReceiptsOwed {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Settles the receipt of a request that owed one when the caller
    /// claimed it (the caller holds the row since), and ends fulfilment's
    /// attempt at it: the owed receipt cleared and `fulfil_attempts` back
    /// to 0, unless the request's last state change did both already
    /// (`RequestStates.apply(endingFulfilAttempt:)`, the usual case): then
    /// nothing is written, and the row gets one new version at the end of
    /// its handling instead of two. True when no answer that stands in for
    /// the receipt (nor a receipt) is queued: the caller queues the receipt
    /// now, in the same transaction. False when an answer stands in.
    public func settleEndingAttempt(requestID: Int) throws -> Bool {
        let standing = ReplyTemplate.allCases.filter { $0.standsInForTheReceipt || $0 == .receipt }.map(\.rawValue)
        return try connection.execute("""
            WITH settled AS (
                UPDATE dsr.requests SET receipt_due_at = NULL, fulfil_attempts = 0
                WHERE id = $1 AND (receipt_due_at IS NOT NULL OR fulfil_attempts <> 0)
            )
            SELECT NOT EXISTS (SELECT 1 FROM dsr.outbox o WHERE o.request_id = $1 AND o.template = ANY($2::text[]))
                   AS owed
            """, [.int(requestID), .textArray(standing)]).first?.bool("owed") ?? false
    }

    /// Forgets the request's owed receipt without queuing it.
    public func forget(requestID: Int) throws {
        try connection.execute("UPDATE dsr.requests SET receipt_due_at = NULL WHERE id = $1 AND receipt_due_at IS NOT NULL",
                               [.int(requestID)])
    }

    /// Requests whose receipt is due (by the database's clock), in any
    /// state, the longest overdue first: one that left `received` within
    /// its grace some other way than through fulfilment (a follow-up from
    /// the person, an operator) owes its receipt all the same.
    public func due(limit: Int) throws -> [(id: Int, reference: String, state: RequestState)] {
        try connection.execute("""
            SELECT id, reference, state FROM dsr.requests
            WHERE receipt_due_at <= now() ORDER BY receipt_due_at, id LIMIT $1::int
            """, [.int(limit)]).rows.map { row in
                let state = try row.string("state")
                guard let known = RequestState(rawValue: state) else {
                    throw PostgresError(kind: .unexpectedResult, context: "a request state dsrd does not know")
                }
                return (try row.int("id"), try row.string("reference"), known)
            }
    }
}
