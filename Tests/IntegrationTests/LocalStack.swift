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

    /// A fresh address at a test domain, so runs never see each other's mail.
    static func uniqueAddress(_ prefix: String, domain: String = "example.org") -> String {
        "\(prefix)-\(UInt64.random(in: 0..<UInt64.max) & 0xffff_ffff_ffff)@\(domain)"
    }

    /// Waits (bounded) until the mailbox holds at least `count` messages.
    func waitForMessages(_ client: IMAPClient, mailbox: MailboxName, count: Int) async throws -> MailboxStatus {
        // A fresh session per look: a session with the mailbox selected
        // may answer from its own, older view.
        await client.disconnect()
        var status = try await client.status(of: mailbox)
        for _ in 0..<100 where (status.messages ?? 0) < count {
            try await Task.sleep(for: .milliseconds(100))
            await client.disconnect()
            status = try await client.status(of: mailbox)
        }
        return status
    }
}

