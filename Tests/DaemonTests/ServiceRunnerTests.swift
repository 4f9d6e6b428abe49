import Foundation
import Synchronization
import Testing
@testable import Daemon
import DaemonTesting

/// A control that never sleeps: each wait moves the manual clock on by the
/// time asked for (or ends early with the next scripted event).
private final class ScriptedControl: ServiceControl, @unchecked Sendable {
    private let lock = NSLock()
    private let clock: ManualWallClock
    /// Events handed out by successive waits (nil: the time ran out).
    private var waitScript: [ServiceEvent?]
    private var pending: [ServiceEvent] = []
    private(set) var waits: [TimeInterval] = []

    init(clock: ManualWallClock, waits script: [ServiceEvent?]) {
        self.clock = clock
        waitScript = script
    }

    func post(_ event: ServiceEvent) { lock.withLock { pending.append(event) } }

    var waited: [TimeInterval] { lock.withLock { waits } }

    func wait(seconds: TimeInterval) async -> ServiceEvent? {
        let event: ServiceEvent? = lock.withLock {
            waits.append(seconds)
            if !pending.isEmpty { return pending.removeFirst() }
            // A script that runs out stops the runner, so no test can loop forever.
            return waitScript.isEmpty ? .stop : waitScript.removeFirst()
        }
        if event == nil { clock.advance(by: seconds) }
        return event
    }

    func pendingEvent() async -> ServiceEvent? {
        lock.withLock { pending.isEmpty ? nil : pending.removeFirst() }
    }
}

/// A stage that follows a script of outcomes, one per round.
private final class ScriptedStage: PipelineStage, @unchecked Sendable {
    struct Down: Error {}
    let name: String
    private let lock = NSLock()
    private var script: [Bool]
    /// How many items each successful round handles (1 when it runs out).
    private var handledScript: [Int]
    private(set) var runs = 0
    var onRun: (@Sendable () -> Void)?

    init(_ name: String, succeeds script: [Bool] = [], handles handledScript: [Int] = []) {
        self.name = name
        self.script = script
        self.handledScript = handledScript
    }

    var runCount: Int { lock.withLock { runs } }

    func runOnce() async throws -> StageReport {
        let (succeeds, handled): (Bool, Int) = lock.withLock {
            runs += 1
            return (script.isEmpty ? true : script.removeFirst(), handledScript.isEmpty ? 1 : handledScript.removeFirst())
        }
        onRun?()
        guard succeeds else { throw Down() }
        return StageReport(handled: handled, summary: "\(handled) done")
    }
}

private final class RecordingNotifier: ServiceNotifier, @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [NotifyMessage] = []
    func notify(_ message: NotifyMessage) { lock.withLock { messages.append(message) } }
    var sent: [NotifyMessage] { lock.withLock { messages } }
}

private final class LogLines: @unchecked Sendable {
    private let lines = Mutex<[String]>([])
    var logger: Logger { Logger(level: .debug, journal: true) { line in self.lines.withLock { $0.append(line) } } }
    func count(containing text: String) -> Int { lines.withLock { $0.filter { $0.contains(text) }.count } }
    var all: [String] { lines.withLock { $0 } }
}

private let start = Date(timeIntervalSince1970: 1_800_000_000)

@Test func onceRunsEveryStageOneTimeAndSaysSo() async {
    let clock = ManualWallClock(start)
    let first = ScriptedStage("intake"), second = ScriptedStage("delivery")
    let notifier = RecordingNotifier()
    let runner = ServiceRunner(plan: ServicePlan(stages: [first, second], pollInterval: 5),
                               control: ScriptedControl(clock: clock, waits: []), notifier: notifier,
                               clock: clock, logger: LogLines().logger)
    let outcome = await runner.run(once: true)
    #expect(outcome == .roundSucceeded)
    #expect(outcome.exitStatus == 0)
    #expect(first.runCount == 1 && second.runCount == 1)
    #expect(notifier.sent == [.status("round 1: intake 1 done; delivery 1 done"), .ready, .stopping])
}

@Test func onceFailsWhenAStageFails() async {
    let clock = ManualWallClock(start)
    let runner = ServiceRunner(plan: ServicePlan(stages: [ScriptedStage("intake", succeeds: [false]), ScriptedStage("delivery")],
                                                 pollInterval: 5),
                               control: ScriptedControl(clock: clock, waits: []), clock: clock, logger: LogLines().logger)
    let outcome = await runner.run(once: true)
    #expect(outcome == .roundFailed)
    #expect(outcome.exitStatus == 1)
}

