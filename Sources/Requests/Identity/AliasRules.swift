/// Which sub-address aliases count as the same mailbox. Only `+tag`
/// sub-addressing is known (`kari+events@example.no` is `kari@example.no`);
/// Gmail-style dot-insensitivity is never assumed.
///
/// Configuration: a global switch and per-domain overrides
/// (`{"strip_plus_tags": false, "plus_tag_domains": {"example.no": true}}`).
public struct AliasRules: Sendable, Equatable {
    /// Strip `+tag` for domains without an override.
    public var stripPlusTags: Bool
    /// Per-domain overrides, keys in the comparable form of `DomainName`.
    public var domainOverrides: [String: Bool]

    public init(stripPlusTags: Bool = false, domainOverrides: [String: Bool] = [:]) {
        self.stripPlusTags = stripPlusTags
        var lowered: [String: Bool] = [:]
        for (domain, strip) in domainOverrides { lowered[DomainName.ascii(domain) ?? domain.lowercased()] = strip }
        self.domainOverrides = lowered
    }

    /// Exact comparison: no alias is stripped anywhere.
    public static let exact = AliasRules()

    public func stripsPlusTags(forDomain domain: String) -> Bool {
        domainOverrides[DomainName.ascii(domain) ?? domain.lowercased()] ?? stripPlusTags
    }
}
