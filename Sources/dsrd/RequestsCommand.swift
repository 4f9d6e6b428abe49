import Daemon
import Foundation
import Records
import Store

/// `dsrd requests list|show`: what the operator sees of the requests. It
/// prints personal data (addresses, subjects) to the terminal, which the
/// operator is entitled to; none of it goes to the log. The decisions
/// (`approve`, `reject`, `extend`) are `DecisionCommand`'s.
enum RequestsCommand {
    static let usage = """
        usage: dsrd requests list [--state STATE] [--json] [--config FILE]
               dsrd requests show REFERENCE [--json] [--config FILE]
        """ + "\n" + DecisionCommand.usage.replacingOccurrences(of: "usage: ", with: "       ")

    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        if let action = option.remaining.first, DecisionCommand.actions.contains(action) {
            return await DecisionCommand.run(action: action, words: Array(option.remaining.dropFirst()), option: option)
        }
        var words = option.remaining
        let json = words.contains("--json")
        words.removeAll { $0 == "--json" }
        guard let action = words.first else {
            Terminal.lines(usage, toError: true)
            return 2
        }
        words.removeFirst()
        var state: String?
        if action == "list", let index = words.firstIndex(of: "--state") {
            guard index + 1 < words.count else {
                Terminal.error("dsrd requests: --state needs a value")
                Terminal.lines(usage, toError: true)
                return 2
            }
            state = words[index + 1]
            words.removeSubrange(index...(index + 1))
        }
        switch (action, words.count) {
        case ("list", 0), ("show", 1): break
        default:
            Terminal.lines(usage, toError: true)
            return 2
        }
        guard let config = option.load() else { return 1 }
        let client = PostgresClient(configuration: config.postgres)
        let queries = RequestQueries(client: client)
        do {
            if action == "list" {
                let requests = try await queries.list(state: state)
                if json {
                    for request in requests { Terminal.line(jsonLine(RequestJSON.summary(request))) }
                } else {
                    printTable(requests)
                }
            } else {
                let detail = try await queries.detail(reference: words[0], senderTrust: config.identity.senderTrust)
                if json {
                    Terminal.line(jsonLine(RequestJSON.detail(detail)))
                } else {
                    printDetail(detail)
                }
            }
            await client.close()
            return 0
        } catch {
            Terminal.error("dsrd requests: \(error)")
            return 1
        }
    }

    private static func printTable(_ requests: [RequestSummary]) {
        let header = ["REFERENCE", "STATE", "KINDS", "RECEIVED", "DUE", "LANG"]
        let rows = requests.map { request in
            [request.reference, request.state, request.kinds.joined(separator: ","),
             RequestJSON.timestamp(request.receivedAt), request.dueOn + (request.extended ? " (extended)" : ""),
             request.language]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        for row in [header] + rows {
            Terminal.line(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
        if requests.isEmpty { Terminal.line("(no requests)") }
    }

    private static func printDetail(_ detail: RequestDetail) {
        let summary = detail.summary
        Terminal.line("request     \(summary.reference)")
        Terminal.line("state       \(summary.state)\(detail.stateReason.map { " (\($0))" } ?? "")")
        Terminal.line("kinds       \(summary.kinds.joined(separator: ", "))")
        Terminal.line("from        \(requester(detail))")
        if let claimed = detail.claimedAddress {
            Terminal.line("subject     \(claimed)  (CLAIMED: not the address the request came from)"
                          + (detail.onBehalf ? " (on behalf)" : ""))
        } else {
            Terminal.line("subject     \(detail.subjectAddress)\(detail.onBehalf ? " (on behalf)" : "")")
        }
        Terminal.line("sender      \(detail.senderVerdict.text)"
                      + (detail.senderVerdict.source == .storedMessage ? "  (read now from the stored message)" : ""))
        Terminal.line("language    \(summary.language), replies in \(detail.replyLanguage)")
        Terminal.line("received    \(RequestJSON.timestamp(summary.receivedAt))")
        Terminal.line("due         \(summary.dueOn)\(summary.extended ? " (extended from \(detail.originalDueOn))" : "")")
        Terminal.line("confidence  \(String(format: "%.2f", detail.confidence))")
        if !detail.evidence.isEmpty { Terminal.line("evidence    \(detail.evidence.joined(separator: "; "))") }
        if detail.fieldsJSON != "{}" { Terminal.line("fields      \(detail.fieldsJSON)") }
        Terminal.line("")
        Terminal.line("messages")
        if detail.messages.isEmpty { Terminal.line("  (none)") }
        for message in detail.messages {
            let state = message.deliveryState.map { " [\($0)]" } ?? ""
            Terminal.line("  \(RequestJSON.timestamp(message.at))  \(message.direction.rawValue.padding(toLength: 3, withPad: " ", startingAt: 0)) \(message.role) \(message.what)\(state)")
            Terminal.line("      Message-ID: \(message.messageID ?? "-")")
            Terminal.line("      Subject: \(message.subject)")
        }
        Terminal.line("")
        Terminal.line("audit trail")
        if detail.audit.isEmpty { Terminal.line("  (none)") }
        for event in detail.audit {
            var line = "  \(RequestJSON.timestamp(event.at))  \(event.actor)  \(event.action)"
            if event.fromState != nil || event.toState != nil {
                line += "  \(event.fromState ?? "-") -> \(event.toState ?? "-")"
            }
            if let reason = event.reason { line += "  (\(reason))" }
            Terminal.line(line)
            if event.detailsJSON != "{}" { Terminal.line("      details \(event.detailsJSON)") }
        }
    }

    /// The opening message's From: `Name <address>`, or what is known of it.
    private static func requester(_ detail: RequestDetail) -> String {
        guard let address = detail.requesterAddress else { return "(no opening message)" }
        guard let name = detail.requesterName, !name.isEmpty else { return address }
        return "\(name) <\(address)>"
    }

    private static func jsonLine(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
              let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }
}

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
