import Daemon
import Foundation
import Records
import Store
import Testing

/// `--help`, `--version` and the exit statuses (sysexits) of the commands,
/// and `dsrd status --max-age` over the heartbeat.
extension LiveStackTests {
    @Suite struct CommandConventionsIntegrationTests {
        static let topics: [[String]] = [
            ["run"], ["check-config"], ["migrate"], ["probe"], ["status"], ["requests"], ["requests", "list"],
            ["requests", "show"], ["requests", "find"], ["requests", "export"], ["requests", "approve"],
            ["requests", "reject"], ["requests", "extend"], ["requests", "complete"], ["requests", "note"],
            ["outbox"], ["outbox", "list"], ["outbox", "show"], ["outbox", "retry"], ["outbox", "cancel"],
            ["suppression"], ["classify"], ["evaluate"], ["train-kinds"], ["bench-classify"], ["version"], ["help"],
        ]

        @Test func everyCommandAndSubcommandHasHelpOnStandardOutput() async throws {
            _ = try LocalStack()
            for topic in Self.topics {
                for flag in ["--help", "-h"] {
                    let run = try await dsrd(topic + [flag], environment: ["DSRD_CONFIG": "/nonexistent/dsrd.json"])
                    #expect(run.status == 0, "\(topic) \(flag): \(run.errors)")
                    #expect(run.output.hasPrefix("usage: dsrd \(topic.joined(separator: " "))"), "\(topic): \(run.output)")
                    #expect(run.errors.isEmpty, "\(topic) \(flag): \(run.errors)")
                }
                let help = try await dsrd(["help"] + topic)
                #expect(help.status == 0 && help.output.hasPrefix("usage: dsrd \(topic.joined(separator: " "))"), "\(topic)")
            }
            // Anywhere among the words, before a `--`; never running the command.
            let amid = try await dsrd(["requests", "complete", "DSR-X", "--note", "x", "--help"])
            #expect(amid.status == 0 && amid.output.hasPrefix("usage: dsrd requests complete"))
            let run = try await dsrd(["run", "--once", "--help"])
            #expect(run.status == 0 && run.output.hasPrefix("usage: dsrd run") && run.errors.isEmpty)
            for general in [["--help"], ["-h"], ["help"]] {
                let text = try await dsrd(general)
                #expect(text.status == 0 && text.output.hasPrefix("usage: dsrd COMMAND"))
                #expect(text.output.contains("64 usage") && text.output.contains("/etc/dsrd/config.json"))
            }
        }

        @Test func theVersionComesFromOnePlace() async throws {
            _ = try LocalStack()
            for word in ["--version", "-V", "version"] {
                let run = try await dsrd([word])
                #expect(run.status == 0 && run.output == "dsrd \(DSRDVersion.number)\n" && run.errors.isEmpty, "\(word)")
            }
        }

