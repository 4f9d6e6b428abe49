/// The languages dsrd reads and answers in.
public enum Language: String, Sendable, CaseIterable, Codable {
    /// Norwegian Bokmål.
    case nb
    /// Norwegian Nynorsk.
    case nn
    case en
    case sv
    case da
    case de

    /// Languages close enough that their phrase lexicons are applied together,
    /// because a short mail can be detected as its neighbour.
    var siblings: [Language] {
        switch self {
        case .nb: return [.nn, .da, .sv]
        case .nn: return [.nb]
        case .da: return [.nb, .sv]
        case .sv: return [.nb, .da]
        case .en, .de: return []
        }
    }
}
