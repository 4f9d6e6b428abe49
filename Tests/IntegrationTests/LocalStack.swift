import Foundation
import Store
import Testing
import Transport

/// Every test that talks to the local servers is nested in this suite and
/// runs one at a time: some restart PostgreSQL or stop a server, which
/// would break a neighbour running in parallel.
@Suite(.serialized) enum LiveStackTests {}

/// The servers of `deploy/local/stack.sh up`, found through the variables
/// it exports. Missing variables fail the test with a clear message: these
/// tests never skip, since a green run without servers would prove nothing.
struct LocalStack {
    let environment: [String: String]

    struct NotUp: Error, CustomStringConvertible {
        let variable: String
        var description: String {
            "the local stack is not up ($\(variable) is not set): run eval \"$(deploy/local/stack.sh up)\" first"
        }
    }

    init() throws {
        environment = ProcessInfo.processInfo.environment
        for name in ["PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "DSRD_IMAP_URL", "DSRD_SMTP_URL",
                     "DSRD_TEST_MAIL_PASSWORD", "DSRD_IMAPS_URL", "DSRD_IMAP_CA_FILE", "DSRD_CONFIG"]
        where environment[name]?.isEmpty ?? true {
            throw NotUp(variable: name)
        }
    }

    private func value(_ name: String) -> String { environment[name] ?? "" }

    var postgres: PostgresConfiguration {
        PostgresConfiguration(host: value("PGHOST"), port: Int(value("PGPORT")) ?? 5432, database: value("PGDATABASE"),
                              user: value("PGUSER"), password: value("PGPASSWORD"), sslMode: "disable",
                              connectTimeoutSeconds: 5, applicationName: "dsrd-tests")
    }

    /// The role that owns schema `dsr`, as `dsrd migrate` connects
    /// (`DSRD_PG_OWNER`, `DSRD_PG_OWNER_PASSWORD`).
    func ownerPostgres() throws -> PostgresConfiguration {
        for name in ["DSRD_PG_OWNER", "DSRD_PG_OWNER_PASSWORD"] where environment[name]?.isEmpty ?? true {
            throw NotUp(variable: name)
        }
        var configuration = postgres
        configuration.user = value("DSRD_PG_OWNER")
        configuration.password = value("DSRD_PG_OWNER_PASSWORD")
        configuration.applicationName = "dsrd-tests-owner"
        return configuration
    }

    /// The cluster's superuser over its local socket (trust), for what only
    /// a DBA does: creating and dropping a scratch database.
    func superuserPostgres(database: String = "postgres") throws -> PostgresConfiguration {
        let state = value("DSRD_STACK_STATE")
        guard !state.isEmpty else { throw NotUp(variable: "DSRD_STACK_STATE") }
        return PostgresConfiguration(host: state + "/pg/run", port: Int(value("PGPORT")) ?? 5432, database: database,
                                     user: "postgres", password: nil, sslMode: "disable", connectTimeoutSeconds: 5,
                                     applicationName: "dsrd-tests-admin")
    }

    /// The daemon's role (`PGUSER`).
    var daemonRole: String { value("PGUSER") }

    var mailPassword: String { value("DSRD_TEST_MAIL_PASSWORD") }
    var caFile: String { value("DSRD_IMAP_CA_FILE") }
    var configPath: String { value("DSRD_CONFIG") }

    func imap(user: String, password: String? = nil, url: String? = nil, tls: TLSSettings = TLSSettings(mode: .none)) -> IMAPClient {
        IMAPClient(settings: MailServerSettings(url: url ?? value("DSRD_IMAP_URL"), username: user,
                                                password: password ?? mailPassword, tls: tls,
                                                connectTimeoutSeconds: 5, timeoutSeconds: 20))
    }

    var imapsURL: String { value("DSRD_IMAPS_URL") }

    func smtp() -> SMTPClient {
        SMTPClient(settings: MailServerSettings(url: value("DSRD_SMTP_URL"), tls: TLSSettings(mode: .none),
                                                connectTimeoutSeconds: 5, timeoutSeconds: 20))
    }

    /// What the stack's MX writes as its Authentication-Results about a
    /// message, chosen by the envelope sender (deploy/local/stack.sh).
    enum MXResult {
        /// `spf=pass`, `dkim=pass header.d=DOMAIN`, `dmarc=pass header.from=DOMAIN`.
        case dmarcPass
        /// `spf=fail`, `dkim=none`, `dmarc=fail header.from=DOMAIN`.
        case dmarcFail
        /// `spf=fail`, `dkim=none`, `dmarc=none`: a domain without DMARC.
        case noDMARC

        /// The envelope sender that makes the MX write this result about
        /// the domain of `address`.
        func envelopeSender(for address: String) -> String {
            let domain = address.split(separator: "@").last.map(String.init) ?? "example.org"
            switch self {
            case .dmarcPass: return "mx-dmarc-pass@\(domain)"
            case .dmarcFail: return "mx-dmarc-fail@\(domain)"
            case .noDMARC: return "mx-no-dmarc@\(domain)"
            }
        }
    }

    /// Puts `raw` into `user`'s INBOX byte for byte, as an MX set up unlike
    /// the stack's would have stored it: Dovecot's `doveadm save` with the
    /// stack's own Dovecot configuration, no SMTP, no LMTP.
    func store(_ raw: [UInt8], user: String) throws {
        let state = value("DSRD_STACK_STATE")
        guard !state.isEmpty else { throw NotUp(variable: "DSRD_STACK_STATE") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/doveadm")
        process.arguments = ["-c", state + "/dovecot/dovecot.conf", "save", "-u", user, "-m", "INBOX"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(raw))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw StoreFailed(status: process.terminationStatus) }
    }

    struct StoreFailed: Error, CustomStringConvertible {
        let status: Int32
        var description: String { "doveadm save ended with status \(status)" }
    }

    /// A fresh address at a test domain, so runs never see each other's mail.
    static func uniqueAddress(_ prefix: String, domain: String = "example.org") -> String {
        "\(prefix)-\(UInt64.random(in: 0..<UInt64.max) & 0xffff_ffff_ffff)@\(domain)"
    }

    /// Waits (bounded, 30 s) until the mailbox holds at least `count` messages.
    /// The bound is time, not looks: on a loaded machine a look itself can
    /// take a while, and a delivery Postfix deferred is retried after its backoff.
    func waitForMessages(_ client: IMAPClient, mailbox: MailboxName, count: Int) async throws -> MailboxStatus {
        // A fresh session per look: a session with the mailbox selected
        // may answer from its own, older view.
        await client.disconnect()
        var status = try await client.status(of: mailbox)
        let deadline = ContinuousClock.now + .seconds(30)
        while (status.messages ?? 0) < count && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            await client.disconnect()
            status = try await client.status(of: mailbox)
        }
        return status
    }
}

