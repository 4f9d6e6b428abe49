import Daemon
import Foundation
import Records
import Requests
import Store

/// `dsrd requests list` and `dsrd requests find ADDRESS`: requests as a
/// table (or one JSON object per line), newest first.
enum RequestListCommand {
    /// The listing's default bound; `--limit N` or `--all` change it, and a
    /// cut listing says so on standard error.
    static let defaultLimit = 1000

    static func list(_ words: [String], option: ConfigOption) async -> Int32 {
        let parsed: CommandWords
        switch CommandWords.parse(words, options: ["--state", "--limit"], flags: ["--json", "--all"]) {
        case .success(let value): parsed = value
        case .failure(let problem): return CommandLineInterface.usageError("requests list", problem.text)
        }
        if let extra = parsed.positional.first {
            return CommandLineInterface.usageError("requests list", "unexpected argument '\(extra)'")
        }
        if let state = parsed.values["--state"], RequestState(rawValue: state) == nil {
            return CommandLineInterface.usageError("requests list", OperatorError.unknownState(state).description)
        }
        let limit: Int?
        switch parsed.limit(default: defaultLimit) {
        case .success(let value): limit = value
        case .failure(let problem): return CommandLineInterface.usageError("requests list", problem.text)
        }
        let config: OperatorConfig
        switch option.loadOperator() {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        let client = PostgresClient(configuration: config.postgres)
        do {
            let listing = try await RequestQueries(client: client).listing(state: parsed.values["--state"], limit: limit)
            await client.close()
            if parsed.flags.contains("--json") {
                for request in listing.requests { Terminal.line(JSONOutput.line(RequestJSON.summary(request))) }
            } else {
                printTable(listing.requests.map { ($0, nil) })
            }
            if let total = listing.total {
                Terminal.error("dsrd requests list: showing the newest \(listing.requests.count) of \(total) requests; "
                               + "give --limit N or --all for more")
            }
            return ExitStatus.ok.rawValue
        } catch {
            return CommandLineInterface.failed("requests list", error)
        }
    }

    static func find(_ words: [String], option: ConfigOption) async -> Int32 {
        let parsed: CommandWords
        switch CommandWords.parse(words, flags: ["--json"]) {
        case .success(let value): parsed = value
        case .failure(let problem): return CommandLineInterface.usageError("requests find", problem.text)
        }
        guard parsed.positional.count == 1, let address = parsed.positional.first else {
            return CommandLineInterface.usageError("requests find", "give exactly one address")
        }
        let config: OperatorConfig
        switch option.loadOperator(needs: .addressKey) {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        if config.suppressionKey == nil {
            Terminal.error("dsrd requests find: suppression_key: \(config.suppressionKeyProblem?.message ?? "not set"); "
                           + "requests whose address an erasure replaced by its keyed hash are not searched")
        }
        let client = PostgresClient(configuration: config.postgres)
        do {
            let found = try await RequestQueries(client: client).find(
                address: address, matcher: AddressMatcher(rules: config.identity.aliasRules),
                suppressionKey: config.suppressionKey)
            await client.close()
            if parsed.flags.contains("--json") {
                for (request, match) in found {
                    var object = RequestJSON.summary(request)
                    object["match"] = match.rawValue
                    Terminal.line(JSONOutput.line(object))
                }
            } else {
                printTable(found.map { ($0.summary, $0.match) })
            }
            return ExitStatus.ok.rawValue
        } catch {
            return CommandLineInterface.failed("requests find", error)
        }
    }

    /// The table; with a MATCH column (subject, requester, both) for `find`.
    private static func printTable(_ requests: [(RequestSummary, AddressMatch?)]) {
        let withMatch = requests.contains { $0.1 != nil }
        var header = ["REFERENCE", "STATE", "KINDS", "RECEIVED", "DUE", "LANG"]
        if withMatch { header.append("MATCH") }
        let rows = requests.map { request, match in
            [request.reference, request.state, request.kinds.joined(separator: ","),
             RequestJSON.timestamp(request.receivedAt), request.dueOn + (request.extended ? " (extended)" : ""),
             request.language] + (withMatch ? [match?.rawValue ?? ""] : [])
        }
        TextTable.write(header: header, rows: rows, empty: "(no requests)")
    }
}
