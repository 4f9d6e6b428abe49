import Foundation
import LogSafety
import Records
import Requests
import Store

/// What the daemon leaves behind after each round for monitoring: after a
/// round in which every stage did its work it records the heartbeat that
/// `dsrd status --max-age` reads (`DaemonHeartbeat`); it reads the request
/// and outbox counts (for the STATUS line and the metrics), and writes the
/// Prometheus textfile when one is configured. The open figures are read
/// after every round; the totals of closed requests and of mail no longer
/// pending count whole tables, so they are read again only once
/// `closedTotalsInterval` has passed (by the rounds' own clock): under a
/// backlog a round ends every second or so. A failure
/// here is logged once when it starts and once when it ends; it never
/// stops the pipeline.
public final class RoundRecorder: RoundObserver, @unchecked Sendable {
    private let database: PostgresClient
    private let metricsPath: String?
    /// The name the heartbeat is recorded under.
    private let daemonName: String
    private let logger: Logger
    private let lock = NSLock()
    private var memory = Memory()
    /// How old the closed totals may get before they are counted again.
    let closedTotalsInterval: TimeInterval

    /// Across rounds, since the process started.
    private struct Memory {
        var rounds = 0
        var lastSuccessfulRoundAt: Date?
        var stageOrder: [String] = []
        var stageUp: [String: Bool] = [:]
        var stageFailures: [String: Int] = [:]
        var figuresFailing = false
        var metricsFailing = false
        var heartbeatFailing = false
        var closedTotals: (totals: PipelineFigures.ClosedTotals, readAt: Date)?
    }

    /// `daemonName`: the heartbeat's name for this daemon (the host's name
    /// unless told otherwise).
    public init(database: PostgresClient, metricsPath: String?, logger: Logger,
                daemonName: String = ProcessInfo.processInfo.hostName, closedTotalsInterval: TimeInterval = 60) {
        self.database = database
        self.closedTotalsInterval = closedTotalsInterval
        self.metricsPath = metricsPath
        self.daemonName = daemonName
        self.logger = logger
    }

    public func roundEnded(_ end: RoundEnd) async -> StatusFigures? {
        if end.succeeded { await recordHeartbeat(at: end.finishedAt) }
        let figures = await readFigures(today: Day(end.finishedAt), at: end.finishedAt)
        let snapshot = lock.withLock { remember(end, figures: figures) }
        if let metricsPath { writeMetrics(snapshot, to: metricsPath) }
        return figures.map { StatusFigures(open: $0.open, review: $0.waitingForReview, overdue: $0.overdue) }
    }

    private func recordHeartbeat(at finishedAt: Date) async {
        let name = daemonName
        do {
            try await database.withConnection(retryOnConnectionLoss: true) { connection in
                try DaemonHeartbeat(connection).record(daemon: name, at: finishedAt, version: DSRDVersion.number)
            }
            if lock.withLock({ swap(&memory.heartbeatFailing, false) }) {
                logger.notice("heartbeat recorded again")
            }
        } catch {
            if !lock.withLock({ swap(&memory.heartbeatFailing, true) }) {
                logger.warning("cannot record the heartbeat for dsrd status", ["error": LogSafe.describe(error)])
            }
        }
    }

    private func readFigures(today: Day, at now: Date) async -> PipelineFigures? {
        let kept = lock.withLock { memory.closedTotals }
        let keptTotals = kept.flatMap { abs(now.timeIntervalSince($0.readAt)) < closedTotalsInterval ? $0.totals : nil }
        do {
            let (open, closed) = try await database.withConnection(retryOnConnectionLoss: true) { connection in
                try connection.transaction(readOnly: true) { connection in
                    (try PipelineFigures.readOpen(connection, today: today),
                     try keptTotals ?? PipelineFigures.readClosed(connection))
                }
            }
            if keptTotals == nil { lock.withLock { memory.closedTotals = (closed, now) } }
            let figures = open.merging(closed)
            if lock.withLock({ swap(&memory.figuresFailing, false) }) {
                logger.notice("request counts readable again")
            }
            return figures
        } catch {
            if !lock.withLock({ swap(&memory.figuresFailing, true) }) {
                logger.warning("cannot read the request counts for status and metrics",
                               ["error": LogSafe.describe(error)])
            }
            return nil
        }
    }

    private func remember(_ end: RoundEnd, figures: PipelineFigures?) -> MetricsTextfile.Snapshot {
        memory.rounds += 1
        if end.succeeded { memory.lastSuccessfulRoundAt = end.finishedAt }
        for result in end.results {
            if !memory.stageOrder.contains(result.stage) { memory.stageOrder.append(result.stage) }
            memory.stageUp[result.stage] = result.succeeded
            if !result.succeeded { memory.stageFailures[result.stage, default: 0] += 1 }
        }
        let stages = memory.stageOrder.map { name in
            MetricsTextfile.StageHealth(name: name, up: memory.stageUp[name] ?? false,
                                        failures: memory.stageFailures[name] ?? 0)
        }
        return MetricsTextfile.Snapshot(figures: figures, rounds: memory.rounds, lastRoundAt: end.finishedAt,
                                        lastSuccessfulRoundAt: memory.lastSuccessfulRoundAt, stages: stages)
    }

    private func writeMetrics(_ snapshot: MetricsTextfile.Snapshot, to path: String) {
        do {
            try MetricsTextfile.write(MetricsTextfile.render(snapshot), to: path)
            if lock.withLock({ swap(&memory.metricsFailing, false) }) {
                logger.notice("metrics file writable again")
            }
        } catch {
            if !lock.withLock({ swap(&memory.metricsFailing, true) }) {
                logger.warning("cannot write the metrics file", ["error": error.description])
            }
        }
    }
}

/// Sets `flag` to `value` and returns what it was.
private func swap(_ flag: inout Bool, _ value: Bool) -> Bool {
    let old = flag
    flag = value
    return old
}
