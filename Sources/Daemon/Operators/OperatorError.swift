import LogSafety

/// A request an operator command cannot answer. Names the reference or
/// state the operator gave, nothing from the request.
public enum OperatorError: LogSafeError, Sendable, Equatable {
    case unknownReference(String)
    case unknownState(String)

    public var description: String {
        switch self {
        case .unknownReference(let reference): "no request with reference \(reference)"
        case .unknownState(let state):
            "unknown state '\(state)' (one of \(RequestQueries.states.joined(separator: ", ")))"
        }
    }
}
