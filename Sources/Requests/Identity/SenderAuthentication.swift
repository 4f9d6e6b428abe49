import Foundation
import MailCore

/// Reads the sender authentication that the company's own mail server wrote
/// into a message, and ignores whatever the sender wrote.
///
/// Which Authentication-Results headers count (the trusted block): walking
/// the headers from the top (the newest hop first),
/// - an Authentication-Results header whose authserv-id is trusted counts;
/// - the walk ends at the first Authentication-Results header whose
///   authserv-id is not trusted (or cannot be read);
/// - the walk ends at the first `Received:` header after a counted one: the
///   trusted server writes its results above its own `Received:` line, and
///   everything below that line was written before the message reached it,
///   possibly by the sender. `Received:` lines above the first counted
///   header (local delivery hops) are passed over, as are other headers.
/// The server must be set up to add its results above its `Received:` line
/// and, as RFC 8601 §5 asks, to remove incoming headers that carry its id.
public enum SenderAuthentication {
    /// The counted Authentication-Results headers, topmost first.
    public static func trustedResults(headers: [HeaderField], trustedIDs: [String]) -> [AuthenticationResults] {
        let trusted = Set(trustedIDs.map { $0.lowercased() })
        guard !trusted.isEmpty else { return [] }
        var counted: [AuthenticationResults] = []
        for field in headers {
            let name = field.name.lowercased()
            if name == "received" {
                if !counted.isEmpty { break }
                continue
            }
            guard name == "authentication-results" else { continue }
            guard let parsed = AuthenticationResults.parse(field.value),
                  trusted.contains(parsed.authservID.lowercased()) else { break }
            counted.append(parsed)
        }
        return counted
    }

    /// The verdict for a message whose (first) From address has `fromDomain`.
    /// `headers` are in message order, topmost first.
    public static func evaluate(headers: [HeaderField], trustedIDs: [String], fromDomain: String) -> SenderVerdict {
        let blocks = trustedResults(headers: headers, trustedIDs: trustedIDs)
        guard !blocks.isEmpty else {
            let anyResults = headers.contains { $0.name.lowercased() == "authentication-results" }
            return .unverified(anyResults ? .untrustedResults : .noResults)
        }
        let from = normalizedDomain(fromDomain)
        let results = blocks.flatMap(\.results)

        // DMARC results about another From domain (a second From, a
        // forwarded header) do not speak for this one.
        let dmarc = results.filter { result in
            result.method == "dmarc" && (result.domain(of: "header.from").map { $0 == from } ?? true)
        }
        if dmarc.contains(where: \.failed) { return .fail(.dmarcFail) }
        if dmarc.contains(where: \.passed) { return .pass(.dmarc) }

        let dkim = results.filter { $0.method == "dkim" }
        let spf = results.filter { $0.method == "spf" }
        if !from.isEmpty {
            if dkim.contains(where: { $0.passed && aligned($0.domain(of: "header.d") ?? $0.domain(of: "header.i"), from) }) {
                return .pass(.dkimAligned)
            }
            if spf.contains(where: { $0.passed && aligned(spfDomain($0), from) }) {
                return .pass(.spfAligned)
            }
        }
        let dkimFails = dkim.contains(where: \.failed) && !dkim.contains(where: \.passed)
        let spfFails = spf.contains(where: \.failed) && !spf.contains(where: \.passed)
        if dkimFails && spfFails { return .fail(.dkimAndSPFFail) }
        return .unverified(.inconclusive)
    }

    /// The envelope domain SPF checked: `smtp.mailfrom`, the older
    /// `smtp.mail`, or for a null sender `smtp.helo`.
    private static func spfDomain(_ result: AuthenticationResult) -> String? {
        result.domain(of: "smtp.mailfrom") ?? result.domain(of: "smtp.mail") ?? result.domain(of: "smtp.helo")
    }

    /// Relaxed alignment without a public-suffix list: the same domain, or
    /// one a subdomain of the other.
    static func aligned(_ domain: String?, _ from: String) -> Bool {
        guard let domain, !domain.isEmpty, !from.isEmpty else { return false }
        return domain == from || domain.hasSuffix("." + from) || from.hasSuffix("." + domain) && domain.contains(".")
    }

    private static func normalizedDomain(_ domain: String) -> String {
        var lowered = domain.lowercased().trimmingCharacters(in: [" ", "\t"])
        while lowered.hasSuffix(".") { lowered.removeLast() }
        return lowered
    }
}
