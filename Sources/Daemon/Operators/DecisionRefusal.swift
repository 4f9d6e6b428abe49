import LogSafety
import Requests

/// Why an operator's decision on a request was not carried out. The texts
/// name references, states, kinds and dates only: never an address.
public enum DecisionRefusal: LogSafeError, Sendable, Equatable {
    case cannotApprove(reference: String, state: String)
    case notOpen(reference: String, state: String)
    case noKinds(reference: String)
    case unknownKind(String)
    /// `--kinds` named kinds the request did not ask for.
    case widensKinds(reference: String, added: [String], asked: [String])
    case alreadyExtended(reference: String, until: Day)
    case pastFirstDueDate(reference: String, dueOn: Day, today: Day)
    case extensionMonths(Int)
    case noReplyAddress(reference: String)
    case emptyReason
    case emptyNote
    /// Neither a ground nor text in the language the reply is written in.
    case noReason(reference: String, language: ReplyLanguage)
    case badLogin
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
        case .widensKinds(let reference, let added, let asked):
            "request \(reference) asked for \(asked.isEmpty ? "no kind" : asked.joined(separator: ", ")), not "
                + "\(added.joined(separator: ", ")): an approval may leave kinds out, never add one"
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
        case .emptyNote:
            "the note must not be empty: it is what the audit trail keeps of what was done"
        case .noReason(let reference, let language):
            "request \(reference) is answered in \(language.rawValue): give --reason-\(language.rawValue) TEXT "
                + "(or --reason TEXT written in \(language.rawValue)) or --ground NAME"
        case .badLogin:
            "the login of this process (or $SUDO_USER under sudo) is not a usable operator name"
        case .badOperatorName:
            "an operator name is 1 to 64 letters, digits or . _ - @ (no spaces)"
        }
    }

    static var kindList: String { RequestKind.allCases.sorted().map(\.rawValue).joined(separator: ", ") }
}
