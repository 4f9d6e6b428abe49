import Daemon
import DaemonTesting
import Foundation
import MailCore
import Records
import Synchronization
import Testing

/// The delivery stage's decisions over the in-memory outbox and a recording
/// mail server: what is sent, retried, given up or given back, and when a
/// round stops. The same cases against PostgreSQL and Postfix are in
/// `DeliveryIntegrationTests`.
@Suite struct DeliveryStageTests {
    let clock = ManualWallClock(Date(timeIntervalSince1970: 1_795_000_000))
    let outbox: InMemoryOutbox
    let sender: RecordingSender

    init() {
        outbox = InMemoryOutbox(clock: clock)
        sender = RecordingSender(clock: clock)
    }

    func stage(_ settings: DeliveryStage.Settings = DeliveryStage.Settings(), sender: RecordingSender? = nil)
        -> DeliveryStage {
        DeliveryStage(outbox: outbox, sender: sender ?? self.sender, clock: clock,
                      logger: Logger(level: .error, journal: true) { _ in }, settings: settings)
    }

    /// A reply to `recipient` about request `requestID` (in `state`), due now.
    @discardableResult
    func queue(to recipient: String, request requestID: Int? = nil, state: String = "received",
               template: String = "receipt") async -> Int {
        if let requestID { await outbox.addRequest(requestID, state: state) }
        let messageID = "delivery-\(UUID().uuidString)@janteloppet.test"
        let raw = "From: notices@janteloppet.test\r\nTo: \(recipient)\r\nMessage-ID: <\(messageID)>\r\n\r\nHei.\r\n"
        return await outbox.enqueue(ComposedMail(raw: Array(raw.utf8), envelopeFrom: "notices@janteloppet.test",
                                                 recipients: [recipient], messageID: messageID, template: template),
                                    for: requestID)
    }

    // MARK: - Outcomes of one send

