import Records
import Store
import Transport

/// Connects to PostgreSQL, the IMAP mailbox and the SMTP server once and
/// reports what it sees: the operator's "is everything reachable?".
public struct ServiceProbe: Sendable {
    public struct Report: Sendable {
        public var postgres: Result<PostgresFacts, PostgresError>
        public var imap: Result<MailboxStatus, TransportError>
        public var smtp: Result<Void, TransportError>

        public var allReachable: Bool {
            if case .failure = postgres { return false }
            if case .failure = imap { return false }
            if case .failure = smtp { return false }
            return true
        }
    }

    public struct PostgresFacts: Sendable {
        public var serverVersion: String
        public var schemaVersion: Int
        public var latestSchemaVersion: Int
    }

    public let config: DaemonConfig
    public let logger: Logger

    public init(config: DaemonConfig, logger: Logger) {
        self.config = config
        self.logger = logger
    }

    public func run() async -> Report {
        async let postgres = probePostgres()
        async let imap = probeIMAP()
        async let smtp = probeSMTP()
        return await Report(postgres: postgres, imap: imap, smtp: smtp)
    }

    private func probePostgres() async -> Result<PostgresFacts, PostgresError> {
        let client = PostgresClient(configuration: config.postgres)
        do {
            let version = try await client.serverVersion() ?? "?"
            let migrator = DSRSchema.migrator
            let schema = try await migrator.currentVersion(client)
            let latest = migrator.migrations.last?.version ?? 0
            logger.info("postgres reachable", ["server_version": version, "schema_version": schema, "latest_schema_version": latest])
            await client.close()
            return .success(PostgresFacts(serverVersion: version, schemaVersion: schema, latestSchemaVersion: latest))
        } catch let error as PostgresError {
            logger.error("postgres unreachable", ["error": error.description])
            return .failure(error)
        } catch {
            return .failure(PostgresError(kind: .connectionFailed, context: "probing"))
        }
    }

    private func probeIMAP() async -> Result<MailboxStatus, TransportError> {
        let client = IMAPClient(settings: config.imap.server)
        do {
            let status = try await client.status(of: config.imap.mailbox)
            logger.info("imap reachable", ["mailbox": config.imap.mailbox.rawValue, "messages": status.messages ?? -1,
                                           "uidvalidity": status.uidValidity, "uidnext": status.uidNext])
            return .success(status)
        } catch let error as TransportError {
            logger.error("imap unreachable", ["error": error.description])
            return .failure(error)
        } catch {
            return .failure(TransportError(kind: .connection, operation: "imap status"))
        }
    }

    private func probeSMTP() async -> Result<Void, TransportError> {
        let client = SMTPClient(settings: config.smtp)
        do {
            try await client.probe()
            logger.info("smtp reachable", ["url": config.smtp.url])
            return .success(())
        } catch let error as TransportError {
            logger.error("smtp unreachable", ["error": error.description])
            return .failure(error)
        } catch {
            return .failure(TransportError(kind: .connection, operation: "smtp noop"))
        }
    }
}