@Test func stopWhileWaitingEndsTheRunWithinOnePollInterval() async {
    let clock = ManualWallClock(start)
    let stage = ScriptedStage("delivery")
    let control = ScriptedControl(clock: clock, waits: [nil, .stop])
    let notifier = RecordingNotifier()
    let outcome = await ServiceRunner(plan: ServicePlan(stages: [stage], pollInterval: 30), control: control,
                                      notifier: notifier, clock: clock, logger: LogLines().logger).run()
    #expect(outcome == .stopped)
    #expect(stage.runCount == 2)
    #expect(control.waited == [30, 30])
    // The stop ended the second wait at once: only the first 30 s passed.
    #expect(clock.now() == start.addingTimeInterval(30))
    #expect(notifier.sent.last == .stopping)
    #expect(notifier.sent.filter { $0 == .ready }.count == 1)
}

@Test func stopDuringARoundFinishesTheStageInHandAndSkipsTheRest() async {
    let clock = ManualWallClock(start)
    let control = ScriptedControl(clock: clock, waits: [])
    let first = ScriptedStage("intake"), second = ScriptedStage("delivery")
    first.onRun = { control.post(.stop) }
    let outcome = await ServiceRunner(plan: ServicePlan(stages: [first, second], pollInterval: 5), control: control,
                                      clock: clock, logger: LogLines().logger).run()
    #expect(outcome == .stopped)
    #expect(first.runCount == 1)
    #expect(second.runCount == 0)
    #expect(control.waited.isEmpty)
}

@Test func anOutageIsLoggedOnceAndRetriedWithBackoff() async {
    let clock = ManualWallClock(start)
    let stage = ScriptedStage("delivery", succeeds: [false, false, false, true, true])
    let control = ScriptedControl(clock: clock, waits: [nil, nil, nil, nil, .stop])
    let logs = LogLines()
    let outcome = await ServiceRunner(plan: ServicePlan(stages: [stage], pollInterval: 5), control: control,
                                      clock: clock, logger: logs.logger, backoff: RunnerBackoff(maxDelay: 300)).run()
    #expect(outcome == .stopped)
    #expect(stage.runCount == 5)
    #expect(control.waited == [10, 20, 40, 5, 5])
    #expect(logs.count(containing: "stage unavailable") == 1)
    #expect(logs.count(containing: "stage still unavailable") == 2)
    #expect(logs.count(containing: "stage available again") == 1)
    // Failed at t=0, back at t=70 (after waits of 10, 20 and 40 s).
    #expect(logs.count(containing: "outage_seconds=70") == 1)
}

@Test func memoryIsGivenBackBeforeEachWaitButNotWithinABacklog() async {
    let clock = ManualWallClock(start)
    let stage = ScriptedStage("intake", handles: [0, 3, 3, 0, 2, 0])
    let control = ScriptedControl(clock: clock, waits: [nil, nil, .stop])
    let releasedAfterRound = Mutex<[Int]>([])
    // Side by side, a round that did work is followed by the next at once.
    let outcome = await ServiceRunner(plan: ServicePlan(stages: [stage], pollInterval: 5, concurrentStages: true),
                                      control: control, clock: clock, logger: LogLines().logger,
                                      releaseMemory: { _ in releasedAfterRound.withLock { $0.append(stage.runCount) } }).run()
    #expect(outcome == .stopped)
    #expect(stage.runCount == 6)
    // Rounds 2, 3 and 5 did work and went straight on: no wait, nothing given back.
    #expect(releasedAfterRound.withLock { $0 } == [1, 4, 6])
    #expect(control.waited.count == 3)
}

@Test func codeIsGivenBackOnlyWhenGoingIdleAfterStartOrWork() async {
    let clock = ManualWallClock(start)
    // One after another: a round that did work and has no more waiting is followed by a wait.
    let stage = ScriptedStage("intake", handles: [0, 0, 3, 0, 0, 2, 1, 0])
    let control = ScriptedControl(clock: clock, waits: [nil, nil, nil, nil, nil, nil, nil, .stop])
    let releases = Mutex<[Bool]>([])
    let outcome = await ServiceRunner(plan: ServicePlan(stages: [stage], pollInterval: 5), control: control,
                                      clock: clock, logger: LogLines().logger,
                                      releaseMemory: { afterWork in releases.withLock { $0.append(afterWork) } }).run()
    #expect(outcome == .stopped)
    #expect(stage.runCount == 8)
    // After start; idle; after work; idle, idle; after work, after work; idle.
    #expect(releases.withLock { $0 } == [true, false, true, false, false, true, true, false])
}

