import Foundation
import CLibPQ

/// The one owner of a `PGconn*`. Synchronous and blocking: it is used only
/// from inside `PostgresClient`, whose executor is a thread of its own.
public final class PostgresConnection {
    private var handle: OpaquePointer?
    private let configuration: PostgresConfiguration
    /// True between BEGIN and COMMIT/ROLLBACK issued through `transaction`.
    private(set) var inTransaction = false
    /// Statements with parameters prepared on this connection, by their
    /// text: parsed once per connection, not at every execution (dsrd's
    /// statements are constant texts, a few dozen of them).
    private var prepared: [String: PreparedStatement] = [:]
    /// Numbers the statements' names on this connection.
    private var preparedSerial = 0
    /// More distinct statements than this and the prepared ones are
    /// dropped (`DEALLOCATE ALL`) and prepared again as they come.
    static let preparedLimit = 200
    /// A statement is prepared again after this many executions, then after
    /// twice as many, and so on (see `PreparedStatement`).
    static let firstReplan = 128

    init(configuration: PostgresConfiguration) {
        self.configuration = configuration
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    var isConnected: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Connects, or reconnects when the connection is gone. A failed
    /// connection attempt is finished and forgotten (libpq requires it).
    func connectIfNeeded() throws {
        if isConnected { return }
        if let handle {
            PQfinish(handle)
            self.handle = nil
        }
        inTransaction = false
        let pairs = configuration.keywordValuePairs
        let connection = withCStringArray(pairs.map(\.0)) { keywords in
            withCStringArray(pairs.map(\.1)) { values in
                PQconnectdbParams(keywords, values, 0)
            }
        }
        guard let connection else {
            throw PostgresError(kind: .connectionFailed, context: "connecting")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            PQfinish(connection)
            throw PostgresError(kind: .connectionFailed, context: "connecting")
        }
        handle = connection
        prepared.removeAll()
        preparedSerial = 0
        _ = try execute("SET TIME ZONE 'UTC'", [])
    }

    /// Closes the connection; the next statement connects again.
    func close() {
        if let handle { PQfinish(handle) }
        handle = nil
        inTransaction = false
        prepared.removeAll()
        preparedSerial = 0
    }

    /// The statements prepared on this connection (for tests).
    var preparedCount: Int { prepared.count }

    /// Runs one statement with bound parameters (`$1`, `$2`, …).
    @discardableResult
    public func execute(_ sql: String, _ parameters: [SQLValue] = []) throws -> QueryResult {
        // PostgreSQL text cannot hold NUL; libpq would cut the value there.
        if parameters.contains(where: { if case .text(let text) = $0 { return text.utf8.contains(0) } else { return false } }) {
            throw PostgresError(kind: .statementFailed, sqlState: "22021", context: "a text parameter contains NUL")
        }
        try connectIfNeeded()
        guard let handle else { throw PostgresError(kind: .connectionFailed, context: "connecting") }
        let name = parameters.isEmpty ? nil : try preparedName(for: sql, handle: handle)
        if name != nil { prepared[sql]?.executions += 1 }
        let result = StatementParameters(parameters).withC { count, values, lengths, formats in
            if let name {
                PQexecPrepared(handle, name, count, values, lengths, formats, 0)
            } else {
                PQexecParams(handle, sql, count, nil, values, lengths, formats, 0)
            }
        }
        defer { if let result { PQclear(result) } }
        guard let result else {
            throw lostOrFailed(handle: handle, result: nil)
        }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return Self.copy(result)
        default:
            throw lostOrFailed(handle: handle, result: result)
        }
    }

    /// The name `sql` is prepared under on this connection, preparing it
    /// now if it is not yet. Nil (run it unnamed, parsed this once) when the
    /// cache is full inside a transaction, where it cannot be emptied.
    private func preparedName(for sql: String, handle: OpaquePointer) throws -> String? {
        if let statement = prepared[sql] {
            // Not inside a failed transaction: the server would refuse the
            // statements, and the one asked for fails there anyway.
            guard statement.executions >= statement.replanAt,
                  PQtransactionStatus(handle) != PQTRANS_INERROR else { return statement.name }
            let name = try prepare(sql, handle: handle)
            try execute("DEALLOCATE \(statement.name)")
            prepared[sql] = PreparedStatement(name: name, executions: statement.executions,
                                              replanAt: statement.replanAt * 2)
            return name
        }
        if prepared.count >= Self.preparedLimit {
            guard !inTransaction else { return nil }
            try execute("DEALLOCATE ALL")
            prepared.removeAll()
        }
        let name = try prepare(sql, handle: handle)
        prepared[sql] = PreparedStatement(name: name, executions: 0, replanAt: Self.firstReplan)
        return name
    }

