import Testing
@testable import Requests

@Suite struct FulfilmentPlanTests {
    let sender = "kari.nordmann@example.no"

    func facts(_ kinds: Set<RequestKind>, approved: Set<RequestKind>? = nil, confirmed: Bool = false,
               verdict: SenderVerdict = .unverified(.noResults), subject: DataSubject.Decision? = nil) -> FulfilmentPlan.Facts {
        FulfilmentPlan.Facts(
            kinds: kinds, subjectAddress: sender, approvedKinds: approved, confirmed: confirmed, verdict: verdict,
            subject: subject ?? .sender(address: sender, needsConfirmation: DataSubject.needsConfirmation(kinds)))
    }

    @Test func accessIsCarriedOutOnTheSendersAddressAndAnAuthenticatedObjectionToo() {
        #expect(FulfilmentPlan.decide(facts([.access])) == .execute(address: sender, kinds: [.access]))
        #expect(FulfilmentPlan.decide(facts([.object], verdict: .pass(.dmarc))) == .execute(address: sender, kinds: [.object]))
        #expect(FulfilmentPlan.decide(facts([.object, .access], verdict: .pass(.dkimAligned)))
                == .execute(address: sender, kinds: [.object, .access]))
    }

    @Test func aChangeWithoutAnAuthenticatedSenderWaitsForTheCode() {
        // Missing, untrusted or inconclusive results never count as a pass.
        for verdict: SenderVerdict in [.unverified(.noResults), .unverified(.untrustedResults), .unverified(.inconclusive)] {
            #expect(FulfilmentPlan.decide(facts([.object], verdict: verdict)) == .confirm(address: sender))
            #expect(FulfilmentPlan.decide(facts([.object, .access], verdict: verdict)) == .confirm(address: sender))
        }
        #expect(FulfilmentPlan.decide(facts([.object], confirmed: true)) == .execute(address: sender, kinds: [.object]))
    }

    @Test func erasureAndRectificationWaitForConfirmationEvenWhenDMARCPasses() {
        #expect(FulfilmentPlan.decide(facts([.erase], verdict: .pass(.dmarc))) == .confirm(address: sender))
        #expect(FulfilmentPlan.decide(facts([.rectify, .access])) == .confirm(address: sender))
        #expect(FulfilmentPlan.decide(facts([.erase], confirmed: true)) == .execute(address: sender, kinds: [.erase]))
    }

    @Test func failedAuthenticationStopsEverythingAndSendsNothing() {
        let plan = FulfilmentPlan.decide(facts([.access], verdict: .fail(.dmarcFail)))
        #expect(plan == .review(reason: "sender authentication failed: dmarc=fail"))
        #expect(FulfilmentPlan.decide(facts([.object], verdict: .fail(.dkimAndSPFFail)))
                == .review(reason: "sender authentication failed: dkim and spf both failing"))
    }

    @Test func aClaimedAddressIsAskedToConfirm() {
        let claimed = "kari@example.org"
        let plan = FulfilmentPlan.decide(facts([.access], subject: .confirmClaimedAddress(sender: sender, claimed: claimed)))
        #expect(plan == .confirm(address: claimed))
    }

    @Test func unattributableRequestsGoToAPerson() {
        #expect(FulfilmentPlan.decide(facts([.erase], subject: .needsReview(.onBehalf)))
                == .review(reason: "on behalf of another person"))
        #expect(FulfilmentPlan.decide(facts([])) == .review(reason: "no request recognised"))
    }

    @Test func anOperatorsApprovalSettlesIdentity() {
        let plan = FulfilmentPlan.decide(facts([.erase], approved: [.erase, .access], verdict: .fail(.dmarcFail),
                                               subject: .needsReview(.onBehalf)))
        #expect(plan == .execute(address: sender, kinds: [.erase, .access]))
        #expect(FulfilmentPlan.decide(facts([.erase], approved: [])) == .review(reason: "approved without kinds"))
    }
}