@Test func watchdogIsPingedFromTheLoopWhileWaiting() async {
    let clock = ManualWallClock(start)
    let control = ScriptedControl(clock: clock, waits: [nil, nil, nil, .stop])
    let notifier = RecordingNotifier()
    _ = await ServiceRunner(plan: ServicePlan(stages: [ScriptedStage("delivery")], pollInterval: 5), control: control,
                            notifier: notifier, clock: clock, logger: LogLines().logger,
                            watchdog: WatchdogSettings(pingInterval: 2)).run()
    // The 5 s wait is cut into pings every 2 s; the stop ends the second.
    #expect(control.waited == [2, 2, 1, 2])
    let pings = notifier.sent.filter { $0 == .watchdog }.count
    // One after the stage of each of the two rounds, one after each wait.
    #expect(pings == 2 + 4)
}

@Test func noWatchdogPingsWithoutAWatchdog() async {
    let clock = ManualWallClock(start)
    let notifier = RecordingNotifier()
    _ = await ServiceRunner(plan: ServicePlan(stages: [ScriptedStage("delivery")], pollInterval: 5),
                            control: ScriptedControl(clock: clock, waits: [nil, .stop]), notifier: notifier,
                            clock: clock, logger: LogLines().logger).run()
    #expect(!notifier.sent.contains(.watchdog))
}

@Test func reloadSwapsInTheNewStages() async {
    let clock = ManualWallClock(start)
    let old = ScriptedStage("old"), new = ScriptedStage("new")
    let control = ScriptedControl(clock: clock, waits: [.reload, nil, .stop])
    let notifier = RecordingNotifier()
    let logs = LogLines()
    let outcome = await ServiceRunner(plan: ServicePlan(stages: [old], pollInterval: 5), control: control,
                                      notifier: notifier, clock: clock, logger: logs.logger,
                                      reloader: { ServicePlan(stages: [new], pollInterval: 7) }).run()
    #expect(outcome == .stopped)
    #expect(old.runCount == 1)
    #expect(new.runCount == 1)
    #expect(control.waited == [5, 5, 7])
    #expect(logs.count(containing: "configuration reloaded") == 1)
    let sent = notifier.sent
    let reloading = sent.firstIndex(of: .reloading)
    #expect(reloading != nil)
    if let reloading { #expect(sent[reloading + 1] == .ready) }
}

@Test func aRefusedReloadKeepsTheRunningStages() async {
    let clock = ManualWallClock(start)
    let old = ScriptedStage("old")
    let control = ScriptedControl(clock: clock, waits: [.reload, nil, .stop])
    let logs = LogLines()
    let outcome = await ServiceRunner(plan: ServicePlan(stages: [old], pollInterval: 5), control: control,
                                      clock: clock, logger: logs.logger,
                                      reloader: { throw ReloadRefused(problemCount: 1, keyPaths: ["smtp.url"]) }).run()
    #expect(outcome == .stopped)
    #expect(old.runCount == 2)
    #expect(logs.count(containing: "reload refused") == 1)
    #expect(logs.count(containing: "smtp.url") == 1)
}

@Test func signalControlHandsOverEventsPostedBeforeAndDuringAWait() async {
    let control = SignalControl()
    control.post(.reload)
    control.post(.reload)
    #expect(await control.pendingEvent() == .reload)
    #expect(await control.pendingEvent() == nil)
    control.post(.stop)
    #expect(await control.wait(seconds: 600) == .stop)
    // An event posted while waiting ends the wait (a 10-minute timeout
    // would hang the test if it did not).
    async let waited = control.wait(seconds: 600)
    try? await Task.sleep(for: .milliseconds(20))
    control.post(.stop)
    #expect(await waited == .stop)
}

@Test func signalControlWaitEndsWhenItsTimeIsUp() async {
    let control = SignalControl()
    #expect(await control.wait(seconds: 0) == nil)
    #expect(await control.wait(seconds: 0.01) == nil)
}

/// A stage that does not come back until it is released.
private final class HangingStage: PipelineStage, @unchecked Sendable {
    let name = "hung"
    private let released = Mutex(false)
    func release() { released.withLock { $0 = true } }

    func runOnce() async throws -> StageReport {
        while !released.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(1)) }
        return StageReport()
    }
}

