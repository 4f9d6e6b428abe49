import Daemon
import Foundation
import MailCore
import Records
import Store

/// `dsrd outbox list|show|retry|cancel`: the mail dsrd sends, as Postfix's
/// `postqueue -p`, `postcat -q`, `postqueue -i` and `postsuper -d` show and
/// manage a queue. It prints recipients and subjects for the operator,
/// never to the log; the changes are `OutboxControl`'s.
enum OutboxCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        if let error = option.error { return CommandLineInterface.usageError("outbox", error) }
        guard let action = option.remaining.first else {
            return CommandLineInterface.usageError("outbox", "give a subcommand")
        }
        let words = Array(option.remaining.dropFirst())
        switch action {
        case "list": return await list(words, option: option)
        case "show": return await show(words, option: option)
        case "retry", "cancel": return await change(action, words, option: option)
        default: return CommandLineInterface.usageError("outbox", "unknown subcommand '\(action)'")
        }
    }

    // MARK: - list

    static func list(_ words: [String], option: ConfigOption) async -> Int32 {
        let topic = "outbox list"
        let parsed: CommandWords
        switch CommandWords.parse(words, options: ["--state", "--limit"], flags: ["--json", "--all"]) {
        case .success(let value): parsed = value
        case .failure(let problem): return CommandLineInterface.usageError(topic, problem.text)
        }
        if let extra = parsed.positional.first {
            return CommandLineInterface.usageError(topic, "unexpected argument '\(extra)'")
        }
        let states: [OutboxState]
        switch parsed.values["--state"] {
        case nil: states = [.pending, .failed]
        case "all"?: states = OutboxState.allCases
        case let name?:
            guard let state = OutboxState(rawValue: name) else {
                return CommandLineInterface.usageError(topic, "unknown state '\(name)' (one of "
                    + (OutboxState.allCases.map(\.rawValue) + ["all"]).joined(separator: ", ") + ")")
            }
            states = [state]
        }
        let limit: Int?
        switch parsed.limit(default: RequestListCommand.defaultLimit) {
        case .success(let value): limit = value
        case .failure(let problem): return CommandLineInterface.usageError(topic, problem.text)
        }
        let config: OperatorConfig
        switch option.loadOperator() {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        let client = PostgresClient(configuration: config.postgres)
        do {
            let listing = try await OutboxQueries(client: client).listing(states: states, limit: limit)
            await client.close()
            if parsed.flags.contains("--json") {
                for entry in listing.entries { Terminal.line(JSONOutput.line(OutboxJSON.entry(entry))) }
            } else {
                let rows = listing.entries.map { entry in
                    [String(entry.id), entry.state.rawValue, String(entry.attempts),
                     entry.state == .pending ? RequestJSON.timestamp(entry.nextAttemptAt) : "-", entry.template,
                     entry.reference ?? "-", entry.recipients.joined(separator: ","), entry.lastError ?? ""]
                }
                TextTable.write(header: ["ID", "STATE", "TRIES", "NEXT", "TEMPLATE", "REQUEST", "TO", "LAST ERROR"],
                                rows: rows, empty: "(no messages)")
            }
            if let total = listing.total {
                Terminal.error("dsrd outbox list: showing the newest \(listing.entries.count) of \(total) messages; "
                               + "give --limit N or --all for more")
            }
            return ExitStatus.ok.rawValue
        } catch {
            return CommandLineInterface.failed(topic, error)
        }
    }

    // MARK: - show

    static func show(_ words: [String], option: ConfigOption) async -> Int32 {
        let topic = "outbox show"
        let parsed: CommandWords
        switch CommandWords.parse(words, flags: ["--body", "--json"]) {
        case .success(let value): parsed = value
        case .failure(let problem): return CommandLineInterface.usageError(topic, problem.text)
        }
        guard parsed.positional.count == 1, let id = Int(parsed.positional[0]) else {
            return CommandLineInterface.usageError(topic, "give exactly one message id (a number)")
        }
        let config: OperatorConfig
        switch option.loadOperator() {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        let client = PostgresClient(configuration: config.postgres)
        do {
            let detail = try await OutboxQueries(client: client).detail(id: id)
            await client.close()
            if parsed.flags.contains("--json") {
                Terminal.line(JSONOutput.line(OutboxJSON.detail(detail, body: parsed.flags.contains("--body"))))
            } else {
                printDetail(detail, body: parsed.flags.contains("--body"))
            }
            return ExitStatus.ok.rawValue
        } catch {
            return CommandLineInterface.failed(topic, error)
        }
    }

    private static func printDetail(_ detail: OutboxQueries.Detail, body: Bool) {
        let entry = detail.entry
        let message = detail.message
        Terminal.line("message     \(entry.id)")
        Terminal.line("state       \(entry.state.rawValue)" + (entry.bouncedAt.map { " (bounced \(RequestJSON.timestamp($0)))" } ?? ""))
        Terminal.line("request     " + (entry.reference.map { "\($0)  (\(entry.role ?? "reply"))" } ?? "(none)"))
        Terminal.line("template    \(entry.template)")
        Terminal.line("to          \(entry.recipients.joined(separator: ", "))")
        Terminal.line("created     \(RequestJSON.timestamp(entry.createdAt))")
        Terminal.line("attempts    \(entry.attempts)" + (entry.state == .pending
            ? ", next at \(RequestJSON.timestamp(entry.nextAttemptAt))" : ""))
        if let sent = entry.sentAt { Terminal.line("sent        \(RequestJSON.timestamp(sent))") }
        if let error = entry.lastError { Terminal.line("last error  \(error)") }
        Terminal.line("size        \(entry.sizeBytes) bytes")
        Terminal.line("")
        Terminal.line("header")
        Terminal.line("  From: \(message.from.map(\.address).joined(separator: ", "))")
        Terminal.line("  To: \(message.to.map(\.address).joined(separator: ", "))")
        Terminal.line("  Subject: \(message.subject)")
        Terminal.line("  Date: \(message.date.map(RequestJSON.timestamp) ?? "-")")
        Terminal.line("  Message-ID: \(message.messageID ?? entry.messageID)")
        if !message.attachments.isEmpty {
            Terminal.line("  attachments: " + message.attachments.map { "\($0.filename ?? "-") (\($0.size) bytes)" }
                .joined(separator: ", "))
        }
        Terminal.line("")
        Terminal.line("audit trail")
        if detail.audit.isEmpty { Terminal.line("  (none)") }
        for event in detail.audit {
            Terminal.line("  \(RequestJSON.timestamp(event.at))  \(event.actor)  \(event.action)"
                          + (event.reason.map { "  (\($0))" } ?? ""))
            if event.detailsJSON != "{}" { Terminal.line("      details \(event.detailsJSON)") }
        }
        if body {
            Terminal.line("")
            Terminal.line("message as queued")
            Terminal.lines(String(decoding: detail.raw, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"))
        }
    }

    // MARK: - retry, cancel

    static func change(_ action: String, _ words: [String], option: ConfigOption) async -> Int32 {
        let topic = "outbox \(action)"
        let parsed: CommandWords
        let options: Set<String> = action == "retry" ? ["--to", "--operator"] : ["--operator"]
        switch CommandWords.parse(words, options: options) {
        case .success(let value): parsed = value
        case .failure(let problem): return CommandLineInterface.usageError(topic, problem.text)
        }
        guard parsed.positional.count == 1, let id = Int(parsed.positional[0]) else {
            return CommandLineInterface.usageError(topic, "give exactly one message id (a number)")
        }
        let decider: OperatorIdentity
        do {
            decider = try OperatorIdentity.resolve(typed: parsed.values["--operator"],
                                                   environment: ProcessInfo.processInfo.environment)
        } catch {
            return CommandLineInterface.usageError(topic, error.description)
        }
        let config: OperatorConfig
        switch option.loadOperator() {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        let client = PostgresClient(configuration: config.postgres)
        let control = OutboxControl(client: client)
        do {
            if action == "retry" {
                let outcome = try await control.retry(id: id, to: parsed.values["--to"], decider: decider)
                if let copy = outcome.copyID {
                    Terminal.line("message \(id): \(outcome.template) queued again as message \(copy) to the new "
                                  + "recipient by \(decider); message \(id) is \(outcome.toState.rawValue)")
                } else {
                    Terminal.line("message \(id): \(outcome.fromState.rawValue) -> pending, due now, by \(decider)")
                }
            } else {
                let outcome = try await control.cancel(id: id, decider: decider)
                Terminal.line("message \(id): \(outcome.fromState.rawValue) -> cancelled by \(decider)")
            }
            await client.close()
            return ExitStatus.ok.rawValue
        } catch {
            return CommandLineInterface.failed(topic, error)
        }
    }
}
