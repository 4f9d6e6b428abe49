/// What a data subject asks for. A message may ask for several at once;
/// an empty set means the message is no request ("other").
public enum RequestKind: String, Sendable, CaseIterable, Comparable, Codable {
    /// Art. 15 (copy of the data) and Art. 20 (portability).
    case access
    /// Art. 16.
    case rectify
    /// Art. 17.
    case erase
    /// Art. 21: sharing with partners or third parties, direct marketing.
    case object

    public static func < (lhs: RequestKind, rhs: RequestKind) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