@Test func aHungStageIsNotPingedOver() async {
    let clock = ManualWallClock(start)
    let stage = HangingStage()
    let notifier = RecordingNotifier()
    let runner = ServiceRunner(plan: ServicePlan(stages: [stage], pollInterval: 5),
                               control: ScriptedControl(clock: clock, waits: []), notifier: notifier,
                               clock: clock, logger: LogLines().logger, watchdog: WatchdogSettings(pingInterval: 0.001))
    async let outcome = runner.run(once: true)
    // Much longer than the ping interval passes while the stage hangs.
    try? await Task.sleep(for: .milliseconds(50))
    clock.advance(by: 3600)
    #expect(!notifier.sent.contains(.watchdog))
    stage.release()
    #expect(await outcome == .roundSucceeded)
    #expect(notifier.sent.filter { $0 == .watchdog }.count == 1)
}

/// A stage with a backlog: it reports work still waiting for its first `rounds` runs.
private final class BacklogStage: PipelineStage, @unchecked Sendable {
    let name = "intake"
    private let remaining: Mutex<Int>
    private let runs = Mutex(0)

    init(rounds: Int) { remaining = Mutex(rounds) }

    var runCount: Int { runs.withLock { $0 } }

    func runOnce() async throws -> StageReport {
        runs.withLock { $0 += 1 }
        let more = remaining.withLock { left -> Bool in
            left -= 1
            return left >= 0
        }
        return StageReport(handled: 200, summary: "200 recorded", moreWaiting: more)
    }
}

@Test func aBacklogIsWorkedOffWithoutWaitingThePollInterval() async {
    let clock = ManualWallClock(start)
    let stage = BacklogStage(rounds: 2)
    let control = ScriptedControl(clock: clock, waits: [.stop])
    let outcome = await ServiceRunner(plan: ServicePlan(stages: [stage], pollInterval: 30), control: control,
                                      clock: clock, logger: LogLines().logger).run()
    #expect(outcome == .stopped)
    // Two rounds with work waiting follow each other at once; after the
    // third, with nothing left, the runner waits the poll interval.
    #expect(stage.runCount == 3)
    #expect(control.waited == [30])
    #expect(clock.now() == start)
}

/// A stage that reports progress after each of `units` units of work and
/// notes how many watchdog pings had gone out by then.
private final class ProgressingStage: PipelineStage, @unchecked Sendable {
    let name = "intake"
    let units: Int
    let notifier: RecordingNotifier
    private let seen = Mutex<[Int]>([])

    init(units: Int, notifier: RecordingNotifier) {
        self.units = units
        self.notifier = notifier
    }

    var pingsSeenAfterEachUnit: [Int] { seen.withLock { $0 } }

    func runOnce() async throws -> StageReport {
        try await runOnce(progress: {})
    }

    func runOnce(progress: StageProgress) async throws -> StageReport {
        for _ in 0..<units {
            progress()
            let pings = notifier.sent.filter { $0 == .watchdog }.count
            seen.withLock { $0.append(pings) }
        }
        return StageReport(handled: units, summary: "\(units) recorded")
    }
}

@Test func aLongStageIsPingedAfterEachUnitOfWorkItReports() async {
    let clock = ManualWallClock(start)
    let notifier = RecordingNotifier()
    let stage = ProgressingStage(units: 3, notifier: notifier)
    let outcome = await ServiceRunner(plan: ServicePlan(stages: [stage], pollInterval: 5),
                                      control: ScriptedControl(clock: clock, waits: []), notifier: notifier,
                                      clock: clock, logger: LogLines().logger,
                                      watchdog: WatchdogSettings(pingInterval: 60)).run(once: true)
    #expect(outcome == .roundSucceeded)
    // Inside the stage: one ping per unit, each sent as the unit was reported.
    #expect(stage.pingsSeenAfterEachUnit == [1, 2, 3])
    // And the one after the stage.
    #expect(notifier.sent.filter { $0 == .watchdog }.count == 4)

    // Without a watchdog, progress pings nobody.
    let quiet = RecordingNotifier()
    let unwatched = ProgressingStage(units: 3, notifier: quiet)
    _ = await ServiceRunner(plan: ServicePlan(stages: [unwatched], pollInterval: 5),
                            control: ScriptedControl(clock: clock, waits: []), notifier: quiet, clock: clock,
                            logger: LogLines().logger).run(once: true)
    #expect(unwatched.pingsSeenAfterEachUnit == [0, 0, 0] && !quiet.sent.contains(.watchdog))
}

