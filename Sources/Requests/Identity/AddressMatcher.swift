import MailCore

/// Compares e-mail addresses the way dsrd decides who a customer is: the
/// domain case-insensitively, the local part exactly (RFC 5321 leaves it
/// case-sensitive) after the alias rules, with any display name removed.
public struct AddressMatcher: Sendable {
    public var rules: AliasRules

    public init(rules: AliasRules = .exact) {
        self.rules = rules
    }

    /// `local@domain` with the domain lowercased and aliases removed.
    /// Accepts `Name <local@domain>`, `<local@domain>` and `mailto:` forms.
    /// Empty when the input holds no `local@domain`.
    public func normalized(_ address: String) -> String {
        let bare = Self.bareAddress(address)
        guard let at = bare.lastIndex(of: "@") else { return "" }
        var local = String(bare[..<at])
        var domain = bare[bare.index(after: at)...].lowercased()
        while domain.hasSuffix(".") { domain.removeLast() }
        guard !local.isEmpty, !domain.isEmpty else { return "" }
        if rules.stripsPlusTags(forDomain: domain), !local.hasPrefix("\""),
           let plus = local.firstIndex(of: "+"), plus != local.startIndex {
            local = String(local[..<plus])
        }
        return local + "@" + domain
    }

    public func normalized(_ address: MailAddress) -> String {
        normalized(address.address)
    }

    /// True when both are addresses and name the same mailbox.
    public func same(_ a: String, _ b: String) -> Bool {
        let left = normalized(a)
        return !left.isEmpty && left == normalized(b)
    }

    /// The address itself, without display name, angle brackets, `mailto:`
    /// or surrounding blanks.
    static func bareAddress(_ text: String) -> Substring {
        var rest = Substring(text)
        if let open = rest.lastIndex(of: "<") {
            let inside = rest[rest.index(after: open)...]
            rest = inside.firstIndex(of: ">").map { inside[..<$0] } ?? inside
        }
        rest = rest.drop(while: \.isWhitespace)
        while let last = rest.last, last.isWhitespace { rest = rest.dropLast() }
        if rest.lowercased().hasPrefix("mailto:") { rest = rest.dropFirst(7) }
        return rest
    }
}
