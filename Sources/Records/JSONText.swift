import Foundation
import Store

/// Reading JSON that PostgreSQL built (`array_to_json`, `jsonb`), and
/// writing counts for audit events.
enum JSONText {
    /// `{"key": n, …}`, keys sorted.
    static func object(_ counts: [String: Int]) -> String {
        JSONWriter.object(counts) ?? "{}"
    }

    static func strings(_ text: String) throws -> [String] {
        guard let values = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
            throw PostgresError(kind: .unexpectedResult, context: "reading a text array")
        }
        return values
    }
}
