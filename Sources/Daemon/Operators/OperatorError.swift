/// A request an operator command cannot answer.
public enum OperatorError: Error, Sendable, Equatable, CustomStringConvertible {
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
