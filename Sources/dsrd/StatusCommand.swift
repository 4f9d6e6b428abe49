import Daemon
import Foundation
import Records
import Requests
import Store

/// `dsrd status [--max-age SECONDS] [--daemon NAME]`: is the daemon doing
/// its rounds? The last successful round (`DaemonHeartbeat`), the open
/// requests, the overdue ones and the outbox. With `--max-age`, exit 69
/// when that round is older (or none was recorded): for a monitoring
/// check. Needs only the database.
enum StatusCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        if let error = option.error { return CommandLineInterface.usageError("status", error) }
        let parsed: CommandWords
        switch CommandWords.parse(option.remaining, options: ["--max-age", "--daemon"], flags: ["--json"]) {
        case .success(let value): parsed = value
        case .failure(let problem): return CommandLineInterface.usageError("status", problem.text)
        }
        if let extra = parsed.positional.first {
            return CommandLineInterface.usageError("status", "unexpected argument '\(extra)'")
        }
        var maxAge: TimeInterval?
        if let text = parsed.values["--max-age"] {
            guard let seconds = Int(text), seconds >= 0 else {
                return CommandLineInterface.usageError("status", "--max-age needs a number of seconds")
            }
            maxAge = TimeInterval(seconds)
        }
        let config: OperatorConfig
        switch option.loadOperator() {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        let client = PostgresClient(configuration: config.postgres)
        let now = Date()
        let health: ServiceHealth
        do {
            health = try await ServiceHealth.read(client: client, daemon: parsed.values["--daemon"], today: Day(now))
            await client.close()
        } catch {
            return CommandLineInterface.failed("status", error)
        }
        let fresh = maxAge.map { health.isFresh(maxAge: $0, at: now) }
        if parsed.flags.contains("--json") {
            Terminal.line(JSONOutput.line(json(health, now: now, fresh: fresh)))
        } else {
            show(health, now: now)
        }
        guard let fresh, !fresh, let maxAge else { return ExitStatus.ok.rawValue }
        Terminal.error("dsrd status: " + (health.heartbeat == nil ? "no successful round recorded"
            : "the last successful round is older than \(Int(maxAge)) seconds"))
        return ExitStatus.unavailable.rawValue
    }

    private static func show(_ health: ServiceHealth, now: Date) {
        if let beat = health.heartbeat {
            let age = Int(max(0, now.timeIntervalSince(beat.lastRoundAt)))
            Terminal.line("last round   \(RequestJSON.timestamp(beat.lastRoundAt)) (\(age) s ago) by \(beat.daemon), dsrd \(beat.version)")
        } else {
            Terminal.line("last round   none recorded")
        }
        let open = RequestState.open.map { "\($0.rawValue)=\(health.openRequests[$0] ?? 0)" }
        Terminal.line("requests     open \(health.openRequests.values.reduce(0, +)): \(open.joined(separator: " ")), overdue \(health.overdue)")
        let outbox = OutboxState.allCases.map { "\($0.rawValue)=\(health.outbox[$0] ?? 0)" }
        Terminal.line("outbox       \(outbox.joined(separator: " "))")
    }

    private static func json(_ health: ServiceHealth, now: Date, fresh: Bool?) -> [String: Any] {
        var object: [String: Any] = [
            "open": Dictionary(uniqueKeysWithValues: RequestState.open.map { ($0.rawValue, health.openRequests[$0] ?? 0) }),
            "overdue": health.overdue,
            "outbox": Dictionary(uniqueKeysWithValues: OutboxState.allCases.map { ($0.rawValue, health.outbox[$0] ?? 0) }),
            "fresh": fresh ?? NSNull(),
        ]
        if let beat = health.heartbeat {
            object["last_round_at"] = RequestJSON.timestamp(beat.lastRoundAt)
            object["age_seconds"] = Int(now.timeIntervalSince(beat.lastRoundAt))
            object["daemon"] = beat.daemon
            object["version"] = beat.version
        } else {
            object["last_round_at"] = NSNull()
        }
        return object
    }
}
