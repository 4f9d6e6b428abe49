import Daemon
import Foundation
import Store

/// `dsrd requests approve|reject|extend`: an operator's decision on one
/// request. This file only reads the arguments; the rules and the writing
/// are `OperatorDecisions`'.
enum DecisionCommand {
    static let actions: Set<String> = ["approve", "reject", "extend"]

    static let usage = """
        usage: dsrd requests approve REF [--kinds access,erase,...] [--operator NAME] [--config FILE]
               dsrd requests reject REF --reason TEXT [--operator NAME] [--config FILE]
               dsrd requests extend REF --reason TEXT [--months 1|2] [--operator NAME] [--config FILE]
               (the decider is this process's login, or $SUDO_USER under sudo as root; a name given
                with --operator NAME or $DSRD_OPERATOR is recorded beside it, never instead)
        """

    struct Arguments: Equatable {
        var reference: String
        var kinds: [String]?
        var operatorName: String?
        var reason: String?
        var months = 2
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
                outcome = try await decisions.reject(reference: arguments.reference, reason: arguments.reason ?? "",
                                                     decider: decider)
                Terminal.line("\(outcome.reference): rejected by \(decider); \(outcome.fromState) -> \(outcome.toState); "
                      + (outcome.replyQueued ? "refusal queued" : "no address to reply to: no refusal sent"))
            default:
                outcome = try await decisions.extend(reference: arguments.reference, reason: arguments.reason ?? "",
                                                     months: arguments.months, decider: decider)
                Terminal.line("\(outcome.reference): extended by \(decider) until "
                      + "\(outcome.extendedDueOn?.description ?? "-"); notice queued")
            }
            return 0
        } catch {
            Terminal.error("dsrd requests \(action): \(error)")
            return 1
        }
    }

    struct Problem: Error {
        var text: String
    }

    /// The reference and the options `action` takes; `--name VALUE` or `--name=VALUE`.
    static func parse(action: String, _ words: [String]) -> Result<Arguments, Problem> {
        let allowed: Set<String> = switch action {
        case "approve": ["--kinds", "--operator"]
        case "reject": ["--reason", "--operator"]
        default: ["--reason", "--months", "--operator"]
        }
        var values: [String: String] = [:]
        var positional: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("--") else {
                positional.append(word)
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
            guard allowed.contains(name) else { return .failure(Problem(text: "unknown option \(name)")) }
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
        arguments.reason = values["--reason"]
        if action != "approve", arguments.reason == nil {
            return .failure(Problem(text: "--reason TEXT is required (the data subject reads it)"))
        }
        if let months = values["--months"] {
            guard let number = Int(months) else { return .failure(Problem(text: "--months is 1 or 2")) }
            arguments.months = number
        }
        return .success(arguments)
    }
}
