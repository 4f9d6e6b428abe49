import Foundation
import LogSafety

/// Runs the pipeline: every stage once per poll interval, until asked to
/// stop; or one round only (`--once`, the stages in order).
///
/// With `ServicePlan.concurrentStages` a round runs its stages side by
/// side: fetching, carrying out and sending overlap, a stage that finished
/// its pass early takes up what another handed on meanwhile
/// (`ConcurrentRound`), and a round that did any work is followed by the
/// next at once, so nothing handed on waits for the poll interval (the
/// stages of one round share no connection and lock rows as several
/// daemons would).
///
/// It speaks to systemd through its notifier (READY after the first round,
/// STATUS after each, RELOADING/READY around a reload, STOPPING at the end)
/// and pings the watchdog from real progress only — after each unit of work
/// a stage reports (`StageProgress`), after each stage, and while waiting
/// between polls — so a stage hung in a network call stops the pings and
/// systemd restarts the daemon, while a long round that moves does not.
public struct ServiceRunner: Sendable {
    /// Builds a new plan from a re-read configuration, or throws to refuse it.
    public typealias Reloader = @Sendable () async throws -> ServicePlan

    /// How a run ended.
    public enum Outcome: Sendable, Equatable {
        /// Stopped on request.
        case stopped
        /// `--once`: every stage did its round.
        case roundSucceeded
        /// `--once`: at least one stage failed.
        case roundFailed

        public var exitStatus: Int32 { self == .roundFailed ? 1 : 0 }
    }

    public let plan: ServicePlan
    public let control: any ServiceControl
    public let notifier: any ServiceNotifier
    public let clock: any WallClock
    public let logger: Logger
    public let watchdog: WatchdogSettings?
    public let backoff: RunnerBackoff
    public let reloader: Reloader?
    /// Called before each wait between rounds (not between the rounds of a
    /// backlog), with whether the daemon started or did work since the last
    /// call: `FreeMemory.release` in `dsrd run`.
    public let releaseMemory: (@Sendable (_ afterWork: Bool) -> Void)?

    public init(plan: ServicePlan, control: any ServiceControl, notifier: any ServiceNotifier = SilentNotifier(),
                clock: any WallClock = SystemWallClock(), logger: Logger, watchdog: WatchdogSettings? = nil,
                backoff: RunnerBackoff = RunnerBackoff(), reloader: Reloader? = nil,
                releaseMemory: (@Sendable (_ afterWork: Bool) -> Void)? = nil) {
        self.plan = plan
        self.control = control
        self.notifier = notifier
        self.clock = clock
        self.logger = logger
        self.watchdog = watchdog
        self.backoff = backoff
        self.reloader = reloader
        self.releaseMemory = releaseMemory
    }

    /// Runs one round (`once`) or rounds until a stop is asked for.
    public func run(once: Bool = false) async -> Outcome {
        var state = LoopState(plan: plan)
        logger.info("service started", ["stages": plan.stages.count, "poll_seconds": plan.pollInterval])
        while true {
            let results = await runRound(&state, concurrently: state.plan.concurrentStages && !once)
            let end = RoundEnd(round: state.round, results: results, finishedAt: clock.now())
            let figures = await state.plan.observer?.roundEnded(end)
            notifier.notify(.status(StatusLine.format(round: state.round, results: results, figures: figures)))
            if state.round == 1 { notifier.notify(.ready) }
            let allSucceeded = results.allSatisfy(\.succeeded)
            if once {
                notifier.notify(.stopping)
                return allSucceeded ? .roundSucceeded : .roundFailed
            }
            state.failedRoundsInARow = allSucceeded ? 0 : state.failedRoundsInARow + 1
            let reports = results.compactMap { result -> StageReport? in
                if case .done(let report) = result.outcome { return report }
                return nil
            }
            if reports.contains(where: { $0.handled > 0 }) { state.workedSinceRelease = true }
            if state.stopRequested { break }
            let handsOn = state.plan.concurrentStages
            let backlog = allSucceeded && reports.contains { $0.moreWaiting || (handsOn && $0.handled > 0) }
            let delay = backlog ? 0 : backoff.delay(pollInterval: state.plan.pollInterval,
                                                    failedRoundsInARow: state.failedRoundsInARow)
            if delay > 0, let releaseMemory {
                releaseMemory(state.workedSinceRelease)
                state.workedSinceRelease = false
            }
            await waitBetweenRounds(seconds: delay, state: &state)
            if state.stopRequested { break }
        }
        notifier.notify(.stopping)
        logger.info("service stopping", ["rounds": state.round])
        return .stopped
    }

