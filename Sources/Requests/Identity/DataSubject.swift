import MailCore

/// Who a request is about, and whether it may act before a confirmation.
///
/// The data subject is the customer whose registered address is the
/// sender's From address. Reply-To is never where data goes. A message that
/// names another address as the writer's registered one is not executed on
/// that address until that address has confirmed; a message on behalf of
/// someone else goes to review.
public enum DataSubject {
    public enum Decision: Sendable, Equatable {
        /// Act on the sender's own address (`address` as written in From).
        case sender(address: String, needsConfirmation: Bool)
        /// The writer claims another registered address: ask that address
        /// to confirm before anything is disclosed or changed.
        case confirmClaimedAddress(sender: String, claimed: String)
        case needsReview(Reason)
    }

    public enum Reason: String, Sendable, Equatable {
        case noSender = "no sender address"
        case severalSenders = "several From addresses"
        case onBehalf = "on behalf of another person"
        case severalClaimedAddresses = "several registered addresses named"
        /// Non-ASCII local parts are compared exactly and mailed only with
        /// SMTPUTF8, so look-alikes (U+212A KELVIN SIGN for `K`) go to a person.
        case nonASCIILocalPart = "an address with a non-ASCII local part"
    }

    /// Erasure and rectification always need a confirmation by reply; so
    /// does any request that acts on an address other than the sender's.
    public static func needsConfirmation(_ kinds: Set<RequestKind>) -> Bool {
        kinds.contains(.erase) || kinds.contains(.rectify)
    }

    /// `senders`: the From addresses of the opening message; `claims`: the
    /// addresses it names as the writer's registered one
    /// (`RegisteredAddressClaim.find` on the new text). Both as intake read
    /// them (`RequestReading`).
    public static func resolve(
        senders: [String], onBehalf: Bool, kinds: Set<RequestKind>, claims: [String], matcher: AddressMatcher
    ) -> Decision {
        guard let sender = senders.first, !matcher.normalized(sender).isEmpty else {
            return .needsReview(.noSender)
        }
        guard senders.count == 1 else { return .needsReview(.severalSenders) }
        if onBehalf { return .needsReview(.onBehalf) }
        guard matcher.hasASCIILocalPart(sender) else { return .needsReview(.nonASCIILocalPart) }
        let others = claims.filter { !matcher.normalized($0).isEmpty && !matcher.same($0, sender) }
        var distinct: [String] = []
        for claim in others where !distinct.contains(where: { matcher.same($0, claim) }) {
            distinct.append(claim)
        }
        if distinct.contains(where: { !matcher.hasASCIILocalPart($0) }) { return .needsReview(.nonASCIILocalPart) }
        switch distinct.count {
        case 0:
            return .sender(address: sender, needsConfirmation: needsConfirmation(kinds))
        case 1:
            return .confirmClaimedAddress(sender: sender, claimed: distinct[0])
        default:
            return .needsReview(.severalClaimedAddresses)
        }
    }
}
