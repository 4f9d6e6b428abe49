import Foundation
import MailCore

/// Reads the sender authentication that the company's own mail servers
/// wrote into a message, and ignores whatever the sender wrote.
///
/// The trust boundary is the receiving MX's own `Received:` line. Walking
/// the headers from the top (the newest hop first):
/// - `Received:` lines of local delivery over LMTP (Dovecot's) are passed
///   over; so are the first `internalReceivedHops` other `Received:` lines
///   (the company's internal relays);
/// - the next `Received:` line is the MX's: everything above it was written
///   by the company's servers (the MX, its relays, the delivery agent);
///   everything below it came from the sender and is never read.
/// Which Authentication-Results count (`SenderTrust.resultsPosition`):
/// - `above`: those above the MX's line;
/// - `below`: the unbroken run directly below the MX's line, where a Postfix
///   milter writes them; the first other header ends it. The MX must then
///   remove incoming headers with its id (RFC 8601 §5), or a sender's header
///   could stand there when the milter wrote none.
/// A counted header carries a trusted authserv-id, or no id at all when
/// `readsResultsWithoutAuthservID` (Exchange Online). Without the MX's line
/// (no non-local `Received:` where one is due) nothing counts.
public enum SenderAuthentication {
    /// The counted Authentication-Results headers, topmost first.
    public static func trustedResults(headers: [HeaderField], trust: SenderTrust) -> [AuthenticationResults] {
        guard trust.canTrustAnyResults else { return [] }
        let trusted = Set(trust.trustedAuthservIDs.map { $0.lowercased() })
        func counted(_ field: HeaderField) -> AuthenticationResults? {
            guard field.name.lowercased() == "authentication-results" else { return nil }
            if let parsed = AuthenticationResults.parse(field.value) {
                return trusted.contains(parsed.authservID.lowercased()) ? parsed : nil
            }
            return trust.readsResultsWithoutAuthservID ? AuthenticationResults.parseWithoutAuthservID(field.value) : nil
        }

        var above: [AuthenticationResults] = []
        var hopsLeft = trust.internalReceivedHops
        var boundary: Int?
        for (index, field) in headers.enumerated() {
            if field.name.lowercased() == "received" {
                if ReceivedLine.isLocalDelivery(field.value) { continue }
                if hopsLeft == 0 {
                    boundary = index
                    break
                }
                hopsLeft -= 1
            } else if let results = counted(field) {
                above.append(results)
            }
        }
        guard let boundary else { return [] }
        switch trust.resultsPosition {
        case .above:
            return above
        case .below:
            var below: [AuthenticationResults] = []
            for field in headers[(boundary + 1)...] {
                guard let results = counted(field) else { break }
                below.append(results)
            }
            return below
        }
    }

    /// The verdict for a message whose (first) From address has `fromDomain`.
    /// `headers` are in message order, topmost first.
    ///
    /// Pass needs a result that names the From domain itself: DMARC pass
    /// with `header.from` equal to it, or DKIM pass with `header.d` equal to
    /// it. Without a public-suffix list a parent domain cannot be told from
    /// a registry's suffix (`co.uk`, `priv.no`), so relaxed alignment is the
    /// MX's DMARC check's job, never dsrd's. SPF alone never passes: it
    /// speaks for the envelope, not for From.
    public static func evaluate(headers: [HeaderField], trust: SenderTrust, fromDomain: String) -> SenderVerdict {
        let blocks = trustedResults(headers: headers, trust: trust)
        guard !blocks.isEmpty else {
            let anyResults = headers.contains { $0.name.lowercased() == "authentication-results" }
            return .unverified(anyResults ? .untrustedResults : .noResults)
        }
        let from = normalizedDomain(fromDomain)
        let results = blocks.flatMap(\.results)

        // A DMARC failure fails unless it names another From domain (a
        // second From, a forwarded header); a pass counts only for this one.
        let dmarc = results.filter { $0.method == "dmarc" }
        if dmarc.contains(where: { $0.failed && ($0.domain(of: "header.from").map { $0 == from } ?? true) }) {
            return .fail(.dmarcFail)
        }
        let dkim = results.filter { $0.method == "dkim" }
        let spf = results.filter { $0.method == "spf" }
        if !from.isEmpty {
            if dmarc.contains(where: { $0.passed && $0.domain(of: "header.from") == from }) { return .pass(.dmarc) }
            if dkim.contains(where: { $0.passed && $0.domain(of: "header.d") == from }) { return .pass(.dkimAligned) }
        }
        let dkimFails = dkim.contains(where: \.failed) && !dkim.contains(where: \.passed)
        let spfFails = spf.contains(where: \.failed) && !spf.contains(where: \.passed)
        if dkimFails && spfFails { return .fail(.dkimAndSPFFail) }
        return .unverified(.inconclusive)
    }

    private static func normalizedDomain(_ domain: String) -> String {
        var lowered = domain.lowercased().trimmingCharacters(in: [" ", "\t"])
        while lowered.hasSuffix(".") { lowered.removeLast() }
        return lowered
    }
}
