import LogSafety
import Requests

/// Loading a configuration failed; every problem found is listed, not just
/// the first, each with its key path and never the value (it may be a secret).
public struct ConfigError: LogSafeError, Sendable {
    public let problems: [Problem]

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