@Test func aRoundBudgetStopsNewUnitsByTimeOrBytesButAlwaysStartsOne() {
    let started = Date(timeIntervalSince1970: 1_800_000_000)
    func starts(_ budget: inout RoundBudget, at seconds: TimeInterval) -> Bool {
        budget.mayStart(now: started.addingTimeInterval(seconds))
    }
    var late = RoundBudget(started: started, seconds: 30)
    // The first unit always starts, however late; the next not after the time.
    #expect([starts(&late, at: 100), starts(&late, at: 31)] == [true, false])
    var byTime = RoundBudget(started: started, seconds: 30)
    #expect([starts(&byTime, at: 0), starts(&byTime, at: 29.9), starts(&byTime, at: 30)] == [true, true, false])
    var byBytes = RoundBudget(started: started, seconds: 30, bytes: 1000)
    let first = starts(&byBytes, at: 0)
    byBytes.use(bytes: 999)
    let second = starts(&byBytes, at: 0)
    byBytes.use(bytes: 1)
    let third = starts(&byBytes, at: 0)
    #expect([first, second, third] == [true, true, false])
    #expect(byBytes.unitsStarted == 2 && byBytes.bytesUsed == 1000)
}

/// An observer that hands out scripted figures and keeps what it was told.
private final class ScriptedObserver: RoundObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var script: [StatusFigures?]
    private var ends: [RoundEnd] = []

    init(_ script: [StatusFigures?]) { self.script = script }

    func roundEnded(_ end: RoundEnd) async -> StatusFigures? {
        lock.withLock {
            ends.append(end)
            return script.isEmpty ? nil : script.removeFirst()
        }
    }

    var told: [RoundEnd] { lock.withLock { ends } }
}

@Test func theObserversFiguresLeadTheStatusLineAndAreLeftOutWhenUnreadable() async {
    let clock = ManualWallClock(start)
    let observer = ScriptedObserver([StatusFigures(open: 4, review: 1, overdue: 2), nil])
    let notifier = RecordingNotifier()
    let intake = ScriptedStage("intake", succeeds: [true, false])
    _ = await ServiceRunner(plan: ServicePlan(stages: [intake], pollInterval: 5, observer: observer),
                            control: ScriptedControl(clock: clock, waits: [nil]), notifier: notifier,
                            clock: clock, logger: LogLines().logger).run()
    let statuses = notifier.sent.compactMap { message -> String? in
        if case .status(let text) = message { return text }
        return nil
    }
    #expect(statuses == ["round 1: open=4 review=1 overdue=2; intake 1 done", "round 2: intake unavailable"])
    #expect(observer.told.map(\.round) == [1, 2])
    #expect(observer.told.map(\.succeeded) == [true, false])
    #expect(observer.told.last?.finishedAt == start.addingTimeInterval(5))
}

/// A stage that handles one unit of work in each of its first `busyRounds`
/// rounds and nothing after.
private final class CountdownStage: PipelineStage, @unchecked Sendable {
    let name: String
    private let busyRounds: Int
    private let lock = NSLock()
    private var runs = 0

    init(_ name: String, busyRounds: Int) {
        self.name = name
        self.busyRounds = busyRounds
    }

    var runCount: Int { lock.withLock { runs } }

    func runOnce() async throws -> StageReport {
        let run: Int = lock.withLock {
            runs += 1
            return runs
        }
        return StageReport(handled: run <= busyRounds ? 1 : 0, summary: "")
    }
}

/// Names seen, shared by the stages of a test.
private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    func add(_ name: String) { lock.withLock { names.append(name) } }
    func contains(_ name: String) -> Bool { lock.withLock { names.contains(name) } }
    var all: [String] { lock.withLock { names } }
}

/// A stage that waits (a bounded while) for its partner to have started:
/// the two meet only when the round runs them side by side.
private struct MeetingStage: PipelineStage {
    let name: String
    let partner: String
    let started: Seen

