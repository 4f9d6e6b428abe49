/// The shape of names a data map may use: lower-case SQL identifiers
/// (`[a-z_][a-z0-9_]*`), and `schema.table` / `schema.table.column` made of them.
/// Anything else is refused, so a name from the map can be quoted into SQL safely.
public enum DataMapIdentifier {
    /// One plain identifier (`person_id`).
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 63, isStart(first) else { return false }
        return bytes.dropFirst().allSatisfy { isStart($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// `parts` identifiers joined by dots (`schema.table` for 2).
    public static func isValid(_ name: String, parts: Int) -> Bool {
        let pieces = name.split(separator: ".", omittingEmptySubsequences: false)
        return pieces.count == parts && pieces.allSatisfy { isValid(String($0)) }
    }

    private static func isStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "_")
    }
}
