import LogSafety

/// Why a fulfilment step stopped without changing anything. The texts name
/// map entries and counts, never personal data.
public enum FulfilmentError: LogSafeError, Sendable, Equatable {
    /// The address matches more than one subject row: a person must decide.
    case ambiguousSubject(matches: Int)
    /// The data map cannot be carried out as written (`where` names the entry).
    case unusableMap(where: String, problem: String)

    public var description: String {
        switch self {
        case .ambiguousSubject(let matches):
            return "the address matches \(matches) subject rows: needs review"
        case .unusableMap(let place, let problem):
            return "data map \(place): \(problem)"
        }
    }
}
