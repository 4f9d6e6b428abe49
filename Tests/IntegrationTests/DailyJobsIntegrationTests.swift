import Foundation
import Records
import MailCore
import Requests
import Store
import Testing
@testable import Daemon
import DaemonTesting

/// The daily stage on the shared database. Each test uses job names and a
/// digest address of its own, so its days never meet another run's.
private struct DailyFixture {
    let stack: LocalStack
    let client: PostgresClient
    let suffix = UUID().uuidString.prefix(8).uppercased()

    init() throws {
        stack = try LocalStack()
        client = PostgresClient(configuration: stack.postgres)
    }

    func stage(clock: any WallClock, dataMap: DataMap?, digestAddress: String?) -> DailyJobsStage {
        var settings = DailyJobsStage.Settings(dataMap: dataMap, digestAddress: digestAddress, digestHour: 7,
                                               sender: "notices@janteloppet.test", organisationName: "Janteloppet AS")
        settings.purgeJobName = "test-purge-\(suffix)"
        settings.digestJobName = "test-digest-\(suffix)"
        settings.retentionJobName = "test-retention-\(suffix)"
        return DailyJobsStage(database: client, clock: clock, logger: Logger(level: .error), settings: settings)
    }

    /// Removes this fixture's rows of `dsr.daily_jobs`, as the schema's owner
    /// (the daemon's role may not delete them).
    func forgetJobs() async throws {
        let owner = PostgresClient(configuration: try stack.ownerPostgres())
        try await owner.query("DELETE FROM dsr.daily_jobs WHERE job = ANY($1::text[])",
                              [.textArray(["test-purge-\(suffix)", "test-digest-\(suffix)", "test-retention-\(suffix)"])])
        await owner.close()
    }

