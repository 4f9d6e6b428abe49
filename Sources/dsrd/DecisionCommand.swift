import Daemon
import Foundation
import Requests
import Store

/// `dsrd requests approve|reject|extend|complete|note`: an operator's
/// decision on one request. This file only reads the arguments; the rules
/// and the writing are `OperatorDecisions`'.
enum DecisionCommand {
    static let actions: Set<String> = ["approve", "reject", "extend", "complete", "note"]

    struct Arguments: Equatable {
        var reference: String
        var kinds: [String]?
        var operatorName: String?
        /// `reject`/`extend`: the grounds and texts the person reads.
        var reason = DecisionReason()
        /// `complete`: what was done; `note`: the note.
        var note: String?
        var months = 2
        /// `complete`: the reply to queue; nil with `--no-reply`.
        var reply: ReplyTemplate?
        /// `reject`/`extend`: check and show the mail, change nothing.
        var preview = false
    }

    static func run(action: String, words: [String], option: ConfigOption) async -> Int32 {
        let topic = "requests \(action)"
        let arguments: Arguments
        switch parse(action: action, words) {
        case .success(let parsed): arguments = parsed
        case .failure(let problem): return CommandLineInterface.usageError(topic, problem.text)
        }
        let decider: OperatorIdentity
        do {
            decider = try OperatorIdentity.resolve(typed: arguments.operatorName,
                                                   environment: ProcessInfo.processInfo.environment)
        } catch {
            return CommandLineInterface.usageError(topic, error.description)
        }
        // Only the decisions that queue mail read the templates.
        let queuesMail = action == "reject" || action == "extend" || arguments.reply != nil
        let config: OperatorConfig
        switch option.loadOperator(needs: queuesMail ? OperatorConfig.Needs.replies : []) {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        let writer: ReplyWriter?
        do {
            writer = queuesMail ? try DaemonComponents.writer(config) : nil
        } catch {
            Terminal.error("dsrd \(topic): \(error)")
            for problem in error.problems { Terminal.error("  \(problem)") }
            return ExitStatus.config.rawValue
        }
        let client = PostgresClient(configuration: config.postgres)
        let decisions = OperatorDecisions(client: client, writer: writer)
        let status = await decide(action, arguments, decider: decider, with: decisions)
        await client.close()
        return status
    }

    private static func decide(_ action: String, _ arguments: Arguments, decider: OperatorIdentity,
                               with decisions: OperatorDecisions) async -> Int32 {
        do {
            let outcome: OperatorDecisions.Outcome
            let reference = arguments.reference
            switch action {
            case "approve":
                outcome = try await decisions.approve(reference: reference, kinds: arguments.kinds, decider: decider)
                Terminal.line("\(outcome.reference): approved by \(decider) for \(outcome.kinds.joined(separator: ", ")); "
                      + "\(outcome.fromState) -> \(outcome.toState)")
            case "reject":
                outcome = try await decisions.reject(reference: reference, reason: arguments.reason,
                                                     decider: decider, preview: arguments.preview)
                if arguments.preview { show(outcome, decision: "refusal") } else {
                    Terminal.line("\(outcome.reference): rejected by \(decider); \(outcome.fromState) -> \(outcome.toState); "
                          + (outcome.replyQueued ? "refusal queued in \(language(outcome))"
                                                 : "no address to reply to: no refusal sent"))
                }
            case "extend":
                outcome = try await decisions.extend(reference: reference, reason: arguments.reason,
                                                     months: arguments.months, decider: decider, preview: arguments.preview)
                if arguments.preview { show(outcome, decision: "extension notice") } else {
                    Terminal.line("\(outcome.reference): extended by \(decider) until "
                          + "\(outcome.extendedDueOn?.description ?? "-"); notice queued in \(language(outcome))")
                }
            case "complete":
                outcome = try await decisions.complete(reference: reference, note: arguments.note ?? "",
                                                       reply: arguments.reply, decider: decider)
                Terminal.line("\(outcome.reference): completed by \(decider); \(outcome.fromState) -> \(outcome.toState); "
                      + (arguments.reply.map { "\($0.rawValue) queued" } ?? "no reply sent"))
            default:
                outcome = try await decisions.note(reference: reference, text: arguments.note ?? "", decider: decider)
                Terminal.line("\(outcome.reference): note added by \(decider) (request \(outcome.fromState))")
            }
            return ExitStatus.ok.rawValue
        } catch {
            return CommandLineInterface.failed("requests \(action)", error)
        }
    }

    private static func language(_ outcome: OperatorDecisions.Outcome) -> String {
        outcome.replyLanguage?.rawValue ?? "-"
    }

    /// The mail a decision would queue, line by line; nothing was changed.
    private static func show(_ outcome: OperatorDecisions.Outcome, decision: String) {
        guard let preview = outcome.preview else {
            Terminal.line("\(outcome.reference): preview only; no address to reply to, so no \(decision) would be sent")
            return
        }
        Terminal.line("\(outcome.reference): preview of the \(decision) in \(language(outcome)) "
                      + "(nothing changed or queued; run again without --preview to decide)")
        Terminal.line("To: \(preview.recipient)")
        Terminal.line("Subject: \(preview.subject)")
        Terminal.line("")
        for line in preview.body.split(separator: "\n", omittingEmptySubsequences: false) {
            Terminal.line(String(line))
        }
    }

    /// The reference and the options `action` takes.
    static func parse(action: String, _ words: [String]) -> Result<Arguments, CommandWords.Problem> {
        let reasons: Set<String> = ["--reason", "--reason-nb", "--reason-en", "--ground"]
        let options: Set<String> = switch action {
        case "approve": ["--kinds", "--operator"]
        case "reject": reasons.union(["--operator"])
        case "extend": reasons.union(["--months", "--operator"])
        case "complete": ["--note", "--reply", "--operator"]
        default: ["--operator"]
        }
        let flags: Set<String> = switch action {
        case "complete": ["--no-reply"]
        case "reject", "extend": ["--preview"]
        default: []
        }
        let parsed: CommandWords
        switch CommandWords.parse(words, options: options, flags: flags) {
        case .success(let value): parsed = value
        case .failure(let problem): return .failure(problem)
        }
        let positionalCount = action == "note" ? 2 : 1
        guard parsed.positional.count == positionalCount, let reference = parsed.positional.first else {
            return .failure(CommandWords.Problem(text: action == "note"
                ? "give the request reference and the note (quoted, as one word)"
                : "give exactly one request reference"))
        }
        var arguments = Arguments(reference: reference)
        arguments.kinds = parsed.values["--kinds"].map { $0.split(separator: ",").map(String.init) }
        arguments.operatorName = parsed.values["--operator"]
        arguments.note = action == "note" ? parsed.positional[1] : parsed.values["--note"]
        arguments.preview = parsed.flags.contains("--preview")
        switch action {
        case "reject", "extend":
            switch reason(action: action, parsed) {
            case .success(let reason): arguments.reason = reason
            case .failure(let problem): return .failure(problem)
            }
        case "complete":
            if arguments.note == nil {
                return .failure(CommandWords.Problem(text: "--note TEXT is required (what was done, for the audit trail)"))
            }
            switch (parsed.values["--reply"], parsed.flags.contains("--no-reply")) {
            case (nil, false), (.some, true):
                return .failure(CommandWords.Problem(text: "give --reply TEMPLATE or --no-reply (one of them)"))
            case (let name?, false):
                do {
                    arguments.reply = try ManualReply.template(named: name)
                } catch {
                    return .failure(CommandWords.Problem(text: error.description))
                }
            case (nil, true):
                arguments.reply = nil
            }
        default:
            break
        }
        if let months = parsed.values["--months"] {
            guard let number = Int(months) else { return .failure(CommandWords.Problem(text: "--months is 1 or 2")) }
            arguments.months = number
        }
        return .success(arguments)
    }

    /// The grounds (`--ground a,b`) and texts (`--reason-nb`, `--reason-en`,
    /// `--reason`) of a refusal or an extension; at least one is needed.
    private static func reason(action: String, _ parsed: CommandWords) -> Result<DecisionReason, CommandWords.Problem> {
        let decision: DecisionGround.Decision = action == "reject" ? .refusal : .extension
        var grounds: [DecisionGround] = []
        for name in (parsed.values["--ground"] ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !name.isEmpty {
            guard let ground = DecisionGround(rawValue: name), ground.decision == decision else {
                let names = DecisionGround.all(for: decision).map(\.rawValue).joined(separator: ", ")
                return .failure(CommandWords.Problem(text: "unknown ground '\(name)' for \(action) (one of \(names))"))
            }
            if !grounds.contains(ground) { grounds.append(ground) }
        }
        var texts: [ReplyLanguage: String] = [:]
        for language in ReplyLanguage.allCases {
            if let text = parsed.values["--reason-\(language.rawValue)"] { texts[language] = text }
        }
        let reason = DecisionReason(grounds: grounds, texts: texts, replyLanguageText: parsed.values["--reason"])
        guard !reason.grounds.isEmpty || !reason.texts.isEmpty || reason.replyLanguageText != nil else {
            return .failure(CommandWords.Problem(text: "give a reason the data subject reads: --ground NAME, "
                                                 + "--reason-nb TEXT, --reason-en TEXT or --reason TEXT"))
        }
        return .success(reason)
    }
}
