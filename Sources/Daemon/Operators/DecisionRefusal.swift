import Requests

/// Why an operator's decision on a request was not carried out. The texts
/// name references, states, kinds and dates only: never an address.
public enum DecisionRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotApprove(reference: String, state: String)
    case notOpen(reference: String, state: String)
    case noKinds(reference: String)
    case unknownKind(String)
    case alreadyExtended(reference: String, until: Day)
    case pastFirstDueDate(reference: String, dueOn: Day, today: Day)
    case extensionMonths(Int)
    case noReplyAddress(reference: String)
    case emptyReason
    case noOperatorName
    case badOperatorName

    public var description: String {
        switch self {
        case .cannotApprove(let reference, let state):
            "request \(reference) is \(state): only a request in needs_review or awaiting_confirmation can be approved"
        case .notOpen(let reference, let state):
            "request \(reference) is \(state), not open: nothing to decide"
        case .noKinds(let reference):
            "request \(reference) names no kinds: give them with --kinds (\(Self.kindList))"
        case .unknownKind(let kind):
            "unknown kind '\(kind)' (one of \(Self.kindList))"
        case .alreadyExtended(let reference, let until):
            "request \(reference) is already extended (until \(until)): a deadline is extended once"
        case .pastFirstDueDate(let reference, let dueOn, let today):
            "request \(reference) was due on \(dueOn) and today is \(today): an extension must be announced by the first due date"
        case .extensionMonths(let months):
            "an extension is 1 or 2 months (GDPR Art. 12(3)), not \(months)"
        case .noReplyAddress(let reference):
            "request \(reference) has no address to send the extension notice to"
        case .emptyReason:
            "the reason must not be empty: the data subject reads it"
        case .noOperatorName:
            "who decides? give --operator NAME or set DSRD_OPERATOR"
        case .badOperatorName:
            "an operator name is 1 to 64 letters, digits or . _ - @ (no spaces)"
        }
    }

    static var kindList: String { RequestKind.allCases.sorted().map(\.rawValue).joined(separator: ", ") }
}