    @Test func aDueReplyIsSentMarkedSentAndAudited() async throws {
        let id = await queue(to: "ola@example.com", request: 7)
        let report = try await stage().runOnce()
        #expect(report.handled == 1 && report.deferred == 0 && report.failed == 0)
        #expect(!report.moreWaiting)

        let sent = await sender.accepted
        #expect(sent.count == 1)
        #expect(sent.first?.from == "notices@janteloppet.test" && sent.first?.recipients == ["ola@example.com"])
        let row = try #require(await outbox.row(id))
        #expect(sent.first?.raw == row.message.mail.raw)
        #expect(row.state == .sent && row.attempts == 1 && row.sentAt == clock.now() && row.lastError == nil)
        let events = await outbox.events(of: 7)
        #expect(events == [InMemoryOutbox.Event(requestID: 7, at: clock.now(), action: "reply_sent", fromState: nil,
                                                toState: nil, reason: nil, outboxID: id)])
        #expect(await outbox.requestState(7) == "received")

        // A second round finds nothing more to do.
        #expect(try await stage().runOnce().handled == 0)
        #expect(await sender.attempts.count == 1)
    }

    @Test func aTemporaryRefusalIsDeferredWithTheRetryPolicysBackoffThenGivenUp() async throws {
        await sender.refuse("busy@example.net", reply: 450)
        let id = await queue(to: "busy@example.net", request: 8)
        let retry = RetryPolicy(baseDelay: 60, maxDelay: 150, maxAttempts: 4)
        let stage = stage(DeliveryStage.Settings(retry: retry))

        #expect(try await stage.runOnce().deferred == 1)
        var row = try #require(await outbox.row(id))
        #expect(row.state == .pending && row.attempts == 1)
        #expect(row.nextAttemptAt == clock.now().addingTimeInterval(60))
        #expect(row.lastError?.contains("reply=450") == true)
        #expect(!(row.lastError?.contains("@") ?? true))

        // Not due yet: left alone.
        #expect(try await stage.runOnce().deferred == 0)
        #expect(await sender.attempts.count == 1)

        // Due again: the wait doubles, up to the policy's cap.
        for (attempt, wait) in [(2, 120.0), (3, 150.0)] {
            clock.advance(by: row.nextAttemptAt.timeIntervalSince(clock.now()))
            #expect(try await stage.runOnce().deferred == 1)
            row = try #require(await outbox.row(id))
            #expect(row.attempts == attempt)
            #expect(row.nextAttemptAt == clock.now().addingTimeInterval(wait))
        }
        #expect(await outbox.requestState(8) == "received")
        #expect(await outbox.events(of: 8).isEmpty)

        // The last attempt the policy allows: failed, and the request to review.
        clock.advance(by: 150)
        let report = try await stage.runOnce()
        #expect(report.failed == 1 && report.deferred == 0)
        row = try #require(await outbox.row(id))
        #expect(row.state == .failed && row.attempts == 4)
        #expect(await outbox.requestState(8) == "needs_review")
        let event = try #require(await outbox.events(of: 8).first)
        #expect(event.action == "reply_failed" && event.fromState == "received" && event.toState == "needs_review")
        #expect(event.reason == "smtp reply 450, gave up after 4 attempts")
    }

    @Test func aPermanentRefusalFailsTheReplyAndSendsTheRequestToReview() async throws {
        await sender.refuse("gone@example.net", reply: 550)
        let id = await queue(to: "gone@example.net", request: 9, state: "awaiting_confirmation")

        let report = try await stage().runOnce()
        #expect(report.failed == 1 && report.handled == 0 && report.deferred == 0)
        let row = try #require(await outbox.row(id))
        #expect(row.state == .failed && row.attempts == 1)
        #expect(row.lastError?.contains("reply=550") == true)
        #expect(await outbox.requestState(9) == "needs_review")
        #expect(await outbox.events(of: 9) == [
            InMemoryOutbox.Event(requestID: 9, at: clock.now(), action: "reply_failed", fromState: "awaiting_confirmation",
                                 toState: "needs_review", reason: "smtp reply 550", outboxID: id),
        ])

        // Never tried again.
        clock.advance(by: 86_400)
        #expect(try await stage().runOnce().failed == 0)
        #expect(await sender.attempts.count == 1)
    }

    @Test func mailAboutNoRequestFailsWithoutAnyRequestChanging() async throws {
        await sender.refuse("operators@example.net", reply: 550)
        await outbox.addRequest(10, state: "received")
        let id = await queue(to: "operators@example.net", template: "digest")

        #expect(try await stage().runOnce().failed == 1)
        #expect(try #require(await outbox.row(id)).state == .failed)
        #expect(await outbox.requestState(10) == "received")
        #expect(await outbox.events.isEmpty)
    }

    // MARK: - Outage

    @Test func anOutageDefersTheTriedReplyAndGivesTheRestBackWithoutAnAttempt() async throws {
        let ids = [await queue(to: "a@example.no", request: 11), await queue(to: "b@example.no", request: 12),
                   await queue(to: "c@example.no")]
        await sender.setReachable(false)
        let started = clock.now()

        await #expect(throws: DeliveryStage.SMTPUnavailable.self) {
            try await stage().runOnce()
        }
        #expect(await sender.attempts.count == 1)
        // The reply that met the outage counts an attempt and waits its backoff.
        let tried = try #require(await outbox.row(ids[0]))
        #expect(tried.state == .pending && tried.attempts == 1)
        #expect(tried.lastError?.contains("connection") == true)
        #expect(tried.nextAttemptAt == started.addingTimeInterval(60))
        // The rest of the batch was not tried: its lease is released, no attempt counted.
        for id in ids.dropFirst() {
            let untried = try #require(await outbox.row(id))
            #expect(untried.state == .pending && untried.attempts == 0 && untried.lastError == nil)
            #expect(untried.nextAttemptAt == started)
        }
        #expect(await outbox.requestState(11) == "received")
        #expect(await outbox.requestState(12) == "received")
        #expect(await outbox.events.isEmpty)

        // Back again: a later round sends them all.
        await sender.setReachable(true)
        clock.advance(by: 61)
        let report = try await stage().runOnce()
        #expect(report.handled == 3)
        #expect(try #require(await outbox.row(ids[0])).attempts == 2)
        for id in ids { #expect(try #require(await outbox.row(id)).state == .sent) }
    }

    @Test func anOutageOnTheLastAllowedAttemptFailsTheReplyAndStillStopsTheRound() async throws {
        let id = await queue(to: "a@example.no", request: 13)
        await queue(to: "b@example.no")
        await sender.setReachable(false)
        let stage = stage(DeliveryStage.Settings(retry: RetryPolicy(maxAttempts: 1)))

        await #expect(throws: DeliveryStage.SMTPUnavailable.self) {
            try await stage.runOnce()
        }
        #expect(try #require(await outbox.row(id)).state == .failed)
        #expect(await outbox.requestState(13) == "needs_review")
        #expect(await outbox.events(of: 13).first?.reason == "smtp connection curl 7, gave up after 1 attempts")
        #expect(await sender.attempts.count == 1)
    }

    // MARK: - Leases

    @Test func aReplyClaimedByADaemonThatDiedIsSentOnceItsLeaseRunsOut() async throws {
        let id = await queue(to: "ola@example.com")
        let now = clock.now()
        #expect(await outbox.claim(now: now, leaseUntil: now.addingTimeInterval(600), limit: 10).map(\.id) == [id])

        #expect(try await stage().runOnce().handled == 0)
        clock.advance(by: 600)
        #expect(try await stage().runOnce().handled == 1)
        #expect(try #require(await outbox.row(id)).state == .sent)
    }

    // MARK: - Rounds

    @Test func aRoundClaimsNoNewBatchOnceItsTimeBudgetIsSpent() async throws {
        for index in 0..<6 { await queue(to: "r\(index)@example.com") }
        let slow = RecordingSender(clock: clock, secondsPerSend: 20)
        let settings = DeliveryStage.Settings(batchSize: 2, maxBatchesPerRound: 10, roundTimeBudget: 30)

        // One batch takes 40 s, more than the 30 s budget: the round ends there.
        let first = try await stage(settings, sender: slow).runOnce()
        #expect(first.handled == 2 && first.moreWaiting)
        #expect(await slow.attempts.count == 2)

        let second = try await stage(settings, sender: slow).runOnce()
        let third = try await stage(settings, sender: slow).runOnce()
        #expect(second.handled == 2 && third.handled == 2)
        // Nothing left, but the round could not know: the next one finds out.
        #expect(third.moreWaiting)
        let fourth = try await stage(settings, sender: slow).runOnce()
        #expect(fourth.handled == 0 && !fourth.moreWaiting)
    }

    @Test func aRoundOfFullBatchesUpToItsLimitSaysMoreIsWaiting() async throws {
        for index in 0..<5 { await queue(to: "b\(index)@example.com") }
        let settings = DeliveryStage.Settings(batchSize: 2, maxBatchesPerRound: 2)

        let first = try await stage(settings).runOnce()
        #expect(first.handled == 4 && first.moreWaiting)
        #expect(first.summary == "4 sent, 0 deferred, 0 failed")
        let second = try await stage(settings).runOnce()
        #expect(second.handled == 1 && !second.moreWaiting)
    }

    @Test func aBatchThatIsNotFullEndsTheRoundDrained() async throws {
        for index in 0..<4 { await queue(to: "d\(index)@example.com") }
        let report = try await stage(DeliveryStage.Settings(batchSize: 2, maxBatchesPerRound: 3)).runOnce()
        #expect(report.handled == 4 && !report.moreWaiting)
    }

    // MARK: - Progress

    @Test func progressIsReportedOncePerReplyDealtWithButNotForTheOneThatMetAnOutage() async throws {
        await sender.refuse("busy@example.net", reply: 450)
        await sender.refuse("gone@example.net", reply: 550)
        await queue(to: "ola@example.com")
        await queue(to: "busy@example.net")
        await queue(to: "gone@example.net")
        let ticks = Ticks()

        let report = try await stage().runOnce(progress: { ticks.tick() })
        #expect(report.handled == 1 && report.deferred == 1 && report.failed == 1)
        #expect(ticks.count == 3)

        await queue(to: "kari@example.com")
        await sender.setReachable(false)
        await #expect(throws: DeliveryStage.SMTPUnavailable.self) {
            try await stage().runOnce(progress: { ticks.tick() })
        }
        #expect(ticks.count == 3)
    }
}

/// Counts progress calls from the stage.
private final class Ticks: Sendable {
    private let value = Mutex(0)

    func tick() {
        value.withLock { $0 += 1 }
    }

    var count: Int {
        value.withLock { $0 }
    }
}
