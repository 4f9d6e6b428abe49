/// One result of an Authentication-Results header (RFC 8601 `resinfo`):
/// `dkim=pass reason="…" header.d=example.com header.s=sel`.
public struct AuthenticationResult: Sendable, Equatable {
    /// Lowercased method name without its version, e.g. "dmarc", "dkim", "spf".
    public var method: String
    /// Lowercased result, e.g. "pass", "fail", "softfail", "none".
    public var result: String
    /// The `reason=` value, when given.
    public var reason: String?
    /// Properties by lowercased `ptype.property` name ("header.from",
    /// "smtp.mailfrom", "header.d"); values as written. Vendor extensions
    /// without a dot (`action=none`) are kept under their bare name.
    public var properties: [String: String]

    public init(method: String, result: String, reason: String? = nil, properties: [String: String] = [:]) {
        self.method = method
        self.result = result
        self.reason = reason
        self.properties = properties
    }

    public var passed: Bool { result == "pass" }
    public var failed: Bool { result == "fail" }

    /// The domain a property names: the part after the last `@` of
    /// `user@example.com` or `@example.com`, or the whole value; lowercased,
    /// without a trailing dot. Nil when the property is absent or empty.
    public func domain(of property: String) -> String? {
        guard let value = properties[property] else { return nil }
        let afterAt = value.split(separator: "@", omittingEmptySubsequences: false).last.map(String.init) ?? value
        var domain = afterAt.lowercased()
        while domain.hasSuffix(".") { domain.removeLast() }
        return domain.isEmpty ? nil : domain
    }
}
