import Daemon
import Foundation
import Records

/// The JSON shapes of `dsrd requests --json` (snake_case keys).
enum RequestJSON {
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func summary(_ request: RequestSummary) -> [String: Any] {
        ["reference": request.reference, "kinds": request.kinds, "state": request.state,
         "received_at": timestamp(request.receivedAt), "due_at": request.dueOn, "extended": request.extended,
         "language": request.language]
    }

    static func detail(_ detail: RequestDetail) -> [String: Any] {
        var object = summary(detail.summary)
        object["id"] = detail.id
        object["reply_language"] = detail.replyLanguage
        object["subject_address"] = detail.subjectAddress
        object["requester_address"] = detail.requesterAddress ?? NSNull()
        object["requester_name"] = detail.requesterName ?? NSNull()
        object["claimed_address"] = detail.claimedAddress ?? NSNull()
        object["sender_verdict"] = detail.senderVerdict.text
        object["sender_verdict_source"] = detail.senderVerdict.source.rawValue
        object["state_reason"] = detail.stateReason ?? NSNull()
        object["original_due_on"] = detail.originalDueOn
        object["confidence"] = detail.confidence
        object["on_behalf"] = detail.onBehalf
        object["auto_kind"] = detail.autoKind ?? NSNull()
        object["evidence"] = detail.evidence
        object["fields"] = parsed(detail.fieldsJSON)
        object["messages"] = detail.messages.map { message -> [String: Any] in
            ["direction": message.direction.rawValue, "at": timestamp(message.at), "role": message.role,
             "what": message.what, "delivery_state": message.deliveryState ?? NSNull(),
             "message_id": message.messageID ?? NSNull(), "subject": message.subject]
        }
        object["audit"] = detail.audit.map { event -> [String: Any] in
            ["at": timestamp(event.at), "actor": event.actor, "action": event.action,
             "from_state": event.fromState ?? NSNull(), "to_state": event.toState ?? NSNull(),
             "reason": event.reason ?? NSNull(), "details": parsed(event.detailsJSON)]
        }
        return object
    }

    private static func parsed(_ json: String) -> Any {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])) ?? NSNull()
    }
}
