import Foundation
import Testing
@testable import Daemon

@Test func statusLineSummarisesEveryStage() {
    let line = StatusLine.format(round: 12, results: [
        StageResult(stage: "intake", outcome: .failed("mail transport connection operation=imap curl=7")),
        StageResult(stage: "delivery", outcome: .done(StageReport(handled: 3, summary: "3 sent, 0 deferred, 0 failed"))),
    ])
    #expect(line == "round 12: intake unavailable; delivery 3 sent, 0 deferred, 0 failed")
}

@Test func statusLineWithoutSummaryUsesCounts() {
    let line = StatusLine.format(round: 1, results: [
        StageResult(stage: "x", outcome: .done(StageReport(handled: 1, deferred: 2, failed: 3))),
    ])
    #expect(line == "round 1: x 1 done, 2 deferred, 3 failed")
    #expect(StatusLine.format(round: 2, results: []) == "round 2: no stages")
}

@Test func outageIsReportedAtItsStartAndEndOnly() {
    var tracker = OutageTracker()
    let start = Date(timeIntervalSince1970: 1_000)
    let noOutageToEnd = tracker.recordSuccess(of: "delivery", at: start)
    let started = tracker.recordFailure(of: "delivery", at: start)
    let startedAgain = tracker.recordFailure(of: "delivery", at: start.addingTimeInterval(10))
    #expect(noOutageToEnd == nil)
    #expect(started)
    #expect(!startedAgain)
    #expect(tracker.isOut("delivery"))
    #expect(!tracker.isOut("intake"))
    let ended = tracker.recordSuccess(of: "delivery", at: start.addingTimeInterval(95))
    let endedAgain = tracker.recordSuccess(of: "delivery", at: start.addingTimeInterval(100))
    #expect(ended == 95)
    #expect(endedAgain == nil)
}

@Test func runnerBackoffDoublesThePollIntervalUpToTheCap() {
    let backoff = RunnerBackoff(maxDelay: 300)
    let delays = (0...7).map { backoff.delay(pollInterval: 5, failedRoundsInARow: $0) }
    #expect(delays == [5, 10, 20, 40, 80, 160, 300, 300])
    // A poll interval above the cap is never shortened.
    #expect(backoff.delay(pollInterval: 600, failedRoundsInARow: 3) == 600)
    #expect(backoff.delay(pollInterval: 5, failedRoundsInARow: 1_000) == 300)
}
