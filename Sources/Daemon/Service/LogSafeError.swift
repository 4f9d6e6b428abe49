import Store
import Transport

/// An error whose description holds only codes, states and key paths, so
/// it can go into a log line.
public protocol LogSafeError: Error, CustomStringConvertible {}

extension PostgresError: LogSafeError {}
extension TransportError: LogSafeError {}
extension ReloadRefused: LogSafeError {}
extension DeliveryStage.SMTPUnavailable: LogSafeError {}

enum LogSafe {
    /// The description of a log-safe error; for any other, only its type
    /// name (its text could quote data).
    static func describe(_ error: any Error) -> String {
        if let safe = error as? any LogSafeError { return safe.description }
        return String(describing: type(of: error))
    }
}
