import LogSafety

/// Identifiers (table and column names) that come from configuration, made
/// safe to put into SQL: each dot-separated part must be a lower-case plain
/// identifier (`[a-z_][a-z0-9_]*`, at most 63 bytes) and is double-quoted.
/// Values never go through here: they are always bound parameters.
public enum SQLIdentifier {
    /// Whether `part` is one plain lower-case identifier.
    public static func isValid(_ part: String) -> Bool {
        let bytes = Array(part.utf8)
        guard let first = bytes.first, bytes.count <= 63, isStart(first) else { return false }
        return bytes.dropFirst().allSatisfy { isStart($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// `name` with each part validated and quoted: `shop.baskets` → `"shop"."baskets"`.
    /// - Parameter parts: how many dot-separated parts `name` must have.
    public static func quoted(_ name: String, parts: Int = 1) throws -> String {
        let pieces = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard pieces.count == parts, pieces.allSatisfy(isValid) else {
            throw SQLIdentifierError(name: name, expectedParts: parts)
        }
        return pieces.map { "\"\($0)\"" }.joined(separator: ".")
    }

    /// A qualified column name split into its table (`schema.table`) and column.
    public static func splitColumn(_ name: String) throws -> (table: String, column: String) {
        let pieces = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard pieces.count == 3, pieces.allSatisfy(isValid) else {
            throw SQLIdentifierError(name: name, expectedParts: 3)
        }
        return (pieces[0] + "." + pieces[1], pieces[2])
    }

    private static func isStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "_")
    }
}

/// A name that is not a usable identifier. Names of tables and columns are
/// configuration, not personal data, so the message may show them.
public struct SQLIdentifierError: LogSafeError, Sendable, Equatable {
    public let name: String
    public let expectedParts: Int

    public var description: String {
        "\"\(name)\" is not a lower-case SQL identifier with \(expectedParts) part(s)"
    }
}
