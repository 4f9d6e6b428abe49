import Foundation

/// The rows of one statement, copied out of libpq's result so no C memory
/// outlives the call. Values are in PostgreSQL's text format.
public struct QueryResult: Sendable {
    public let columns: [String]
    public let rows: [Row]
    /// The number of rows an INSERT/UPDATE/DELETE touched (`PQcmdTuples`).
    public let affectedRows: Int
    /// Each column's type as PostgreSQL's type OID (`PQftype`: 16 boolean,
    /// 25 text …), in the order of `columns`; empty when not known.
    public let columnTypes: [UInt32]

    /// The OID of PostgreSQL's `boolean`.
    public static let booleanType: UInt32 = 16

    public init(columns: [String], rows: [Row], affectedRows: Int, columnTypes: [UInt32] = []) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
        self.columnTypes = columnTypes
    }

    /// The columns whose type is `boolean` (text values `t` and `f`).
    public var booleanColumns: Set<String> {
        Set(zip(columns, columnTypes).filter { $0.1 == Self.booleanType }.map(\.0))
    }

    public var first: Row? { rows.first }

    public struct Row: Sendable {
        let columnIndex: [String: Int]
        public let values: [String?]

        public init(columns: [String], values: [String?]) {
            var index: [String: Int] = [:]
            for (position, name) in columns.enumerated() where index[name] == nil {
                index[name] = position
            }
            columnIndex = index
            self.values = values
        }

        public subscript(_ column: String) -> String? {
            guard let position = columnIndex[column] else { return nil }
            return values[position]
        }

        public func string(_ column: String) throws -> String {
            guard let value = self[column] else { throw missing(column) }
            return value
        }

        public func int(_ column: String) throws -> Int {
            guard let text = self[column], let value = Int(text) else { throw missing(column) }
            return value
        }

        public func optionalInt(_ column: String) -> Int? { self[column].flatMap { Int($0) } }

        public func bool(_ column: String) throws -> Bool {
            guard let text = self[column] else { throw missing(column) }
            return text == "t" || text == "true"
        }

        public func date(_ column: String) throws -> Date {
            guard let text = self[column], let date = TimestampFormat.date(from: text) else { throw missing(column) }
            return date
        }

        public func optionalDate(_ column: String) -> Date? { self[column].flatMap(TimestampFormat.date(from:)) }

        /// A `bytea` value in the server's hex output format (`\x…`).
        public func bytes(_ column: String) throws -> [UInt8] {
            guard let text = self[column], let bytes = ByteaHex.decode(text) else { throw missing(column) }
            return bytes
        }

        private func missing(_ column: String) -> PostgresError {
            PostgresError(kind: .unexpectedResult, column: column, context: "reading a column")
        }
    }
}

/// PostgreSQL's hex format for `bytea` output.
enum ByteaHex {
    static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"),
              utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((utf8.count - 2) / 2)
        var index = 2
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
