import Daemon
import Foundation
import Store
import Testing

/// A round of intake or fulfilment stops starting new work once its time or
/// bytes are used, and says more is waiting (the runner then lets the other
/// stages run before the next round).
extension LiveStackTests {
    @Suite struct RoundBudgetIntegrationTests {
        @Test func anIntakeRoundStopsStartingMessagesOnceItsBytesOrItsTimeAreUsed() async throws {
            let harness = try IntakeHarness()
            for index in 0..<3 {
                let sender = LocalStack.uniqueAddress("budget", domain: "example.com")
                try await harness.deliver(requestMail(from: sender, to: harness.notices, subject: "Copy \(index)",
                                                      body: "Please send me a copy of all personal data you hold about me.",
                                                      messageID: "budget-\(index)-\(UUID().uuidString)@example.com"),
                                          from: sender, expectInbox: index + 1)
            }
            var settings = harness.components.intake
            settings.roundByteBudget = 1
            let byBytes = try await harness.stage(settings: settings).runOnce()
            #expect(byBytes.handled == 1 && byBytes.moreWaiting)
            settings.roundByteBudget = 100 << 20
            settings.roundTimeBudget = 0
            let byTime = try await harness.stage(settings: settings).runOnce()
            #expect(byTime.handled == 1 && byTime.moreWaiting)
            // The defaults take the last one, and nothing is waiting.
            let rest = try await harness.stage().runOnce()
            #expect(rest.handled == 1 && !rest.moreWaiting)
            #expect(try await harness.inbound().map { $0["outcome"] } == ["request", "request", "request"])
            #expect(try await harness.inboxCount() == 0)
        }

        @Test func aFulfilRoundStopsStartingRequestsOnceItsTimeIsUsed() async throws {
            var harness = try FulfilHarness()
            // Whatever other tests left received goes first, at full speed.
            let received = "SELECT count(*) AS n FROM dsr.requests WHERE state = 'received'"
            for _ in 0..<20 {
                guard try await harness.database.query(received).first?.int("n") != 0 else { break }
                _ = try await harness.fulfil().runOnce()
            }
            var mine: [Int] = []
            for _ in 0..<3 {
                mine.append(try await CrashQuarantineIntegrationTests.insertReceivedRequest(harness.database).id)
            }
            harness.settings.roundTimeBudget = 0
            for round in 1...3 {
                let report = try await harness.fulfil().runOnce()
                let left = try await harness.database.query(
                    "SELECT count(*) AS n FROM dsr.requests WHERE state = 'received' AND id = ANY($1::bigint[])",
                    [.textArray(mine.map(String.init))]).first?.int("n")
                #expect(left == 3 - round, "round \(round)")
                #expect(report.moreWaiting == (round < 3), "round \(round)")
                // The first attempts of the round's read were counted together; those the
                // budget kept the round from reaching are taken back.
                let counted = try await harness.database.query(
                    "SELECT count(*) AS n FROM dsr.requests WHERE fulfil_attempts <> 0 AND id = ANY($1::bigint[])",
                    [.textArray(mine.map(String.init))]).first?.int("n")
                #expect(counted == 0, "round \(round)")
            }
        }
    }
}
