import Foundation
import Store

/// The `details` jsonb of an audit event, written by a JSON writer (never
/// by pasting strings), keys sorted so equal details read the same.
enum AuditJSON {
    /// `{}` for details that are empty or cannot be written as JSON.
    static func encode(_ details: [String: Any]) -> String {
        guard !details.isEmpty else { return "{}" }
        if let text = JSONWriter.object(details) { return text }
        guard JSONSerialization.isValidJSONObject(details),
              let data = try? JSONSerialization.data(withJSONObject: details, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
