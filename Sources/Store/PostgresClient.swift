import BlockingExecutor
/// The daemon's access to PostgreSQL: one connection, owned by an actor that
/// runs on a thread of its own, so libpq's blocking calls never occupy
/// Swift's cooperative pool. Callers `await` it; a lost connection is
/// reconnected on the next use.
public actor PostgresClient {
    private let executor: DispatchQueueExecutor
    private let connection: PostgresConnection

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    public init(configuration: PostgresConfiguration) {
        executor = DispatchQueueExecutor(label: "dsrd.postgres")
        connection = PostgresConnection(configuration: configuration)
    }

    /// Connects now (instead of at the first statement) and reports failure.
    public func connect() throws {
        try connection.connectIfNeeded()
    }

    public var isConnected: Bool { connection.isConnected }

    /// Runs one statement with bound parameters.
    ///
    /// With `retryOnConnectionLoss`, a statement that broke because the
    /// connection was lost is sent once more on a new connection: only for
    /// statements whose repetition is harmless (reads, idempotent writes).
    @discardableResult
    public func query(_ sql: String, _ parameters: [SQLValue] = [], retryOnConnectionLoss: Bool = false) throws -> QueryResult {
        do {
            return try connection.execute(sql, parameters)
        } catch let error as PostgresError where error.kind == .connectionLost && retryOnConnectionLoss {
            return try connection.execute(sql, parameters)
        }
    }

    /// Runs `body` on this client's connection outside a transaction: each
    /// statement commits by itself, as one sent with `query` does (the
    /// repositories' reads, and writes that stand alone).
    ///
    /// With `retryOnConnectionLoss`, a body that broke because the
    /// connection was lost runs once more on a new connection: only for
    /// bodies whose repetition is harmless (reads, idempotent writes).
    @discardableResult
    public func withConnection<T: Sendable>(
        retryOnConnectionLoss: Bool = false,
        _ body: @Sendable (PostgresConnection) throws -> T
    ) throws -> T {
        do {
            return try body(connection)
        } catch let error as PostgresError where error.kind == .connectionLost && retryOnConnectionLoss {
            return try body(connection)
        }
    }

    /// The server's version (`SHOW server_version`); nil when it says none.
    public func serverVersion() throws -> String? {
        try query("SHOW server_version").first?.string("server_version")
    }

    /// Runs `body` in one transaction on this client's connection.
    @discardableResult
    public func transaction<T: Sendable>(
        readOnly: Bool = false,
        _ body: @Sendable (PostgresConnection) throws -> T
    ) throws -> T {
        try connection.transaction(readOnly: readOnly, body)
    }

    /// Closes the connection (the next use reconnects).
    public func close() {
        connection.close()
    }
}
