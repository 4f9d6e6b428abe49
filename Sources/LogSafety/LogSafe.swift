/// What of an error may be written down.
public enum LogSafe {
    /// The description of a log-safe error; for any other, only its type
    /// name (its text could quote data).
    public static func describe(_ error: any Error) -> String {
        if let safe = error as? any LogSafeError { return safe.description }
        return String(describing: type(of: error))
    }
}
