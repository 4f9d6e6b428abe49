/// An Authentication-Results header (RFC 8601) read into its authserv-id and
/// its results. Tolerant: comments `( … )` (nested, with `;` inside) are
/// skipped, values may be quoted strings, `; none` gives no results, and a
/// result it cannot read is skipped up to the next `;`.
public struct AuthenticationResults: Sendable, Equatable {
    /// As written (the comparison with trusted ids is case-insensitive).
    public var authservID: String
    public var results: [AuthenticationResult]

    public init(authservID: String, results: [AuthenticationResult]) {
        self.authservID = authservID
        self.results = results
    }

    /// Results kept per header; the rest are ignored (hostile input bound).
    public static let maxResults = 64

    /// The results of one method (lowercase name), in order.
    public func results(for method: String) -> [AuthenticationResult] {
        results.filter { $0.method == method }
    }

    /// Parses a header value (unfolded or not). Nil when there is no
    /// authserv-id (or a result stands where it should be).
    public static func parse(_ value: String) -> AuthenticationResults? {
        var scanner = AuthenticationResultsScanner(value)
        scanner.skipBlanksAndComments()
        let id = scanner.readValue()
        // "spf=none …" first (no authserv-id) is not an id either.
        guard !id.isEmpty, !id.contains("=") else { return nil }
        scanner.skipBlanksAndComments()
        if scanner.peekIsDigit { _ = scanner.readWord() }  // authres-version
        return AuthenticationResults(authservID: id, results: readResults(&scanner, firstNeedsSemicolon: true))
    }

    /// Parses a header value that starts with its first result, without an
    /// authserv-id, as Exchange Online writes them:
    /// `spf=pass (…) smtp.mailfrom=example.com; dkim=pass …; dmarc=pass action=none header.from=example.com`.
    /// The id is "". Nil when the value has an authserv-id or no result.
    public static func parseWithoutAuthservID(_ value: String) -> AuthenticationResults? {
        guard parse(value) == nil else { return nil }
        var scanner = AuthenticationResultsScanner(value)
        let results = readResults(&scanner, firstNeedsSemicolon: false)
        return results.isEmpty ? nil : AuthenticationResults(authservID: "", results: results)
    }

    /// The results up to the end: each after a `;`, the first one also
    /// without it when `firstNeedsSemicolon` is false.
    private static func readResults(_ scanner: inout AuthenticationResultsScanner,
                                    firstNeedsSemicolon: Bool) -> [AuthenticationResult] {
        var results: [AuthenticationResult] = []
        var first = true
        while results.count < maxResults {
            scanner.skipBlanksAndComments()
            guard !scanner.atEnd else { break }
            let separated = scanner.take(";")
            defer { first = false }
            guard separated || (first && !firstNeedsSemicolon) else {
                scanner.skipToSemicolon()
                continue
            }
            if let result = readResult(&scanner) { results.append(result) }
        }
        return results
    }

    /// `method[/version] = result [reason=…] [ptype.property=value …]`,
    /// starting after the `;`. Leaves the scanner at the next `;` or the end.
    private static func readResult(_ scanner: inout AuthenticationResultsScanner) -> AuthenticationResult? {
        scanner.skipBlanksAndComments()
        let method = scanner.readWord().lowercased()
        scanner.skipBlanksAndComments()
        if scanner.take("/") {
            scanner.skipBlanksAndComments()
            _ = scanner.readWord()
            scanner.skipBlanksAndComments()
        }
        guard !method.isEmpty, scanner.take("=") else {
            scanner.skipToSemicolon()
            return nil  // also `; none`
        }
        scanner.skipBlanksAndComments()
        let outcome = scanner.readWord().lowercased()
        guard !outcome.isEmpty else {
            scanner.skipToSemicolon()
            return nil
        }
        var result = AuthenticationResult(method: method, result: outcome)
        readProperties(&scanner, into: &result)
        return result
    }

    private static func readProperties(_ scanner: inout AuthenticationResultsScanner, into result: inout AuthenticationResult) {
        while true {
            scanner.skipBlanksAndComments()
            if scanner.atEnd || scanner.peek(";") { return }
            var name = scanner.readWord().lowercased()
            scanner.skipBlanksAndComments()
            if !name.isEmpty, scanner.take(".") {
                scanner.skipBlanksAndComments()
                let property = scanner.readWord().lowercased()
                name += "." + property
                scanner.skipBlanksAndComments()
            }
            guard !name.isEmpty, scanner.take("=") else {
                scanner.skipUnreadable()
                continue
            }
            scanner.skipBlanksAndComments()
            let value = scanner.readValue()
            if name == "reason" {
                result.reason = value
            } else if result.properties[name] == nil {
                result.properties[name] = value
            }
        }
    }
}
