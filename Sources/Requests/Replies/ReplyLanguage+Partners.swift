/// The language a notice to an event partner is written in.
extension ReplyLanguage {
    /// `stored` is the partner's language as the customer database holds it
    /// (read like a writer's language, see `forWriter`); where there is none,
    /// a partner whose `address` is under a `.no` domain gets bokmål and any
    /// other English.
    public static func forPartner(stored: String?, address: String?) -> ReplyLanguage {
        if let stored, !stored.trimmingCharacters(in: .whitespaces).isEmpty {
            return forWriter(stored)
        }
        let domain = address?.split(separator: "@").last.map { $0.lowercased() } ?? ""
        let trimmed = domain.hasSuffix(".") ? String(domain.dropLast()) : domain
        return trimmed.hasSuffix(".no") ? .nb : .en
    }
}
