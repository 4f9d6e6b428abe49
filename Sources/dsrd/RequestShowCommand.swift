import Daemon
import Foundation
import Records
import Store

/// `dsrd requests show REF|ID [--json]`: one request, by its reference or by
/// the numeric id of the log lines. It prints personal data (addresses,
/// subjects) to the terminal, which the operator is entitled to; none of it
/// goes to the log.
enum RequestShowCommand {
    static func run(_ words: [String], option: ConfigOption) async -> Int32 {
        let parsed: CommandWords
        switch CommandWords.parse(words, flags: ["--json"]) {
        case .success(let value): parsed = value
        case .failure(let problem): return CommandLineInterface.usageError("requests show", problem.text)
        }
        guard parsed.positional.count == 1, let word = parsed.positional.first else {
            return CommandLineInterface.usageError("requests show", "give exactly one request reference or id")
        }
        let config: OperatorConfig
        switch option.loadOperator() {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        let client = PostgresClient(configuration: config.postgres)
        do {
            let detail = try await RequestQueries(client: client).detail(RequestQueries.Key(word),
                                                                         senderTrust: config.identity.senderTrust)
            await client.close()
            if parsed.flags.contains("--json") {
                Terminal.line(JSONOutput.line(RequestJSON.detail(detail)))
            } else {
                printDetail(detail)
            }
            return ExitStatus.ok.rawValue
        } catch {
            return CommandLineInterface.failed("requests show", error)
        }
    }

    static func printDetail(_ detail: RequestDetail) {
        let summary = detail.summary
        Terminal.line("request     \(summary.reference)  (id \(detail.id))")
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
}
