/// An IMAP UID set (RFC 3501 `sequence-set`) for a list of UIDs: sorted,
/// each once, runs written as ranges (`3:5,9,12:14`).
enum UIDSet {
    /// Nil for an empty list (no command should be sent).
    static func text(_ uids: [UInt64]) -> String? {
        let sorted = Array(Set(uids)).sorted()
        guard var start = sorted.first else { return nil }
        var parts: [String] = []
        var end = start
        for uid in sorted.dropFirst() {
            if uid == end + 1 {
                end = uid
                continue
            }
            parts.append(start == end ? "\(start)" : "\(start):\(end)")
            start = uid
            end = uid
        }
        parts.append(start == end ? "\(start)" : "\(start):\(end)")
        return parts.joined(separator: ",")
    }
}