    /// The runner's own bookkeeping across rounds.
    struct LoopState {
        var plan: ServicePlan
        var round = 0
        var failedRoundsInARow = 0
        var stopRequested = false
        var reloadRequested = false
        /// Started, or did work, since memory was last given back.
        var workedSinceRelease = true
        var outages = OutageTracker()
    }

    private func runRound(_ state: inout LoopState, concurrently: Bool) async -> [StageResult] {
        state.round += 1
        guard concurrently else {
            var results: [StageResult] = []
            for stage in state.plan.stages {
                await takeEvents(&state)
                if state.stopRequested { break }
                results.append(settle(stage, await attempt(stage), state: &state))
                pingWatchdog()
            }
            return results
        }
        await takeEvents(&state)
        if state.stopRequested { return [] }
        let stages = state.plan.stages
        let control = self.control
        let outcomes = await ConcurrentRound(stages: stages, pass: { stage in
            let outcome = await attempt(stage)
            pingWatchdog()
            return outcome
        }, stopPending: { control.stopPending() }).run()
        return zip(stages, outcomes).map { stage, outcome in settle(stage, outcome, state: &state) }
    }

    /// One stage's round, pinging the watchdog at each unit of work.
    private func attempt(_ stage: any PipelineStage) async -> Result<StageReport, any Error> {
        do {
            return .success(try await stage.runOnce(progress: { pingWatchdog() }))
        } catch {
            return .failure(error)
        }
    }

    /// Logs a stage's round and keeps track of its outages.
    private func settle(_ stage: any PipelineStage, _ outcome: Result<StageReport, any Error>,
                        state: inout LoopState) -> StageResult {
        do {
            let report = try outcome.get()
            if let outage = state.outages.recordSuccess(of: stage.name, at: clock.now()) {
                logger.notice("stage available again", ["stage": stage.name, "outage_seconds": Int(outage.rounded())])
            }
            if report.handled + report.deferred + report.failed > 0 {
                logger.info("stage round done", ["stage": stage.name, "handled": report.handled,
                                                 "deferred": report.deferred, "failed": report.failed])
            }
            return StageResult(stage: stage.name, outcome: .done(report))
        } catch {
            let description = LogSafe.describe(error)
            if state.outages.recordFailure(of: stage.name, at: clock.now()) {
                logger.warning("stage unavailable, retrying with backoff", ["stage": stage.name, "error": description])
            } else {
                logger.debug("stage still unavailable", ["stage": stage.name, "error": description])
            }
            return StageResult(stage: stage.name, outcome: .failed(description))
        }
    }

    /// Waits `seconds` by the clock, waking for events and to ping the
    /// watchdog; a reload happens here, between rounds.
    private func waitBetweenRounds(seconds: TimeInterval, state: inout LoopState) async {
        let deadline = clock.now().addingTimeInterval(seconds)
        while !state.stopRequested {
            if state.reloadRequested {
                state.reloadRequested = false
                await reload(&state)
            }
            let remaining = deadline.timeIntervalSince(clock.now())
            if remaining <= 0 { return }
            let chunk = min(remaining, watchdog?.pingInterval ?? remaining)
            let event = await control.wait(seconds: chunk)
            pingWatchdog()
            if let event { apply(event, to: &state) }
        }
    }

    private func takeEvents(_ state: inout LoopState) async {
        while let event = await control.pendingEvent() {
            apply(event, to: &state)
        }
    }

    private func apply(_ event: ServiceEvent, to state: inout LoopState) {
        switch event {
        case .stop:
            if !state.stopRequested { logger.info("stop requested") }
            state.stopRequested = true
        case .reload:
            state.reloadRequested = true
        }
    }

    private func reload(_ state: inout LoopState) async {
        guard let reloader else {
            logger.notice("reload requested but not supported here")
            return
        }
        notifier.notify(.reloading)
        do {
            let plan = try await reloader()
            state.plan = plan
            logger.notice("configuration reloaded", ["stages": plan.stages.count, "poll_seconds": plan.pollInterval])
        } catch {
            logger.error("reload refused, keeping the current configuration", ["error": LogSafe.describe(error)])
        }
        notifier.notify(.ready)
    }

    private func pingWatchdog() {
        if watchdog != nil { notifier.notify(.watchdog) }
    }
}