    /// An order without a customer, held until `erasableOn`; the order's id.
    func heldOrder(_ label: String, erasableOn: Day) async throws -> String {
        let id = try #require(try await client.query("""
            INSERT INTO crm.orders (order_number, ordered_at, buyer_name, billing_address, billing_postcode, billing_city,
                                    payment_method, amount_nok, vat_nok, status)
            VALUES ($1, '2019-03-01T10:00:00Z', 'Testa Slettesen', 'Testveien 1', '0150', 'Oslo', 'invoice', 100, 20,
                    'paid')
            RETURNING id::text AS id
            """, [.text("JL-DAILY-\(suffix)-\(label)")]).first?.string("id"))
        let subjectRef = String(repeating: "0", count: 56) + suffix
        try await client.transaction { connection in
            try Holds(connection).hold(subjectRef: subjectRef, table: "crm.orders", rowKeyJSON: #"{"id": \#(id)}"#,
                                       erasableOn: erasableOn, reason: "test hold")
        }
        return id
    }

    func orderExists(_ id: String) async throws -> Bool {
        try await client.query("SELECT 1 FROM crm.orders WHERE id = $1::bigint", [.text(id)]).first != nil
    }

    func holdPurged(_ id: String) async throws -> Bool {
        try await client.query("""
            SELECT purged_at IS NOT NULL AS purged FROM dsr.holds
            WHERE table_name = 'crm.orders' AND row_key = jsonb_build_object('id', $1::bigint)
            """, [.text(id)]).first?.bool("purged") ?? false
    }

    /// Noon in Oslo on the Oslo day of `date`, moved by `days`.
    static func osloNoon(of date: Date, plusDays days: Int = 0) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Day.osloTimeZone
        let day = Day(date, timeZone: Day.osloTimeZone).adding(days: days)
        return try #require(calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)))
    }
}

extension LiveStackTests {
    @Suite struct DailyJobsIntegrationTests {
        @Test func theStagePurgesAnEndedHoldOnceADay() async throws {
            let fixture = try DailyFixture()
            let started = Date()
            let clock = ManualWallClock(try DailyFixture.osloNoon(of: started))
            let today = Day(clock.now(), timeZone: Day.osloTimeZone)
            let map = try FulfilmentFixture.map()
            let first = try await fixture.heldOrder("A", erasableOn: today.adding(days: -1))
            let notYet = try await fixture.heldOrder("B", erasableOn: today.adding(days: 1))

            // Two jobs ran: the purge, and retention (which runs every day
            // since `retention`; the counts here include it).
            let stage = fixture.stage(clock: clock, dataMap: map, digestAddress: nil)
            #expect(try await stage.runOnce().handled == 2)
            #expect(try await !fixture.orderExists(first))
            #expect(try await fixture.holdPurged(first))
            #expect(try await fixture.orderExists(notYet))
            let audited = try await fixture.client.query("""
                SELECT details::text AS details FROM dsr.audit_events
                WHERE action = 'held_rows_purged' AND actor = 'dsrd:daily' AND request_id IS NULL AND at >= $1
                """, [.timestamp(started.addingTimeInterval(-1))]).rows
            #expect(audited.contains { ($0["details"] ?? "").contains("\"crm.orders\": ") })

            // A hold found ended after today's purge waits for tomorrow, in this
            // process and in a new one (another daemon, a restart).
            let second = try await fixture.heldOrder("C", erasableOn: today.adding(days: -1))
            #expect(try await stage.runOnce().handled == 0)
            #expect(try await fixture.stage(clock: clock, dataMap: map, digestAddress: nil).runOnce().handled == 0)
            #expect(try await fixture.orderExists(second))

            clock.set(try DailyFixture.osloNoon(of: started, plusDays: 1))
            #expect(try await fixture.stage(clock: clock, dataMap: map, digestAddress: nil).runOnce().handled == 2)
            #expect(try await !fixture.orderExists(second))
            #expect(try await !fixture.orderExists(notYet))
            // Without a data map there is no purge at all (retention only).
            clock.set(try DailyFixture.osloNoon(of: started, plusDays: 2))
            #expect(try await fixture.stage(clock: clock, dataMap: nil, digestAddress: nil).runOnce().handled == 1)
            try await fixture.forgetJobs()
        }

        @Test func theStageQueuesOneDigestPerDayFromItsHour() async throws {
            let fixture = try DailyFixture()
            let address = LocalStack.uniqueAddress("operators", domain: "janteloppet.test")
            let noon = try DailyFixture.osloNoon(of: Date())
            let today = Day(noon, timeZone: Day.osloTimeZone)
            let early = ManualWallClock(noon.addingTimeInterval(-6 * 3600))  // 06:00 in Oslo
            // Before the hour only retention runs (any time of day).
            #expect(try await fixture.stage(clock: early, dataMap: nil, digestAddress: address).runOnce().handled == 1)

            let clock = ManualWallClock(noon)
            let stage = fixture.stage(clock: clock, dataMap: nil, digestAddress: address)
            #expect(try await stage.runOnce().handled == 1)
            #expect(try await stage.runOnce().handled == 0)
            clock.advance(by: 3600)
            #expect(try await fixture.stage(clock: clock, dataMap: nil, digestAddress: address).runOnce().handled == 0)

            let rows = try await fixture.client.query("""
                SELECT request_id, template, envelope_from, raw FROM dsr.outbox WHERE recipients = $1::text[]
                """, [.textArray([address])]).rows
            #expect(rows.count == 1)
            let row = try #require(rows.first)
            #expect(row["request_id"] == nil && row["template"] == "digest")
            let mail = MessageReader.read(try row.bytes("raw"))
            #expect(mail.subject.hasPrefix("Privacy requests \(today): "))
            #expect(mail.text.contains("Open: ") && mail.text.contains("Overdue (due before \(today)): "))
            #expect(!mail.text.contains("@"))
            try await fixture.forgetJobs()
        }

        @Test func theDigestCountsWhatTheDatabaseHolds() async throws {
            let fixture = try DailyFixture()
            let today = Day(Date(), timeZone: Day.osloTimeZone)
            struct RolledBack: Error {}
            await #expect(throws: RolledBack.self) { try await fixture.client.transaction { connection in
                // One snapshot for the test's own counts and the digest's; nothing is kept.
                try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                func insert(_ label: String, state: RequestState, kinds: Set<RequestKind>, due: Day, extended: Day? = nil) throws {
                    var request = TestData.Request(subject: "kari.nordmann@example.no", dueOn: due)
                    request.reference = "T-DAILY-\(fixture.suffix)-\(label)"
                    request.state = state
                    request.kinds = kinds
                    request.extendedDueOn = extended
                    request.confidence = 0.5
                    try TestData.open(request, in: connection)
                }
                try insert("LATE", state: .needsReview, kinds: [.access, .erase], due: today.adding(days: -3))
                try insert("SOON", state: .received, kinds: [.object], due: today.adding(days: -20),
                           extended: today.adding(days: 2))
                try insert("LATER", state: .awaitingConfirmation, kinds: [.access], due: today.adding(days: 30))
                try insert("DONE", state: .completed, kinds: [.erase], due: today.adding(days: -3))
                try insert("WAITING", state: .needsReview, kinds: [.rectify], due: today.adding(days: 30))

                let digest = try OperatorDigest.read(day: today, in: connection)
                var expected: [String: Int] = [:]
                for row in try connection.execute("""
                    SELECT state, count(*) AS n FROM dsr.requests
                    WHERE state IN ('received', 'awaiting_confirmation', 'needs_review') GROUP BY state
                    """).rows {
                    expected[try row.string("state")] = try row.int("n")
                }
                #expect(digest.openByState == expected)
                let overdue = try connection.execute("""
                    SELECT count(*) AS n FROM dsr.requests
                    WHERE state IN ('received', 'awaiting_confirmation', 'needs_review')
                      AND coalesce(extended_due_on, due_on) < $1::date
                    """, [.text(today.description)]).first?.int("n")
                #expect(digest.overdue.count == overdue)
                let mine = digest.entries.filter { $0.reference.hasPrefix("T-DAILY-\(fixture.suffix)-") }
                #expect(mine == [
                    .init(reference: "T-DAILY-\(fixture.suffix)-LATE", state: "needs_review", kinds: ["access", "erase"],
                          dueOn: today.adding(days: -3), extended: false),
                    .init(reference: "T-DAILY-\(fixture.suffix)-SOON", state: "received", kinds: ["object"],
                          dueOn: today.adding(days: 2), extended: true),
                    // Waiting for a person: listed whatever its deadline.
                    .init(reference: "T-DAILY-\(fixture.suffix)-WAITING", state: "needs_review", kinds: ["rectify"],
                          dueOn: today.adding(days: 30), extended: false),
                ])
                #expect(digest.waitingForAPerson.map(\.reference).filter { $0.hasPrefix("T-DAILY-\(fixture.suffix)-") }
                        == ["T-DAILY-\(fixture.suffix)-LATE", "T-DAILY-\(fixture.suffix)-WAITING"])
                #expect(digest.body.contains("T-DAILY-\(fixture.suffix)-WAITING"))
                #expect(digest.dueSoon.contains { $0.reference == "T-DAILY-\(fixture.suffix)-SOON" })
                #expect(!digest.body.contains("example.no"))
                throw RolledBack()
            } }
        }
    }
}