        @Test func usageErrorsExit64AndNameTheWrongWord() async throws {
            _ = try LocalStack()
            let cases: [([String], String?)] = [
                ([], nil),
                (["bogus"], "unknown command 'bogus'"),
                (["requests", "frobnicate"], "unknown subcommand 'frobnicate'"),
                (["requests", "list", "--bogus"], "unknown option --bogus"),
                (["requests", "list", "--state", "lost"], "unknown state 'lost'"),
                (["requests", "list", "--limit", "0"], "--limit needs a positive number"),
                (["requests", "list", "--limit", "5", "--all"], "give --limit N or --all, not both"),
                (["requests", "list", "--state"], "--state needs a value"),
                (["check-config", "--config"], "--config needs a file"),
                (["requests", "approve"], "give exactly one request reference"),
                (["requests", "reject", "DSR-X"], "give a reason the data subject reads"),
                (["requests", "note", "DSR-X"], "give the request reference and the note"),
                (["requests", "export", "--from", "2026-13-01"], "--from needs a date"),
                (["requests", "export", "--from", "2026-12-02", "--to", "2026-12-01"], "--from is after --to"),
                (["requests", "export", "--format", "xml"], "--format is csv or json"),
                (["outbox"], "give a subcommand"),
                (["outbox", "cancel", "12", "13"], "give exactly one message id"),
                (["status", "--max-age", "soon"], "--max-age needs a number of seconds"),
                (["suppression", "list"], "unknown subcommand 'list'"),
                (["help", "bogus"], "no command 'bogus'"),
                (["classify"], nil),
            ]
            for (words, message) in cases {
                let run = try await dsrd(words)
                #expect(run.status == 64, "\(words): \(run.status.map(String.init) ?? "-") \(run.errors)")
                #expect(run.output.isEmpty, "\(words): usage goes to standard error")
                if let message { #expect(run.errors.contains(message), "\(words): \(run.errors)") }
            }
            // A usage error ends before the configuration is read.
            let early = try await dsrd(["requests", "list", "--bogus"], environment: ["DSRD_CONFIG": "/nonexistent.json"])
            #expect(early.status == 64 && !early.errors.contains("nonexistent"))
        }

        @Test func configurationProblemsExit78() async throws {
            let stack = try LocalStack()
            let missing = try await dsrd(["requests", "list", "--config", "/nonexistent/dsrd.json"])
            #expect(missing.status == 78 && missing.errors.contains("cannot read /nonexistent/dsrd.json"))
            // Neither --config nor $DSRD_CONFIG: /etc/dsrd/config.json.
            if !FileManager.default.fileExists(atPath: ConfigLoader.defaultPath) {
                let fallback = try await dsrd(["status"], environment: ["DSRD_CONFIG": ""])
                #expect(fallback.status == 78 && fallback.errors.contains("cannot read /etc/dsrd/config.json"))
                #expect(fallback.errors.contains("is the default"))
            }
            let unknownKey = try configVariant(stack) { $0["bogus_key"] = 1 }
            defer { unlink(unknownKey) }
            for words in [["check-config"], ["requests", "list"], ["migrate"], ["status"]] {
                let run = try await dsrd(words + ["--config", unknownKey])
                #expect(run.status == 78 && run.errors.contains("bogus_key: unknown key"), "\(words): \(run.errors)")
            }
            // A decision that queues mail needs the templates; one that does not, does not.
            let empty = NSTemporaryDirectory() + "dsrd-no-templates-\(UUID().uuidString.prefix(6))"
            try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
            let noTemplates = try configVariant(stack) { $0["templates_dir"] = empty }
            defer { unlink(noTemplates); try? FileManager.default.removeItem(atPath: empty) }
            let reject = try await dsrd(["requests", "reject", "NO-SUCH-REF", "--reason", "x", "--config", noTemplates],
                                        environment: ["SUDO_USER": "kari"])
            #expect(reject.status == 78 && reject.errors.contains("templates_dir"), "\(reject.errors)")
            let approve = try await dsrd(["requests", "approve", "NO-SUCH-REF", "--config", noTemplates],
                                         environment: ["SUDO_USER": "kari"])
            #expect(approve.status == 1 && approve.errors.contains("no request with reference NO-SUCH-REF"))
        }

        @Test func anUnreachableDatabaseExits69() async throws {
            let stack = try LocalStack()
            let down = try configVariant(stack) { object in
                var postgres = object["postgres"] as? [String: Any] ?? [:]
                postgres["port"] = 1
                postgres["connect_timeout_seconds"] = 2
                object["postgres"] = postgres
            }
            defer { unlink(down) }
            for words in [["requests", "list"], ["requests", "show", "DSR-X"], ["outbox", "list"], ["status"],
                          ["requests", "note", "DSR-X", "text"], ["migrate"], ["probe"]] {
                let run = try await dsrd(words + ["--config", down], environment: ["SUDO_USER": "kari"])
                #expect(run.status == 69, "\(words): \(run.status.map(String.init) ?? "-") \(run.errors)")
            }
            let list = try await dsrd(["requests", "list", "--config", down])
            #expect(list.errors.contains("connectionFailed") && list.errors.contains("PostgreSQL cannot be reached"))
        }

        @Test func statusExits69WhenTheLastSuccessfulRoundIsTooOld() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let daemon = "test-host-\(UUID().uuidString.prefix(8))"
            let hourAgo = Date().addingTimeInterval(-3600)
            try await client.transaction { try DaemonHeartbeat($0).record(daemon: daemon, at: hourAgo, version: "0.9.0") }

            let stale = try await dsrd(["status", "--daemon", daemon, "--max-age", "600"])
            #expect(stale.status == 69, "\(stale.errors)")
            #expect(stale.errors.contains("the last successful round is older than 600 seconds"))
            #expect(stale.output.contains("by \(daemon), dsrd 0.9.0"))
            #expect(stale.output.contains("requests     open ") && stale.output.contains("outbox       pending="))
            let lenient = try await dsrd(["status", "--daemon", daemon, "--max-age", "7200"])
            #expect(lenient.status == 0, "\(lenient.errors)")
            let informative = try await dsrd(["status", "--daemon", daemon])
            #expect(informative.status == 0)

            // A round now: fresh; an older time recorded afterwards does not replace it.
            try await client.transaction { try DaemonHeartbeat($0).record(daemon: daemon, at: Date(), version: "0.9.1") }
            try await client.transaction { try DaemonHeartbeat($0).record(daemon: daemon, at: hourAgo, version: "0.9.0") }
            let fresh = try await dsrd(["status", "--daemon", daemon, "--max-age", "600", "--json"])
            #expect(fresh.status == 0, "\(fresh.errors)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(fresh.output.utf8)) as? [String: Any])
            #expect(object["daemon"] as? String == daemon && object["version"] as? String == "0.9.1")
            #expect(object["fresh"] as? Bool == true && (object["age_seconds"] as? Int ?? 999) < 120)
            #expect(object["open"] is [String: Int] && object["outbox"] is [String: Int])
            // Any daemon: the newest round of all counts.
            let any = try await dsrd(["status", "--max-age", "600"])
            #expect(any.status == 0, "\(any.errors)")

            let none = try await dsrd(["status", "--daemon", "never-ran-\(UUID().uuidString.prefix(6))", "--max-age", "600"])
            #expect(none.status == 69 && none.errors.contains("no successful round recorded"))
            #expect(none.output.contains("last round   none recorded"))
            await client.close()
        }
    }
}
