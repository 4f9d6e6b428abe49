import MailCore
import Testing
@testable import Requests

/// The abuse limits and repeats in `TriagePolicy`: facts in, decision out.
@Suite struct TriageAbuseLimitTests {
    static let limits = AbuseLimits(senderRequests: 3, senderWindowHours: 24, globalRequests: 10,
                                    globalWindowMinutes: 60, repeatWindowDays: 30, globalUnauthenticatedRequests: 4)

    func facts(kinds: Set<RequestKind> = [.erase], confidence: Double = 0.9, onBehalf: Bool = false,
               sender: String? = "emma.smith@example.org", fromSender: Int = 0, fromEveryone: Int = 0,
               repeatOf: RepeatMatch? = nil, verdict: SenderVerdict = .pass(.dmarc)) -> TriageFacts {
        TriageFacts(sender: sender, nullReturnPath: false, fromOwnAddress: false, auto: .human,
                    classification: Classification(kinds: kinds, language: .en, confidence: confidence, evidence: [],
                                                   onBehalf: onBehalf, fields: [:]),
                    repeatOf: repeatOf, requestsFromSender: fromSender, requestsFromEveryone: fromEveryone,
                    limits: Self.limits, verdict: verdict)
    }

    @Test func belowTheLimitsARequestIsAcknowledged() {
        #expect(TriagePolicy.decide(facts(fromSender: 2, fromEveryone: 9))
            == .newRequest(state: .received, reason: nil, sendReceipt: true))
    }

    @Test func atTheSenderLimitTheRequestIsHeldWithoutReceipt() {
        let decision = TriagePolicy.decide(facts(fromSender: 3))
        #expect(decision == .rateLimited(.sender(requests: 3, hours: 24)))
        #expect(decision.outcome == "rate_limited")
        #expect(TriagePolicy.decide(facts(fromSender: 40)) == .rateLimited(.sender(requests: 3, hours: 24)))
    }

    @Test func atTheGlobalLimitTheRequestIsHeldWithoutReceipt() {
        #expect(TriagePolicy.decide(facts(fromEveryone: 10)) == .rateLimited(.global(requests: 10, minutes: 60, authenticated: true)))
        // Both: the sender's limit is named.
        #expect(TriagePolicy.decide(facts(fromSender: 3, fromEveryone: 10)) == .rateLimited(.sender(requests: 3, hours: 24)))
    }

    @Test func unauthenticatedSendersHaveTheirOwnSmallerBudget() {
        for verdict: SenderVerdict in [.unverified(.noResults), .unverified(.untrustedResults), .unverified(.inconclusive)] {
            #expect(TriagePolicy.decide(facts(fromEveryone: 3, verdict: verdict))
                == .newRequest(state: .received, reason: nil, sendReceipt: true))
            #expect(TriagePolicy.decide(facts(fromEveryone: 4, verdict: verdict))
                == .rateLimited(.global(requests: 4, minutes: 60, authenticated: false)))
        }
        // The authenticated budget is untouched by them.
        #expect(TriagePolicy.decide(facts(fromEveryone: 9)) == .newRequest(state: .received, reason: nil, sendReceipt: true))
    }

    @Test func aSenderWhoseAuthenticationFailsGetsNoReceipt() {
        #expect(TriagePolicy.decide(facts(verdict: .fail(.dmarcFail)))
            == .newRequest(state: .received, reason: nil, sendReceipt: false))
    }

    @Test func reasonsGiveTheNumbersAndNoAddress() {
        let sender = AbuseLimit.sender(requests: 5, hours: 24)
        let global = AbuseLimit.global(requests: 200, minutes: 60, authenticated: true)
        #expect(sender.reason == "abuse limit: sender (5 requests within 24 hours)")
        #expect(global.reason == "abuse limit: global, authenticated senders (200 requests within 60 minutes)")
        #expect(!sender.reason.contains("@") && !global.reason.contains("@"))
        #expect(sender.scope == "sender" && global.scope == "global")
    }

    @Test func requestsThatWouldNotBeAcknowledgedAreNotLimited() {
        // No receipt would go out anyway: the decision stays as it was.
        #expect(TriagePolicy.decide(facts(kinds: [], fromSender: 9, fromEveryone: 99))
            == .newRequest(state: .needsReview, reason: "no request recognised", sendReceipt: false))
        #expect(TriagePolicy.decide(facts(sender: nil, fromSender: 9, fromEveryone: 99))
            == .newRequest(state: .needsReview, reason: "no sender address", sendReceipt: false))
        // Doubtful requests are acknowledged, so they are limited too.
        #expect(TriagePolicy.decide(facts(confidence: 0.2, fromSender: 3)) == .rateLimited(.sender(requests: 3, hours: 24)))
        #expect(TriagePolicy.decide(facts(onBehalf: true, fromEveryone: 10)) == .rateLimited(.global(requests: 10, minutes: 60, authenticated: true)))
    }

    @Test func followUpsAreNeverLimited() {
        var f = facts(fromSender: 50, fromEveryone: 500)
        f.thread = ThreadMatch(requestID: 8, state: .awaitingConfirmation)
        #expect(TriagePolicy.decide(f) == .followUp(ThreadMatch(requestID: 8, state: .awaitingConfirmation)))
    }

    @Test func machineMailIsIgnoredNotLimited() {
        var f = facts(fromSender: 50, fromEveryone: 500)
        f.auto = AutoMailVerdict(kind: .autoReply, reason: "Auto-Submitted")
        #expect(TriagePolicy.decide(f) == .ignore(.auto))
    }

    @Test func aRepeatOfAnOpenRequestIsLinkedBeforeAnyLimit() {
        let decision = TriagePolicy.decide(facts(fromSender: 50, fromEveryone: 500, repeatOf: RepeatMatch(requestID: 12)))
        #expect(decision == .repeated(RepeatMatch(requestID: 12)))
        #expect(decision.outcome == "repeat")
        // Also ahead of the loop guard: a repeat sends nothing.
        var f = facts(repeatOf: RepeatMatch(requestID: 12))
        f.recentFromSender = 9
        #expect(TriagePolicy.decide(f) == .repeated(RepeatMatch(requestID: 12)))
    }

    @Test func aRepeatNeedsARecognisedRequestAndYieldsToThreadsAndDuplicates() {
        #expect(TriagePolicy.decide(facts(kinds: [], repeatOf: RepeatMatch(requestID: 12)))
            == .newRequest(state: .needsReview, reason: "no request recognised", sendReceipt: false))
        var f = facts(repeatOf: RepeatMatch(requestID: 12))
        f.thread = ThreadMatch(requestID: 3, state: .received)
        #expect(TriagePolicy.decide(f) == .followUp(ThreadMatch(requestID: 3, state: .received)))
        f.duplicateOf = DuplicateMatch(inboundID: 1, requestID: 3)
        #expect(TriagePolicy.decide(f) == .duplicate(DuplicateMatch(inboundID: 1, requestID: 3)))
    }

    @Test func theLoopGuardStillComesBeforeTheLimits() {
        var f = facts(fromSender: 50)
        f.recentFromSender = 9
        #expect(TriagePolicy.decide(f) == .loopGuard)
    }
}