    func runOnce() async throws -> StageReport {
        started.add(name)
        for _ in 0..<300 {
            if started.contains(partner) { return StageReport(summary: "met") }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        return StageReport(summary: "alone")
    }
}

@Test func concurrentStagesOfARoundRunSideBySide() async {
    let clock = ManualWallClock(start)
    let started = Seen()
    let notifier = RecordingNotifier()
    let plan = ServicePlan(stages: [MeetingStage(name: "intake", partner: "delivery", started: started),
                                    MeetingStage(name: "delivery", partner: "intake", started: started)],
                           pollInterval: 5, concurrentStages: true)
    let outcome = await ServiceRunner(plan: plan, control: ScriptedControl(clock: clock, waits: []), notifier: notifier,
                                      clock: clock, logger: LogLines().logger).run()
    #expect(outcome == .stopped)
    // Both met, and the results keep the plan's order on the status line.
    #expect(notifier.sent.first == .status("round 1: intake met; delivery met"))
}

@Test func aConcurrentRoundThatDidWorkIsFollowedAtOnce() async {
    let clock = ManualWallClock(start)
    let control = ScriptedControl(clock: clock, waits: [])
    let intake = CountdownStage("intake", busyRounds: 3)
    let outcome = await ServiceRunner(plan: ServicePlan(stages: [intake], pollInterval: 5, concurrentStages: true),
                                      control: control, clock: clock, logger: LogLines().logger).run()
    #expect(outcome == .stopped)
    // Three rounds with work, one that found none, then the poll interval.
    #expect(intake.runCount == 4)
    #expect(control.waited == [5])
}

@Test func aSequentialRoundWaitsForThePollIntervalUnlessMoreIsWaiting() async {
    let clock = ManualWallClock(start)
    let control = ScriptedControl(clock: clock, waits: [])
    let intake = CountdownStage("intake", busyRounds: 3)
    _ = await ServiceRunner(plan: ServicePlan(stages: [intake], pollInterval: 5), control: control, clock: clock,
                            logger: LogLines().logger).run()
    #expect(intake.runCount == 1 && control.waited == [5])
}

@Test func onceKeepsTheOrderOfAConcurrentPlan() async {
    let clock = ManualWallClock(start)
    let order = Seen()
    let first = ScriptedStage("intake"), second = ScriptedStage("delivery")
    first.onRun = { order.add("intake") }
    second.onRun = { order.add("delivery") }
    let outcome = await ServiceRunner(plan: ServicePlan(stages: [first, second], pollInterval: 5, concurrentStages: true),
                                      control: ScriptedControl(clock: clock, waits: []), clock: clock,
                                      logger: LogLines().logger).run(once: true)
    #expect(outcome == .roundSucceeded && order.all == ["intake", "delivery"])
}

/// A stage whose pass lasts until `other` has run `passes` times (or a
/// bounded while).
private struct WaitingStage: PipelineStage {
    let name: String
    let other: CountdownStage
    let passes: Int

    func runOnce() async throws -> StageReport {
        for _ in 0..<300 where other.runCount < passes {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        return StageReport(summary: "waited")
    }
}

@Test func aStageThatFinishedEarlyTakesUpNewWorkWhileAnotherIsInItsFirstPass() async {
    let clock = ManualWallClock(start)
    let fulfil = CountdownStage("fulfil", busyRounds: 3)
    let intake = WaitingStage(name: "intake", other: fulfil, passes: 3)
    let notifier = RecordingNotifier()
    _ = await ServiceRunner(plan: ServicePlan(stages: [intake, fulfil], pollInterval: 5, concurrentStages: true),
                            control: ScriptedControl(clock: clock, waits: []), notifier: notifier, clock: clock,
                            logger: LogLines().logger).run()
    // Round 1: three passes with work during intake's one pass (and perhaps
    // one more that found none), summed on the status line.
    guard case .status(let first)? = notifier.sent.first else {
        Issue.record("no status line: \(notifier.sent)")
        return
    }
    #expect(first.hasPrefix("round 1: intake waited; fulfil 3 done, 0 deferred, 0 failed in "), "\(first)")
    #expect(fulfil.runCount >= 4)
}

@Test func aStopWaitingEndsTheRoundsExtraPasses() async {
    let fulfil = CountdownStage("fulfil", busyRounds: 3)
    let intake = WaitingStage(name: "intake", other: fulfil, passes: 3)
    let outcomes = await ConcurrentRound(stages: [intake, fulfil], pass: { stage in
        do { return .success(try await stage.runOnce()) } catch { return .failure(error) }
    }, stopPending: { true }).run()
    // One pass each: the intake pass ran out its bounded wait, fulfil made no second pass.
    #expect(fulfil.runCount == 1)
    #expect(outcomes.count == 2)
}
