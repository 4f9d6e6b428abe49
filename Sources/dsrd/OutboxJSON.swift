import Daemon
import Foundation
import Records

/// The JSON shapes of `dsrd outbox list|show --json` (snake_case keys).
enum OutboxJSON {
    static func entry(_ entry: OutboxEntry) -> [String: Any] {
        ["id": entry.id, "state": entry.state.rawValue, "request_id": entry.requestID ?? NSNull(),
         "reference": entry.reference ?? NSNull(), "role": entry.role ?? NSNull(), "template": entry.template,
         "recipients": entry.recipients, "message_id": entry.messageID, "attempts": entry.attempts,
         "next_attempt_at": RequestJSON.timestamp(entry.nextAttemptAt), "last_error": entry.lastError ?? NSNull(),
         "created_at": RequestJSON.timestamp(entry.createdAt),
         "sent_at": entry.sentAt.map(RequestJSON.timestamp) ?? NSNull(),
         "bounced_at": entry.bouncedAt.map(RequestJSON.timestamp) ?? NSNull(), "size_bytes": entry.sizeBytes]
    }

    static func detail(_ detail: OutboxQueries.Detail, body: Bool) -> [String: Any] {
        var object = entry(detail.entry)
        object["subject"] = detail.message.subject
        object["audit"] = detail.audit.map { event -> [String: Any] in
            ["at": RequestJSON.timestamp(event.at), "actor": event.actor, "action": event.action,
             "reason": event.reason ?? NSNull(),
             "details": (try? JSONSerialization.jsonObject(with: Data(event.detailsJSON.utf8))) ?? NSNull()]
        }
        if body { object["raw"] = String(decoding: detail.raw, as: UTF8.self) }
        return object
    }
}
