/// A named legal ground for an operator's decision, which the refusal and
/// extension templates word in each reply language (a flag per ground), so
/// a refusal cites its basis and reads in the person's language whatever
/// language the operator types in.
public enum DecisionGround: String, Sendable, CaseIterable, Codable {
    /// GDPR Art. 12(5)(b): the request is manifestly unfounded or excessive
    /// (in particular repetitive).
    case manifestlyUnfounded = "art12-5"
    /// GDPR Art. 15(4): the copy would adversely affect the rights and
    /// freedoms of others.
    case rightsOfOthers = "art15-4"
    /// Personopplysningsloven § 16: an exception to the rights to
    /// information and access.
    case accessException = "pol16"
    /// GDPR Art. 12(3): more time, because the request is complex.
    case complexity = "complex"
    /// GDPR Art. 12(3): more time, because of the number of requests.
    case volume = "many"

    /// The decision a ground can be given for.
    public enum Decision: String, Sendable {
        case refusal
        case `extension`
    }

    public var decision: Decision {
        switch self {
        case .manifestlyUnfounded, .rightsOfOthers, .accessException: return .refusal
        case .complexity, .volume: return .extension
        }
    }

    /// The template flag that words this ground (`ground_art12_5` …).
    public var flag: String {
        switch self {
        case .manifestlyUnfounded: return "ground_art12_5"
        case .rightsOfOthers: return "ground_art15_4"
        case .accessException: return "ground_pol16"
        case .complexity: return "ground_complexity"
        case .volume: return "ground_volume"
        }
    }

    /// The grounds for `decision`, in declaration order.
    public static func all(for decision: Decision) -> [DecisionGround] {
        allCases.filter { $0.decision == decision }
    }
}
