import Testing
@testable import Requests

/// The request's life, tested without a database: a state and an event in,
/// the transition (or none) out.
@Suite struct RequestLifecycleTests {
    private func move(_ state: RequestState, _ event: RequestEvent) -> RequestTransition? {
        RequestLifecycle.transition(from: state, on: event)
    }

    @Test func theConfirmationRoundTrip() {
        #expect(move(.received, .confirmationAsked) == RequestTransition(
            from: .received, to: .awaitingConfirmation, action: .confirmationRequested,
            reason: "waiting for confirmation by reply"))
        #expect(move(.awaitingConfirmation, .confirmed)
            == RequestTransition(from: .awaitingConfirmation, to: .received, action: .confirmed,
                                 reason: "confirmed by reply with the code", columns: [.confirmedAt]))
        #expect(move(.awaitingConfirmation, .declined)?.to == .rejected)
        #expect(move(.awaitingConfirmation, .confirmationExpired(days: 7))?.reason == "not confirmed within 7 days")
        // Only a request waiting for its confirmation can be confirmed, declined or expire.
        for state in RequestState.allCases where state != .awaitingConfirmation {
            #expect(move(state, .confirmed) == nil && move(state, .declined) == nil
                    && move(state, .confirmationExpired(days: 7)) == nil, "\(state)")
        }
        #expect(move(.awaitingConfirmation, .confirmationAsked) == nil)
    }

    @Test func onlyAReceivedRequestIsCarriedOutOrSetAside() {
        #expect(move(.received, .completed(reason: nil))
            == RequestTransition(from: .received, to: .completed, action: .completed, reason: nil, columns: [.completedAt]))
        #expect(move(.received, .setAside(reason: "stopped 3 times"))?.action == .quarantined)
        for state in RequestState.allCases where state != .received {
            #expect(move(state, .completed(reason: nil)) == nil && move(state, .setAside(reason: "x")) == nil, "\(state)")
        }
    }

    @Test func rulesSendReceivedAndWaitingRequestsToReview() {
        #expect(move(.received, .sentToReview(reason: "r"))?.to == .needsReview)
        #expect(move(.awaitingConfirmation, .sentToReview(reason: "r"))?.action == .review)
        for state: RequestState in [.needsReview, .completed, .rejected, .ignored] {
            #expect(move(state, .sentToReview(reason: "r")) == nil, "\(state)")
        }
    }

    @Test func aFollowUpReopensAnsweredRequestsAndJoinsWaitingOnes() {
        for state: RequestState in [.received, .completed, .rejected, .ignored] {
            #expect(move(state, .followUpArrived)?.to == .needsReview, "\(state)")
            #expect(move(state, .followUpArrived)?.action == .followUpReceived, "\(state)")
        }
        #expect(move(.awaitingConfirmation, .followUpArrived) == nil)
        #expect(move(.needsReview, .followUpArrived) == nil)
    }

    @Test func aBounceNeverReopensAClosedRequest() {
        for state in RequestState.allCases {
            #expect((move(state, .replyBounced) != nil) == state.isOpen, "\(state)")
        }
        #expect(move(.completed, .replyBounced) == nil)
    }

    @Test func aFailedReplyAlwaysNeedsAPerson() {
        for state in RequestState.allCases {
            #expect(move(state, .replyFailed(reason: "smtp reply 550"))
                == RequestTransition(from: state, to: .needsReview, action: .replyFailed, reason: "smtp reply 550"))
        }
    }

    @Test func operatorsApproveWaitingRequestsAndRejectOrExtendOpenOnes() throws {
        let approval = RequestEvent.approved(kinds: [.access], by: "per")
        #expect(move(.needsReview, approval) == RequestTransition(
            from: .needsReview, to: .received, action: .approved, reason: nil,
            columns: [.approval(by: "per", kinds: [.access])]))
        #expect(move(.awaitingConfirmation, approval)?.to == .received)
        for state: RequestState in [.received, .completed, .rejected, .ignored] {
            #expect(move(state, approval) == nil, "\(state)")
        }
        let day = try #require(Day(year: 2027, month: 3, day: 1))
        for state in RequestState.allCases {
            #expect((move(state, .rejected(reason: "r")) != nil) == state.isOpen, "\(state)")
            let extension_ = move(state, .extended(until: day, reason: "r"))
            #expect((extension_ != nil) == state.isOpen, "\(state)")
            // An extension moves the deadline, never the state or its reason.
            if let extension_ {
                #expect(extension_.to == state && !extension_.writesState && extension_.columns == [RequestColumn.extendedDueOn(day)])
            }
        }
    }

    @Test func anOperatorCompletesAnyOpenRequestByHand() {
        let event = RequestEvent.completedByOperator(note: "copy handed over on a USB stick")
        for state in RequestState.allCases {
            let transition = move(state, event)
            #expect((transition != nil) == state.isOpen, "\(state)")
            if let transition {
                #expect(transition == RequestTransition(
                    from: state, to: .completed, action: .completed,
                    reason: "completed by an operator: copy handed over on a USB stick", columns: [.completedAt]))
                #expect(transition.movesState && transition.writesState)
            }
        }
        // A closed request is never completed again (nor a machine mail made a request).
        #expect(move(.completed, event) == nil && move(.rejected, event) == nil && move(.ignored, event) == nil)
    }

    @Test func vocabularyIsFixed() {
        #expect(AuditAction(rawValue: "note") == .note)
        #expect(AuditAction(rawValue: "outbox_retried") == .outboxRetried)
        #expect(AuditAction(rawValue: "outbox_cancelled") == .outboxCancelled)
        #expect(AuditAction(rawValue: "reply_failed") == .replyFailed)
        #expect(MessageRole(rawValue: "follow_up") == .followUp)
        #expect(RequestState.open == [.received, .awaitingConfirmation, .needsReview])
        #expect(LifecycleRefusal(event: .confirmed, state: .completed).description
            == "no transition for confirmed in state completed")
    }
}
