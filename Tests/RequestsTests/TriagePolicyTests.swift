import MailCore
import Testing
@testable import Requests

private func facts(
    kinds: Set<RequestKind> = [.access], confidence: Double = 0.9, onBehalf: Bool = false, sender: String? = "kari.nordmann@example.no",
    auto: AutoMailVerdict = .human, nullReturnPath: Bool = false, own: Bool = false, recent: Int = 0
) -> TriageFacts {
    TriageFacts(sender: sender, nullReturnPath: nullReturnPath, fromOwnAddress: own, auto: auto,
                classification: Classification(kinds: kinds, language: .nb, confidence: confidence, evidence: [],
                                               onBehalf: onBehalf, fields: [:]),
                recentFromSender: recent, loopGuardLimit: 5)
}

@Test func clearRequestIsReceivedWithReceipt() {
    #expect(TriagePolicy.decide(facts()) == .newRequest(state: .received, reason: nil, sendReceipt: true))
}

@Test func doubtfulRequestsGoToReview() {
    #expect(TriagePolicy.decide(facts(confidence: 0.3)) == .newRequest(state: .needsReview, reason: "low confidence", sendReceipt: true))
    #expect(TriagePolicy.decide(facts(onBehalf: true)) == .newRequest(state: .needsReview, reason: "on behalf of another person", sendReceipt: true))
    #expect(TriagePolicy.decide(facts(kinds: [])) == .newRequest(state: .needsReview, reason: "no request recognised", sendReceipt: false))
    #expect(TriagePolicy.decide(facts(sender: nil)) == .newRequest(state: .needsReview, reason: "no sender address", sendReceipt: false))
}

@Test func machinesAndOurselvesAreNeverAnswered() {
    let ooo = AutoMailVerdict(kind: .autoReply, reason: "Auto-Submitted")
    #expect(TriagePolicy.decide(facts(auto: ooo)) == .ignore(.auto))
    #expect(TriagePolicy.decide(facts(auto: AutoMailVerdict(kind: .bounce, reason: "report"))) == .ignore(.auto))
    #expect(TriagePolicy.decide(facts(own: true)) == .ignore(.ownMail))
    #expect(TriagePolicy.decide(facts(nullReturnPath: true)) == .ignore(.systemSender))
    #expect(TriagePolicy.decide(facts(sender: "MAILER-DAEMON@mx.example.net")) == .ignore(.systemSender))
    #expect(TriagePolicy.decide(facts(sender: "no-reply@example.com")) == .ignore(.systemSender))
}

@Test func orderOfChecksDuplicateBounceThreadLoopGuard() {
    var f = facts(recent: 9)
    #expect(TriagePolicy.decide(f) == .loopGuard)
    f.thread = ThreadMatch(requestID: 4, state: .received)
    #expect(TriagePolicy.decide(f) == .followUp(ThreadMatch(requestID: 4, state: .received)))
    f.auto = AutoMailVerdict(kind: .bounce, reason: "dsn", originalMessageID: "x@janteloppet.test",
                             isDeliveryStatusNotification: true)
    f.bouncedReply = ReplyMatch(outboxID: 7, requestID: 4)
    f.nullReturnPath = true
    #expect(TriagePolicy.decide(f) == .bounce(ReplyMatch(outboxID: 7, requestID: 4)))
    f.duplicateOf = DuplicateMatch(inboundID: 1, requestID: 4)
    #expect(TriagePolicy.decide(f) == .duplicate(DuplicateMatch(inboundID: 1, requestID: 4)))
    #expect(TriagePolicy.decide(f).outcome == "duplicate")
}

@Test func onlyAStructuredDeliveryReportWithANullReturnPathCountsAsABounce() {
    let reply = ReplyMatch(outboxID: 7, requestID: 4)
    let dsn = AutoMailVerdict(kind: .bounce, reason: "dsn", originalMessageID: "x@janteloppet.test",
                              isDeliveryStatusNotification: true)
    let prose = AutoMailVerdict(kind: .bounce, reason: "delivery failure subject", originalMessageID: "x@janteloppet.test")
    var f = facts(auto: dsn, nullReturnPath: true)
    f.bouncedReply = reply
    #expect(TriagePolicy.decide(f) == .bounce(reply))
    f.nullReturnPath = false
    #expect(TriagePolicy.decide(f) == .ignore(.auto))
    f.nullReturnPath = true
    f.auto = prose
    #expect(TriagePolicy.decide(f) == .ignore(.auto))
}

@Test func referencesAreFoundInTextAndGeneratedInFormat() {
    #expect(RequestReference.all(in: "Re: Din forespørsel [DSR-2026-7KQ3M] og dsr-2026-7kq3m, DSR-2026-7KQ3MX, XDSR-2026-ABCDE")
        .map(\.value) == ["DSR-2026-7KQ3M"])
    #expect(RequestReference.all(in: "DSR-2026-ILOU1").isEmpty)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<100 {
        let reference = RequestReference(year: 2026, using: &generator)
        #expect(RequestReference.all(in: "ref \(reference) end").first == reference)
    }
}
