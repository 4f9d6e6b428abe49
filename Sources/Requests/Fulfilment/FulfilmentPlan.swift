/// What happens next to a `received` request, decided from who is asking
/// (`DataSubject`), what the company's mail server says about the sender
/// (`SenderVerdict`) and what has been settled already (an operator's
/// approval, a confirmation by reply). Pure: the facts in, one step out.
///
/// The order is the policy: an operator's approval settles identity; a
/// failed sender authentication stops everything (nothing is disclosed or
/// changed, and nothing is sent to an address that is probably forged); a
/// request the daemon cannot attribute goes to a person; erasure,
/// rectification, any change the company's mail server did not vouch for
/// (an objection without an authenticated sender) and any request about an
/// address other than the sender's wait for that address to confirm with
/// the code; the rest (access, an authenticated objection) is carried out
/// on the sender's address, where the copy can only reach that mailbox.
public enum FulfilmentPlan: Sendable, Equatable {
    /// Carry out `kinds` on the data of `address`.
    case execute(address: String, kinds: Set<RequestKind>)
    /// Ask `address` to confirm by reply; the request then acts on `address`.
    case confirm(address: String)
    /// A person decides.
    case review(reason: String)

    public struct Facts: Sendable, Equatable {
        public var kinds: Set<RequestKind>
        /// The address the request acts on so far (`dsr.requests.subject_address`).
        public var subjectAddress: String
        /// The kinds an operator approved, when one did.
        public var approvedKinds: Set<RequestKind>?
        /// The subject address confirmed by reply.
        public var confirmed: Bool
        public var verdict: SenderVerdict
        public var subject: DataSubject.Decision

        public init(kinds: Set<RequestKind>, subjectAddress: String, approvedKinds: Set<RequestKind>?, confirmed: Bool,
                    verdict: SenderVerdict, subject: DataSubject.Decision) {
            self.kinds = kinds
            self.subjectAddress = subjectAddress
            self.approvedKinds = approvedKinds
            self.confirmed = confirmed
            self.verdict = verdict
            self.subject = subject
        }
    }

    /// The kinds that change the customer's data or choices.
    public static let changingKinds: Set<RequestKind> = [.rectify, .erase, .object]

    public static func decide(_ facts: Facts) -> FulfilmentPlan {
        if let approved = facts.approvedKinds {
            guard !approved.isEmpty else { return .review(reason: "approved without kinds") }
            return .execute(address: facts.subjectAddress, kinds: approved)
        }
        guard !facts.kinds.isEmpty else { return .review(reason: "no request recognised") }
        if facts.confirmed { return .execute(address: facts.subjectAddress, kinds: facts.kinds) }
        if case .fail(let reason) = facts.verdict {
            return .review(reason: "sender authentication failed: \(reason.rawValue)")
        }
        switch facts.subject {
        case .needsReview(let reason):
            return .review(reason: reason.rawValue)
        case .confirmClaimedAddress(_, let claimed):
            return .confirm(address: claimed)
        case .sender(let address, let needsConfirmation):
            let unvouchedChange = !facts.verdict.isAuthenticated && !facts.kinds.isDisjoint(with: changingKinds)
            return needsConfirmation || unvouchedChange
                ? .confirm(address: address) : .execute(address: address, kinds: facts.kinds)
        }
    }
}
