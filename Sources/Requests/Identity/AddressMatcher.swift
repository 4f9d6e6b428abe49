import MailCore

/// Compares e-mail addresses the way dsrd decides who a customer is, by one
/// rule used everywhere (the customer lookup, the request lookups, the
/// replies): the canonical form.
///
/// - The domain is compared without case and with IDNA: a Unicode domain is
///   written as its A-label (`DomainName`); a domain that cannot be converted
///   makes the text no address.
/// - The local part is compared without ASCII case (`Kari` is `kari`), and
///   only ASCII letters are folded: `K` (U+212A KELVIN SIGN) stays itself,
///   as does every other non-ASCII character. A local part with non-ASCII
///   characters is never acted on automatically (`DataSubject`).
/// - `+tag` aliases are removed where `AliasRules` say so.
/// - A display name, angle brackets and `mailto:` are removed.
public struct AddressMatcher: Sendable {
    public var rules: AliasRules

    public init(rules: AliasRules = .exact) {
        self.rules = rules
    }

    /// `local@domain` with the local part's ASCII letters lowercased, the
    /// alias removed and the domain in its comparable ASCII form; nil when
    /// the text holds no `local@domain` or the domain cannot be converted.
    /// Accepts `Name <local@domain>`, `<local@domain>` and `mailto:` forms.
    public func canonical(_ address: String) -> String? {
        guard let parts = Self.parts(address), let domain = DomainName.ascii(parts.domain) else { return nil }
        var local = Self.asciiLowercased(parts.local)
        if rules.stripsPlusTags(forDomain: domain), !local.hasPrefix("\""),
           let plus = local.firstIndex(of: "+"), plus != local.startIndex {
            local = String(local[..<plus])
        }
        return local + "@" + domain
    }

    /// The canonical form, or empty when there is none.
    public func normalized(_ address: String) -> String {
        canonical(address) ?? ""
    }

    public func normalized(_ address: MailAddress) -> String {
        normalized(address.address)
    }

    /// True when both are addresses and name the same mailbox: their
    /// canonical forms are the same scalars (Swift's `==` would also equate
    /// canonically equivalent local parts, which mail servers do not).
    public func same(_ a: String, _ b: String) -> Bool {
        guard let left = canonical(a), let right = canonical(b) else { return false }
        return left.unicodeScalars.elementsEqual(right.unicodeScalars)
    }

    /// True for an address whose local part is all ASCII; false for one
    /// with other characters, and for what is not an address.
    public func hasASCIILocalPart(_ address: String) -> Bool {
        guard let parts = Self.parts(address) else { return false }
        return parts.local.unicodeScalars.allSatisfy(\.isASCII)
    }

    /// The form mail to `address` goes to: the local part as written and the
    /// domain in its comparable ASCII form, so no relay converts anything
    /// and it compares as the canonical form. Nil when it is not an address
    /// or its local part is not ASCII (dsrd never writes to such an address
    /// by itself).
    public func mailForm(_ address: String) -> String? {
        guard let parts = Self.parts(address), parts.local.unicodeScalars.allSatisfy(\.isASCII),
              let domain = DomainName.ascii(parts.domain) else { return nil }
        return parts.local + "@" + domain
    }

    /// Every form in which a database column may hold this address and,
    /// compared with ASCII letters folded only (`lower(column COLLATE "C")`),
    /// still be the same address: the canonical form and the address as
    /// written (local part ASCII-lowercased, alias kept), each with the
    /// domain as A-labels and as lowercase U-labels. Empty when it is not an
    /// address. A stored address with upper-case non-ASCII letters in its
    /// domain, or under another alias, is not among them.
    public func storedForms(_ address: String) -> [String] {
        guard let canonical = canonical(address), let parts = Self.parts(address),
              let ascii = DomainName.ascii(parts.domain), let unicode = DomainName.unicode(parts.domain),
              let at = canonical.lastIndex(of: "@") else { return [] }
        var forms: [String] = []
        for local in [String(canonical[..<at]), Self.asciiLowercased(parts.local)] {
            for domain in [ascii, unicode] {
                let form = local + "@" + domain
                if !forms.contains(where: { $0.utf8.elementsEqual(form.utf8) }) { forms.append(form) }
            }
        }
        return forms
    }

    /// The local part and the domain (trailing dots removed), as written.
    static func parts(_ address: String) -> (local: String, domain: String)? {
        let bare = bareAddress(address)
        guard let at = bare.lastIndex(of: "@") else { return nil }
        let local = String(bare[..<at])
        var domain = bare[bare.index(after: at)...]
        while domain.hasSuffix(".") { domain = domain.dropLast() }
        guard !local.isEmpty, !domain.isEmpty else { return nil }
        return (local, String(domain))
    }

    /// Only `A`–`Z` become `a`–`z`; no other character changes (what
    /// PostgreSQL's `lower(text COLLATE "C")` does).
    public static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { (0x41...0x5A).contains($0) }) else { return text }
        return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
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
