import LogSafety

/// A deadline that cannot be computed as asked.
public enum DueDateError: LogSafeError, Sendable, Equatable {
    /// An extension must be one or two months (GDPR Art. 12(3)).
    case extensionOutOfRange(months: Int)

    public var description: String {
        switch self {
        case .extensionOutOfRange(let months):
            return "an extension must be 1 or 2 months (GDPR Art. 12(3)), not \(months)"
        }
    }
}