    /// Prepares `sql` on the server under a new name, and returns the name.
    private func prepare(_ sql: String, handle: OpaquePointer) throws -> String {
        preparedSerial += 1
        let name = "dsrd_\(preparedSerial)"
        guard let result = PQprepare(handle, name, sql, 0, nil) else {
            throw lostOrFailed(handle: handle, result: nil)
        }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else {
            throw lostOrFailed(handle: handle, result: result)
        }
        return name
    }

    /// Runs `body` inside BEGIN … COMMIT; any error rolls back and is rethrown.
    /// A connection lost during COMMIT leaves the outcome unknown
    /// (`connectionLost`): work done here must be safe to do again.
    @discardableResult
    public func transaction<T>(readOnly: Bool = false, _ body: (PostgresConnection) throws -> T) throws -> T {
        if inTransaction {
            throw PostgresError(kind: .unexpectedResult, context: "nested transaction")
        }
        try execute(readOnly ? "BEGIN READ ONLY" : "BEGIN")
        inTransaction = true
        do {
            let value = try body(self)
            inTransaction = false
            try execute("COMMIT")
            return value
        } catch {
            inTransaction = false
            if isConnected { _ = try? execute("ROLLBACK") }
            throw error
        }
    }

    private func lostOrFailed(handle: OpaquePointer, result: OpaquePointer?) -> PostgresError {
        if PQstatus(handle) != CONNECTION_OK {
            close()
            return PostgresError(kind: .connectionLost, context: "running a statement")
        }
        guard let result else {
            return PostgresError(kind: .statementFailed, context: "running a statement")
        }
        func field(_ code: Character) -> String? {
            guard let ascii = code.asciiValue, let pointer = PQresultErrorField(result, Int32(ascii)) else { return nil }
            return String(cString: pointer)
        }
        // 67 = 'C' (PG_DIAG_SQLSTATE), not imported into Swift.
        return PostgresError(
            kind: .statementFailed, sqlState: field("C"), constraint: field("n"),
            table: field("t"), column: field("c"), context: "running a statement"
        )
    }

    private static func copy(_ result: OpaquePointer) -> QueryResult {
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        let types = (0..<columnCount).map { UInt32(PQftype(result, Int32($0))) }
        var rows: [QueryResult.Row] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
            rows.append(QueryResult.Row(columns: columns, values: values))
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        return QueryResult(columns: columns, rows: rows, affectedRows: affected, columnTypes: types)
    }
}

/// A statement prepared on one connection, and when it is prepared again.
///
/// PostgreSQL plans a prepared statement for its parameters five times,
/// then settles on one generic plan, costed with the tables' sizes of that
/// moment, and keeps it until the tables are analysed again (autovacuum
/// looks once a minute at most). dsrd's tables start empty and may take in
/// a backlog of thousands of messages in less than that: a plan made on an
/// empty table (a sequential scan, or the mailbox's index for one sender's
/// messages) then reads the whole growing table at every message. Prepared
/// again after 128 executions, 256, 512 and so on, a statement's plan is
/// always made on tables at least half as large as they are now, for a
/// cost that grows with the logarithm of its executions.
struct PreparedStatement {
    var name: String
    /// Executions on this connection since the text was first prepared.
    var executions: Int
    /// At this count it is prepared again.
    var replanAt: Int
}

/// Calls `body` with a NULL-terminated `char**` whose strings live for the call.
private func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
    pointers.append(nil)
    return pointers.withUnsafeBufferPointer { buffer in
        // The buffer is never empty: it ends with the terminating nil.
        body(buffer.baseAddress.unsafelyUnwrapped)
    }
}
