/// The `References` a reply carries: the thread's ids as the message we
/// answer gave them, plus that message's own id — bounded, so a message
/// that arrives with hundreds of ids (or huge ones) cannot make dsrd send
/// them on to its sender from the company's domain.
public enum ThreadReferences {
    /// Ids a reply carries at most: the newest ones, the answered id last.
    public static let maxIDs = 20
    /// Bytes one id may have.
    public static let maxIDBytes = 250

    /// The last `maxIDs` usable ids of `references` followed by `inReplyTo`,
    /// each once.
    public static func capped(_ references: [String], inReplyTo: String?) -> [String] {
        var ids: [String] = []
        for id in references.compactMap(usable) where !ids.contains(id) { ids.append(id) }
        if let answered = inReplyTo.flatMap(usable) {
            ids.removeAll { $0 == answered }
            ids.append(answered)
        }
        return Array(ids.suffix(maxIDs))
    }

    /// The id when it is printable ASCII without blanks or angle brackets
    /// and at most `maxIDBytes` long; nil otherwise (it is left out).
    public static func usable(_ id: String) -> String? {
        guard !id.isEmpty, id.utf8.count <= maxIDBytes,
              id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") })
        else { return nil }
        return id
    }
}
