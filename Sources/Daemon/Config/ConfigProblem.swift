import LogSafety

/// One thing wrong with a configuration: the key path (`imap.url`) and what
/// is wrong with it. Never the value itself (it may be a secret).
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Loading failed; every problem found is listed, not just the first.
public struct ConfigError: LogSafeError, Sendable {
    public let problems: [ConfigProblem]

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
