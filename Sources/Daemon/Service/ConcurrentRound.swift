import Foundation

/// One round of stages run side by side (`ServicePlan.concurrentStages`).
///
/// Every stage makes one pass. A stage whose pass did work (or stopped at
/// its batch limit) makes another while some stage is still in its first
/// pass: a fulfilment pass that finished early takes up what intake has
/// recorded meanwhile, instead of idling until the slowest stage is done.
/// The round ends when every stage has ended its passes, so it lasts at
/// most the longest first pass plus one pass of each other stage, and the
/// runner still gets its turn (status, heartbeat, stop, reload) between
/// rounds.
struct ConcurrentRound {
    let stages: [any PipelineStage]
    /// One pass of a stage (the runner's, which pings the watchdog).
    let pass: @Sendable (any PipelineStage) async -> Result<StageReport, any Error>
    /// Whether a stop is waiting: then no stage starts another pass.
    var stopPending: @Sendable () -> Bool = { false }

    /// Each stage's outcome, in the plan's order; a stage that did several
    /// passes reports their sum, and fails with the first pass that failed.
    func run() async -> [Result<StageReport, any Error>] {
        let firstPasses = FirstPasses(count: stages.count)
        let outcomes = await withTaskGroup(of: (Int, Result<StageReport, any Error>).self) { group in
            for (index, stage) in stages.enumerated() {
                group.addTask { (index, await passes(of: stage, firstPasses: firstPasses)) }
            }
            var outcomes: [(Int, Result<StageReport, any Error>)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        return outcomes.sorted { $0.0 < $1.0 }.map(\.1)
    }

    private func passes(of stage: any PipelineStage, firstPasses: FirstPasses) async -> Result<StageReport, any Error> {
        var outcome = await pass(stage)
        firstPasses.finished()
        var total = (try? outcome.get()) ?? StageReport()
        var count = 1
        while case .success(let report) = outcome, report.handled > 0 || report.moreWaiting,
              firstPasses.someRunning, !stopPending() {
            outcome = await pass(stage)
            guard case .success(let next) = outcome else { return outcome }
            count += 1
            total = StageReport(handled: total.handled + next.handled, deferred: total.deferred + next.deferred,
                                failed: total.failed + next.failed,
                                summary: "\(total.handled + next.handled) done, \(total.deferred + next.deferred) deferred, "
                                    + "\(total.failed + next.failed) failed in \(count) passes",
                                moreWaiting: next.moreWaiting)
        }
        if case .failure = outcome { return outcome }
        return .success(total)
    }
}

/// How many stages of a round are still in their first pass.
private final class FirstPasses: @unchecked Sendable {
    private let lock = NSLock()
    private var running: Int

    init(count: Int) {
        running = count
    }

    func finished() { lock.withLock { running -= 1 } }

    var someRunning: Bool { lock.withLock { running > 0 } }
}
