import Daemon
import Foundation
import Requests
import Store

/// `dsrd requests approve|reject|extend`: an operator's decision on one
/// request. This file only reads the arguments; the rules and the writing
/// are `OperatorDecisions`'.
enum DecisionCommand {
    static let actions: Set<String> = ["approve", "reject", "extend"]

    static let usage = """
        usage: dsrd requests approve REF [--kinds access,erase,...] [--operator NAME] [--config FILE]
               dsrd requests reject REF REASON... [--preview] [--operator NAME] [--config FILE]
               dsrd requests extend REF REASON... [--months 1|2] [--preview] [--operator NAME] [--config FILE]
               REASON: --ground NAME[,NAME] (reject: art12-5, art15-4, pol16; extend: complex, many), worded
                by the templates in the reply's language, and/or text the person reads: --reason-nb TEXT,
                --reason-en TEXT, or --reason TEXT written in the request's reply language (printed);
                --preview prints the mail and changes nothing
               (the decider is this process's login, or $SUDO_USER under sudo as root; a name given
                with --operator NAME or $DSRD_OPERATOR is recorded beside it, never instead)
        """

    struct Arguments: Equatable {
        var reference: String
        var kinds: [String]?
        var operatorName: String?
        var reason = DecisionReason()
        var months = 2
        var preview = false
    }

    static func run(action: String, words: [String], option: ConfigOption) async -> Int32 {
        let arguments: Arguments
        switch parse(action: action, words) {
        case .success(let parsed): arguments = parsed
        case .failure(let problem):
            Terminal.error("dsrd requests \(action): \(problem.text)")
            Terminal.lines(usage, toError: true)
            return 2
        }
        let decider: OperatorIdentity
        do {
            decider = try OperatorIdentity.resolve(typed: arguments.operatorName,
                                                   environment: ProcessInfo.processInfo.environment)
        } catch {
            Terminal.error("dsrd requests \(action): \(error)")
            return 2
        }
        guard let config = option.load() else { return 1 }
        let writer: ReplyWriter
        do {
            writer = try DaemonComponents.writer(config)
        } catch {
            Terminal.error("dsrd requests \(action): \(error)")
            return 1
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
            switch action {
            case "approve":
                outcome = try await decisions.approve(reference: arguments.reference, kinds: arguments.kinds,
                                                      decider: decider)
                Terminal.line("\(outcome.reference): approved by \(decider) for \(outcome.kinds.joined(separator: ", ")); "
                      + "\(outcome.fromState) -> \(outcome.toState)")
            case "reject":
                outcome = try await decisions.reject(reference: arguments.reference, reason: arguments.reason,
                                                     decider: decider, preview: arguments.preview)
                if arguments.preview { show(outcome, decision: "refusal") } else {
                    Terminal.line("\(outcome.reference): rejected by \(decider); \(outcome.fromState) -> \(outcome.toState); "
                          + (outcome.replyQueued ? "refusal queued in \(language(outcome))"
                                                 : "no address to reply to: no refusal sent"))
                }
            default:
                outcome = try await decisions.extend(reference: arguments.reference, reason: arguments.reason,
                                                     months: arguments.months, decider: decider, preview: arguments.preview)
                if arguments.preview { show(outcome, decision: "extension notice") } else {
                    Terminal.line("\(outcome.reference): extended by \(decider) until "
                          + "\(outcome.extendedDueOn?.description ?? "-"); notice queued in \(language(outcome))")
                }
            }
            return 0
        } catch {
            Terminal.error("dsrd requests \(action): \(error)")
            return 1
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

    struct Problem: Error {
        var text: String
    }

    /// The reference and the options `action` takes; `--name VALUE` or
    /// `--name=VALUE`, and `--preview` alone.
    static func parse(action: String, _ words: [String]) -> Result<Arguments, Problem> {
        let reasons: Set<String> = ["--reason", "--reason-nb", "--reason-en", "--ground", "--preview"]
        let allowed: Set<String> = switch action {
        case "approve": ["--kinds", "--operator"]
        case "reject": reasons.union(["--operator"])
        default: reasons.union(["--months", "--operator"])
        }
        var values: [String: String] = [:]
        var preview = false
        var positional: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("--") else {
                positional.append(word)
                continue
            }
            if word == "--preview", allowed.contains(word) {
                preview = true
                continue
            }
            var name = word
            var value: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                value = String(word[word.index(after: equals)...])
            } else if index < words.count {
                value = words[index]
                index += 1
            }
            guard allowed.contains(name), name != "--preview" else { return .failure(Problem(text: "unknown option \(name)")) }
            guard let value else { return .failure(Problem(text: "\(name) needs a value")) }
            guard values[name] == nil else { return .failure(Problem(text: "\(name) given twice")) }
            values[name] = value
        }
        guard positional.count == 1, let reference = positional.first else {
            return .failure(Problem(text: "give exactly one request reference"))
        }
        var arguments = Arguments(reference: reference)
        arguments.kinds = values["--kinds"].map { $0.split(separator: ",").map(String.init) }
        arguments.operatorName = values["--operator"]
        arguments.preview = preview
        if action != "approve" {
            let decision: DecisionGround.Decision = action == "reject" ? .refusal : .extension
            var grounds: [DecisionGround] = []
            for name in (values["--ground"] ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
            where !name.isEmpty {
                guard let ground = DecisionGround(rawValue: name), ground.decision == decision else {
                    let names = DecisionGround.all(for: decision).map(\.rawValue).joined(separator: ", ")
                    return .failure(Problem(text: "unknown ground '\(name)' for \(action) (one of \(names))"))
                }
                if !grounds.contains(ground) { grounds.append(ground) }
            }
            var texts: [ReplyLanguage: String] = [:]
            for language in ReplyLanguage.allCases {
                if let text = values["--reason-\(language.rawValue)"] { texts[language] = text }
            }
            arguments.reason = DecisionReason(grounds: grounds, texts: texts, replyLanguageText: values["--reason"])
            if arguments.reason.grounds.isEmpty && arguments.reason.texts.isEmpty && arguments.reason.replyLanguageText == nil {
                return .failure(Problem(text: "give a reason the data subject reads: --ground NAME, --reason-nb TEXT, "
                                        + "--reason-en TEXT or --reason TEXT"))
            }
        }
        if let months = values["--months"] {
            guard let number = Int(months) else { return .failure(Problem(text: "--months is 1 or 2")) }
            arguments.months = number
        }
        return .success(arguments)
    }
}
