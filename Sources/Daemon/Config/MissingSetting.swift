import LogSafety

/// A stage cannot be built because an optional setting it needs is not set:
/// names the key and why the stage needs it, never a value.
public struct MissingSetting: LogSafeError, Sendable, Equatable {
    /// The key path, as in the config file (`templates_dir`).
    public let key: String
    /// Who needs it, and for what.
    public let neededFor: String

    public init(key: String, neededFor: String) {
        self.key = key
        self.neededFor = neededFor
    }

    public var description: String { "\(key) is not set: \(neededFor)" }
}
