import Daemon
import Foundation
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
            printError(usage)
            return 2
        }
        words.removeFirst()
        var state: String?
        if action == "list", let index = words.firstIndex(of: "--state") {
            guard index + 1 < words.count else {
                printError("dsrd requests: --state needs a value\n" + usage)
                return 2
            }
            state = words[index + 1]
            words.removeSubrange(index...(index + 1))
        }
        switch (action, words.count) {
        case ("list", 0), ("show", 1): break
        default:
            printError(usage)
            return 2
        }
        guard let config = option.load() else { return 1 }
        let client = PostgresClient(configuration: config.postgres)
        let queries = RequestQueries(client: client)
        do {
            if action == "list" {
                let requests = try await queries.list(state: state)
                if json {
                    for request in requests { print(jsonLine(RequestJSON.summary(request))) }
                } else {
                    printTable(requests)
                }
            } else {
                let detail = try await queries.detail(reference: words[0])
                if json {
                    print(jsonLine(RequestJSON.detail(detail)))
                } else {
                    printDetail(detail)
                }
            }
            await client.close()
            return 0
        } catch {
            printError("dsrd requests: \(error)")
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
            print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
        if requests.isEmpty { print("(no requests)") }
    }

    private static func printDetail(_ detail: RequestDetail) {
        let summary = detail.summary
        print("request     \(summary.reference)")
        print("state       \(summary.state)\(detail.stateReason.map { " (\($0))" } ?? "")")
        print("kinds       \(summary.kinds.joined(separator: ", "))")
        print("subject     \(detail.subjectAddress)\(detail.onBehalf ? " (on behalf)" : "")")
        print("language    \(summary.language), replies in \(detail.replyLanguage)")
        print("received    \(RequestJSON.timestamp(summary.receivedAt))")
        print("due         \(summary.dueOn)\(summary.extended ? " (extended from \(detail.originalDueOn))" : "")")
        print("confidence  \(String(format: "%.2f", detail.confidence))")
        if !detail.evidence.isEmpty { print("evidence    \(detail.evidence.joined(separator: "; "))") }
        if detail.fieldsJSON != "{}" { print("fields      \(detail.fieldsJSON)") }
        print("\nmessages")
        if detail.messages.isEmpty { print("  (none)") }
        for message in detail.messages {
            let state = message.deliveryState.map { " [\($0)]" } ?? ""
            print("  \(RequestJSON.timestamp(message.at))  \(message.direction.rawValue.padding(toLength: 3, withPad: " ", startingAt: 0)) \(message.role) \(message.what)\(state)")
            print("      Message-ID: \(message.messageID ?? "-")")
            print("      Subject: \(message.subject)")
        }
        print("\naudit trail")
        if detail.audit.isEmpty { print("  (none)") }
        for event in detail.audit {
            var line = "  \(RequestJSON.timestamp(event.at))  \(event.actor)  \(event.action)"
            if event.fromState != nil || event.toState != nil {
                line += "  \(event.fromState ?? "-") -> \(event.toState ?? "-")"
            }
            if let reason = event.reason { line += "  (\(reason))" }
            print(line)
        }
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
