import Foundation
import LogSafety
import Records
import Requests

/// The Prometheus textfile (`metrics.textfile`) node_exporter's textfile
/// collector reads: what the service did and what waits, in the text
/// exposition format. Counts, states and stage names only.
public enum MetricsTextfile {
    /// What one rendering shows.
    public struct Snapshot: Sendable, Equatable {
        /// Nil when the database could not be read this round: the request
        /// and outbox series are left out rather than shown stale.
        public var figures: PipelineFigures?
        public var rounds: Int
        public var lastRoundAt: Date
        public var lastSuccessfulRoundAt: Date?
        /// Per stage, in the plan's order: did its last round succeed, and
        /// how many rounds it failed since the process started.
        public var stages: [StageHealth]

        public init(figures: PipelineFigures?, rounds: Int, lastRoundAt: Date, lastSuccessfulRoundAt: Date?,
                    stages: [StageHealth]) {
            self.figures = figures
            self.rounds = rounds
            self.lastRoundAt = lastRoundAt
            self.lastSuccessfulRoundAt = lastSuccessfulRoundAt
            self.stages = stages
        }
    }

    public struct StageHealth: Sendable, Equatable {
        public var name: String
        public var up: Bool
        public var failures: Int

        public init(name: String, up: Bool, failures: Int) {
            self.name = name
            self.up = up
            self.failures = failures
        }
    }

    /// The outbox states always written, so a series exists at zero.
    static let outboxStates = ["pending", "failed", "sent"]

    public static func render(_ snapshot: Snapshot) -> String {
        var lines: [String] = []
        if let figures = snapshot.figures {
            family(&lines, "dsrd_requests", "gauge", "Requests by state.")
            for state in RequestState.allCases {
                lines.append("dsrd_requests{state=\"\(state.rawValue)\"} \(figures.requestsByState[state] ?? 0)")
            }
            family(&lines, "dsrd_requests_overdue", "gauge",
                   "Open requests past their deadline in force (the extended one when set).")
            lines.append("dsrd_requests_overdue \(figures.overdue)")
            family(&lines, "dsrd_outbox_messages", "gauge", "Outbox messages by state.")
            let states = outboxStates + figures.outboxByState.keys.filter { !outboxStates.contains($0) }.sorted()
            for state in states {
                lines.append("dsrd_outbox_messages{state=\"\(label(state))\"} \(figures.outboxByState[state] ?? 0)")
            }
        }
        family(&lines, "dsrd_rounds_total", "counter", "Rounds run since the process started or the configuration was reloaded.")
        lines.append("dsrd_rounds_total \(snapshot.rounds)")
        family(&lines, "dsrd_last_round_timestamp_seconds", "gauge", "When the last round ended (Unix time).")
        lines.append("dsrd_last_round_timestamp_seconds \(seconds(snapshot.lastRoundAt))")
        if let success = snapshot.lastSuccessfulRoundAt {
            family(&lines, "dsrd_last_successful_round_timestamp_seconds", "gauge",
                   "When the last round in which every stage succeeded ended (Unix time).")
            lines.append("dsrd_last_successful_round_timestamp_seconds \(seconds(success))")
        }
        family(&lines, "dsrd_stage_up", "gauge", "1 when the stage's last round succeeded.")
        for stage in snapshot.stages {
            lines.append("dsrd_stage_up{stage=\"\(label(stage.name))\"} \(stage.up ? 1 : 0)")
        }
        family(&lines, "dsrd_stage_failures_total", "counter", "Rounds in which the stage failed, since the process started or the configuration was reloaded.")
        for stage in snapshot.stages {
            lines.append("dsrd_stage_failures_total{stage=\"\(label(stage.name))\"} \(stage.failures)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `text` to `path` through a temporary file in the same
    /// directory and a rename, so the collector never reads half a file.
    /// The file is world-readable (0644): the collector runs as a user of its own.
    public static func write(_ text: String, to path: String) throws(WriteFailed) {
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o644]) else {
            throw WriteFailed(step: "create", code: errno)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw WriteFailed(step: "rename", code: code)
        }
    }

    /// The metrics file could not be written: which step, and errno.
    public struct WriteFailed: LogSafeError, Sendable {
        public var step: String
        public var code: Int32

        public var description: String { "writing the metrics file failed at \(step) (errno \(code))" }
    }

    private static func family(_ lines: inout [String], _ name: String, _ type: String, _ help: String) {
        lines.append("# HELP \(name) \(help)")
        lines.append("# TYPE \(name) \(type)")
    }

    private static func seconds(_ date: Date) -> String {
        String(format: "%.3f", date.timeIntervalSince1970)
    }

    /// A label value as the format needs it: backslash, quote and newline escaped.
    static func label(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
