import Foundation
import Testing
import Transport
@testable import Daemon

@Test func retryDelaysDoubleFromOneMinuteAndStopAtAnHour() {
    let policy = RetryPolicy.standard
    let delays = (1...9).map { policy.delay(afterFailedAttempt: $0) }
    #expect(delays == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600])
}

@Test func retryGivesUpAtTheAttemptLimit() {
    let policy = RetryPolicy(baseDelay: 60, maxDelay: 3600, maxAttempts: 3)
    #expect(policy.decision(afterFailedAttempt: 1) == .retry(after: 60))
    #expect(policy.decision(afterFailedAttempt: 2) == .retry(after: 120))
    #expect(policy.decision(afterFailedAttempt: 3) == .giveUp)
    #expect(policy.decision(afterFailedAttempt: 4) == .giveUp)
}

@Test func standardRetryPolicyCoversAboutADay() {
    let policy = RetryPolicy.standard
    let total = (1..<policy.maxAttempts).map { policy.delay(afterFailedAttempt: $0) }.reduce(0, +)
    #expect(total > 20 * 3600)
    #expect(total < 30 * 3600)
}

@Test func retryPolicyRejectsNonsenseSettings() {
    let policy = RetryPolicy(baseDelay: -5, maxDelay: -1, maxAttempts: 0)
    #expect(policy.maxAttempts == 1)
    #expect(policy.delay(afterFailedAttempt: 1) == 0)
    #expect(policy.decision(afterFailedAttempt: 1) == .giveUp)
    // Huge attempt numbers neither overflow nor exceed the cap.
    #expect(RetryPolicy.standard.delay(afterFailedAttempt: 10_000) == 3600)
}

@Test func sendFailuresAreClassifiedByReplyCode() {
    let temporary = TransportError(kind: .transient, curlCode: 55, replyCode: 450, operation: "smtp send")
    #expect(SendVerdict(error: temporary) == .temporary(reason: "smtp reply 450"))
    let permanent = TransportError(kind: .permanent, curlCode: 55, replyCode: 550, operation: "smtp send")
    #expect(SendVerdict(error: permanent) == .permanent(reason: "smtp reply 550"))
    let down = TransportError(kind: .connection, curlCode: 7, operation: "smtp send")
    #expect(SendVerdict(error: down) == .outage(reason: "smtp connection curl 7"))
    let login = TransportError(kind: .authentication, curlCode: 67, replyCode: 535, operation: "smtp send")
    #expect(SendVerdict(error: login) == .outage(reason: "smtp reply 535"))
    let envelope = TransportError(kind: .invalidRequest, operation: "smtp envelope")
    #expect(SendVerdict(error: envelope) == .permanent(reason: "invalid envelope address"))
    struct Other: Error {}
    #expect(SendVerdict(error: Other()) == .outage(reason: "smtp error"))
}
