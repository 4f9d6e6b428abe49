import Daemon
import Foundation
import FuzzSupport
import MailCore
import Store
import Testing

/// 1,000 random and mutated messages through `IntakeRecorder.record` on the
/// real database, each in its own transaction: nothing may crash, hang or
/// throw, and every message ends with exactly one ledger row. Seeded, so a
/// failure names an iteration that can be replayed.
extension LiveStackTests {
    @Suite struct IntakeFuzzIntegrationTests {
        static let iterations = 1_000
        static let maximumInput = 256 * 1024

        /// The classifier's fixtures and MailCore's test messages, with every
        /// address and Message-ID moved under `tag` (a subdomain) so that this
        /// run's requests, repeats and duplicates are its own.
        static func seeds(tag: String) throws -> [[UInt8]] {
            let classify = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("RequestsTests/Fixtures/classify")
            let files = try #require(FileManager.default.enumerator(at: classify, includingPropertiesForKeys: nil))
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "eml" }
                .sorted { $0.path < $1.path }
            #expect(files.count > 50)
            let messages = try files.map { try Array(Data(contentsOf: $0)) } + MailFixtures.all
            return messages.map { message in
                var moved: [UInt8] = []
                for byte in message {
                    moved.append(byte)
                    if byte == UInt8(ascii: "@") { moved += Array("\(tag).".utf8) }
                }
                return moved
            }
        }

        static func input(_ iteration: Int, seeds: [[UInt8]], random: inout SeededGenerator) -> [UInt8] {
            if iteration % 10 == 9 {
                return (0..<random.below(4_096)).map { _ in
                    let roll = random.below(10)
                    return roll == 0 ? 0x0A : roll == 1 ? UInt8(truncatingIfNeeded: random.next()) : UInt8(0x20 + random.below(95))
                }
            }
            var bytes = seeds[random.below(seeds.count)]
            for _ in 0..<(1 + random.below(6)) {
                Mutation.apply(random.below(Mutation.count), to: &bytes, random: &random)
                if bytes.count > maximumInput { bytes.removeLast(bytes.count - maximumInput) }
            }
            return bytes
        }

        static let attempts = 15

        /// One message in one transaction; its receipt, if any, is marked
        /// failed at once: receipts to made-up addresses are never to be sent
        /// by a delivery stage sharing this database. A request it opens is
        /// held for review (still open, so repeats are recognised), never
        /// carried out by a fulfil stage sharing the database.
        static func record(_ fetched: IntakeRecorder.Fetched, recorder: IntakeRecorder,
                           database: PostgresClient) async throws {
            _ = try await database.transaction { connection in
                let outcome = try recorder.record(fetched, in: connection, now: Date())
                try connection.execute("""
                    UPDATE dsr.outbox SET state = 'failed', last_error = 'fuzz test: not to be sent'
                    WHERE state = 'pending' AND request_id IN
                        (SELECT request_id FROM dsr.request_messages WHERE inbound_id = $1)
                    """, [.int(outcome?.inboundID)])
                try connection.execute("""
                    UPDATE dsr.requests SET state = 'needs_review', state_reason = 'fuzz test: not to be carried out'
                    WHERE state = 'received' AND id IN
                        (SELECT request_id FROM dsr.request_messages WHERE inbound_id = $1)
                    """, [.int(outcome?.inboundID)])
                return outcome?.outcome
            }
        }

        @Test(.timeLimit(.minutes(3))) func randomAndMutatedMessagesAreRecordedOnce() async throws {
            var limits = DaemonConfig.Limits.standard
            limits.senderRequests = 3
            limits.globalRequests = 100_000
            let harness = try IntakeHarness(limits: limits)
            let recorder = IntakeRecorder(settings: harness.components.intake,
                                          writer: harness.components.writer)
            // A tag of fixed length, so the seeded mutations are the same in every run.
            let tag = "f" + String(String(UInt64.random(in: 0...UInt64.max), radix: 16).suffix(8))
                .padding(toLength: 8, withPad: "0", startingAt: 0)
            let seeds = try Self.seeds(tag: tag)
            var random = SeededGenerator(seed: 0x6473_7264_6675_7a7a)
            var failures: [String] = []
            for iteration in 0..<Self.iterations {
                let fetched = IntakeRecorder.Fetched(uidValidity: 1, uid: UInt64(iteration + 1),
                                                     raw: Self.input(iteration, seeds: seeds, random: &random),
                                                     receivedAt: Date())
                // The stack is shared: when someone restarts PostgreSQL the
                // transaction is rolled back (or its COMMIT is in doubt), and
                // the message is recorded again, as the daemon would.
                for attempt in 1...Self.attempts {
                    do {
                        try await Self.record(fetched, recorder: recorder, database: harness.database)
                        break
                    } catch let error as PostgresError
                        where [.connectionLost, .connectionFailed].contains(error.kind) && attempt < Self.attempts {
                        try await Task.sleep(for: .seconds(1))
                    } catch {
                        failures.append("iteration \(iteration): \(error)")
                        break
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.prefix(5))")

            let ledger = try await harness.rows("""
                SELECT count(*) AS messages, count(DISTINCT uid) AS uids,
                       count(*) FILTER (WHERE outcome = 'recorded') AS undecided
                FROM dsr.inbound WHERE mailbox = $1
                """, [.text(harness.notices + "/INBOX")])
            #expect(try ledger.first?.int("messages") == Self.iterations)
            #expect(try ledger.first?.int("uids") == Self.iterations)
            #expect(try ledger.first?.int("undecided") == 0)
            // The new paths were taken, not only the old ones.
            let outcomes = Set(try await harness.inbound().compactMap { $0["outcome"] })
            #expect(outcomes.isSuperset(of: ["request", "repeat", "rate_limited", "unreadable"]))
        }
    }
}
