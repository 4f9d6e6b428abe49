import Foundation

/// JSON for the terminal: keys sorted, slashes as they are.
enum JSONOutput {
    /// One object (or array) on one line; `{}` if it cannot be written.
    static func line(_ object: Any) -> String {
        guard JSONSerialization.isValidJSONObject(object),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
              let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }
}
