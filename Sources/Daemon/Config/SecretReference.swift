import Foundation
import LogSafety

/// Where a secret comes from. Secrets are never written in the config file
/// itself: `{"file": PATH}`, `{"env": NAME}`, or `{"credential": NAME}` (a
/// file in systemd's `$CREDENTIALS_DIRECTORY`, from `LoadCredential=`).
public enum SecretReference: Sendable, Equatable {
    case file(String)
    case environment(String)
    case credential(String)

    /// Reads the secret; trailing newlines are dropped. The error message
    /// names the source, never the secret.
    public func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<String, SecretError> {
        switch self {
        case .file(let path):
            return Self.read(path: path, what: "file")
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                return .failure(SecretError(message: "environment variable \(name) is not set"))
            }
            return .success(value)
        case .credential(let name):
            guard let directory = environment["CREDENTIALS_DIRECTORY"] else {
                return .failure(SecretError(message: "credential \(name) asked for, but CREDENTIALS_DIRECTORY is not set"))
            }
            return Self.read(path: directory + "/" + name, what: "credential")
        }
    }

    private static func read(path: String, what: String) -> Result<String, SecretError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(SecretError(message: "cannot read secret \(what) \(path)"))
        }
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        guard !text.isEmpty else {
            return .failure(SecretError(message: "secret \(what) \(path) is empty"))
        }
        return .success(text)
    }
}

/// Why a secret could not be read: names the variable, credential or file,
/// never the secret.
public struct SecretError: LogSafeError, Sendable, Equatable {
    public let message: String

    public var description: String { message }
}
