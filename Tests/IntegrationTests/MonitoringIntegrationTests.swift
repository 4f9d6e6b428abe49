import Daemon
import Foundation
import Records
import Requests
import Store
import Testing

extension LiveStackTests {
    /// What `dsrd run` leaves for monitoring after a round: the counts on
    /// systemd's STATUS line and the Prometheus textfile.
    @Suite struct MonitoringIntegrationTests {
        /// Counts straight from the tables, to hold the daemon's figures against.
        struct Counted {
            var review: Int
            var open: Int
            var overdue: Int
            var outboxFailed: Int
        }

        func count(_ client: PostgresClient) async throws -> Counted {
            let open = RequestState.allCases.filter(\.isOpen).map(\.rawValue)
            let row = try #require(try await client.query("""
                SELECT count(*) FILTER (WHERE state = 'needs_review') AS review,
                       count(*) FILTER (WHERE state = ANY($1::text[])) AS open,
                       count(*) FILTER (WHERE state = ANY($1::text[])
                                        AND coalesce(extended_due_on, due_on) < $2::date) AS overdue,
                       (SELECT count(*) FROM dsr.outbox WHERE state = 'failed') AS failed
                FROM dsr.requests
                """, [.textArray(open), .text(Day(Date()).description)]).first)
            return Counted(review: try row.int("review"), open: try row.int("open"), overdue: try row.int("overdue"),
                           outboxFailed: try row.int("failed"))
        }

        @Test func aRoundPutsTheCountsOnTheStatusLineAndInTheMetricsFile() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            try await OutboxFixture.retireLeftovers(client)
            // One more request waiting for a person, past its deadline.
            var late = TestData.Request(subject: "metrics.case@example.org",
                                        receivedAt: Date().addingTimeInterval(-40 * 86_400))
            late.state = .needsReview
            late.dueOn = Day(Date()).adding(days: -3)
            let request = late
            try await client.withConnection { try TestData.open(request, in: $0) }
            let counted = try await count(client)
            #expect(counted.review >= 1 && counted.overdue >= 1)

            let directory = NSTemporaryDirectory() + "dsrd-metrics-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let metrics = directory + "/dsrd.prom"
            let config = try configVariant(stack) { $0["metrics"] = ["textfile": metrics] }
            defer { unlink(config) }
            let notify = try NotifySocket()
            let daemon = try DaemonProcess(arguments: ["run", "--once", "--config", config],
                                           environment: ["NOTIFY_SOCKET": notify.path])
            try daemon.start()
            #expect(await daemon.exitStatus(within: 60) == 0, "log: \(daemon.log)")
            #expect(notify.waitFor("STOPPING=1"))
            let status = try #require(notify.seen.first { $0.hasPrefix("STATUS=round 1: ") }, "seen: \(notify.seen)")
            // The round may close requests of its own, never open ones waiting for a person.
            let after = try await count(client)
            #expect(status.contains("review=\(after.review);") || status.contains("review=\(after.review) "),
                    "\(status)")
            #expect(status.contains("overdue=\(after.overdue)"), "\(status)")
            #expect(status.contains("open=\(after.open) "), "\(status)")

            let text = try String(contentsOfFile: metrics, encoding: .utf8)
            let lines = Set(text.split(separator: "\n").map(String.init))
            #expect(lines.contains("dsrd_requests{state=\"needs_review\"} \(after.review)"), "\(text)")
            #expect(lines.contains("dsrd_requests_overdue \(after.overdue)"))
            #expect(lines.contains("dsrd_outbox_messages{state=\"failed\"} \(after.outboxFailed)"))
            #expect(lines.contains("dsrd_rounds_total 1"))
            for stage in ["intake", "fulfil", "daily", "delivery"] {
                #expect(lines.contains("dsrd_stage_up{stage=\"\(stage)\"} 1"), "\(text)")
                #expect(lines.contains("dsrd_stage_failures_total{stage=\"\(stage)\"} 0"))
            }
            let success = try #require(lines.first { $0.hasPrefix("dsrd_last_successful_round_timestamp_seconds ") })
            let seconds = try #require(Double(success.split(separator: " ")[1]))
            #expect(abs(seconds - Date().timeIntervalSince1970) < 120)
            // Counts only: no address, no reference.
            #expect(!text.contains("@") && !text.contains(late.reference))

            // The version in the log at start, and the heartbeat `dsrd status --max-age` reads.
            let starting = daemon.log.split(separator: "\n").first { $0.contains("msg=starting ") }
            #expect(starting?.contains(" version=\(DSRDVersion.number)") == true, "\(daemon.log)")
            let beat = try #require(try await client.query("""
                SELECT version, last_round_at FROM dsr.heartbeat WHERE daemon = $1
                """, [.text(ProcessInfo.processInfo.hostName)]).first)
            #expect(try beat.string("version") == DSRDVersion.number)
            #expect(abs(try beat.date("last_round_at").timeIntervalSinceNow) < 120)
            let fresh = try await dsrd(["status", "--max-age", "300", "--config", config])
            #expect(fresh.status == 0, "\(fresh.errors)")
        }

        @Test func aDatabaseThatCannotBeReachedLeavesTheCountsOutAndTheFailuresIn() async throws {
            let stack = try LocalStack()
            let directory = NSTemporaryDirectory() + "dsrd-metrics-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let metrics = directory + "/dsrd.prom"
            let config = try configVariant(stack) { object in
                var postgres = object["postgres"] as? [String: Any] ?? [:]
                postgres["port"] = 1
                postgres["connect_timeout_seconds"] = 2
                object["postgres"] = postgres
                object["metrics"] = ["textfile": metrics]
            }
            defer { unlink(config) }
            let notify = try NotifySocket()
            let daemon = try DaemonProcess(arguments: ["run", "--once", "--config", config],
                                           environment: ["NOTIFY_SOCKET": notify.path])
            try daemon.start()
            #expect(await daemon.exitStatus(within: 60) == 1)
            #expect(notify.waitFor("STOPPING=1"))
            let status = try #require(notify.seen.first { $0.hasPrefix("STATUS=round 1: ") }, "seen: \(notify.seen)")
            #expect(!status.contains("open="), "\(status)")
            #expect(daemon.log.contains("msg=\"cannot read the request counts for status and metrics\""))
            let text = try String(contentsOfFile: metrics, encoding: .utf8)
            #expect(!text.contains("dsrd_requests"))
            #expect(text.contains("dsrd_stage_up{stage=\"delivery\"} 0"))
            #expect(text.contains("dsrd_stage_failures_total{stage=\"delivery\"} 1"))
            #expect(!text.contains("dsrd_last_successful_round_timestamp_seconds"))
        }

        /// The open figures are read after every round; the closed totals
        /// (whole-table counts) only once they are a minute old.
        @Test func closedTotalsAreCountedAgainOnlyAfterTheirInterval() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let directory = NSTemporaryDirectory() + "dsrd-totals-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let metrics = directory + "/dsrd.prom"
            let recorder = RoundRecorder(database: client, metricsPath: metrics, logger: Logger(level: .error),
                                         daemonName: "test-totals-\(UUID().uuidString.prefix(8))")
            func figure(_ state: String) throws -> Int {
                let text = try String(contentsOfFile: metrics, encoding: .utf8)
                let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("dsrd_requests{state=\"\(state)\"} ") })
                return try #require(Int(line.split(separator: " ")[1]))
            }
            func round(at date: Date) async -> StatusFigures? {
                await recorder.roundEnded(RoundEnd(round: 1, results: [], finishedAt: date))
            }
            let start = Date()
            let before = await round(at: start)
            let completedBefore = try figure("completed")
            // One more of each: a closed request and one waiting for a person.
            for state in [RequestState.completed, .needsReview] {
                var request = TestData.Request(subject: "totals.case@example.org")
                request.state = state
                let opened = request
                try await client.withConnection { try TestData.open(opened, in: $0) }
            }
            let soon = await round(at: start.addingTimeInterval(5))
            #expect(soon?.review == (before?.review ?? -1) + 1)
            #expect(try figure("completed") == completedBefore)
            _ = await round(at: start.addingTimeInterval(61))
            #expect(try figure("completed") == completedBefore + 1)
            await client.close()
        }
    }
}
