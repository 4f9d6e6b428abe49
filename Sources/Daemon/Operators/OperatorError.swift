import LogSafety

/// A request an operator command cannot answer. Names the reference or
/// state the operator gave, nothing from the request.
public enum OperatorError: LogSafeError, Sendable, Equatable {
    case unknownReference(String)
    case unknownState(String)
    case unknownRequestID(Int)
    case unknownOutboxID(Int)
    case notAnAddress
    /// A command that queues mail was built without the reply templates.
    case noTemplates

    public var description: String {
        switch self {
        case .unknownReference(let reference): "no request with reference \(reference)"
        case .unknownState(let state):
            "unknown state '\(state)' (one of \(RequestQueries.states.joined(separator: ", ")))"
        case .unknownRequestID(let id): "no request with id \(id)"
        case .unknownOutboxID(let id): "no message with id \(id) in the outbox"
        case .notAnAddress: "that is not an e-mail address (local@domain)"
        case .noTemplates: "this command queues mail and needs templates_dir in the configuration"
        }
    }
}
