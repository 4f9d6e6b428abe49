import Foundation
import MailCore
import Requests
import Testing
@testable import Daemon

/// The daily jobs' pure parts: when each may run, and the digest's text and mail.
@Suite struct DailyJobsTests {
    private func instant(_ iso: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: iso)) }
    private func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

    /// Retention runs every day, whatever else is configured (it joined the
    /// schedule with `retention`: the expectations list it since).
    @Test func thePurgeAndRetentionRunAnyTimeAndTheDigestFromItsHourInOslo() throws {
        let both = DailySchedule(purgeEnabled: true, digestEnabled: true, digestHour: 7)
        // 05:59 UTC in winter is 06:59 in Oslo; 06:00 UTC is 07:00.
        #expect(both.jobs(at: try instant("2026-11-25T05:59:00Z")) == [.purge, .retention])
        #expect(both.jobs(at: try instant("2026-11-25T06:00:00Z")) == [.purge, .retention, .digest])
        #expect(both.jobs(at: try instant("2026-11-25T22:59:00Z")) == [.purge, .retention, .digest])
        // Midnight in Oslo starts a new day, before the hour again.
        #expect(both.jobs(at: try instant("2026-11-25T23:00:00Z")) == [.purge, .retention])
        // Summer time: 07:00 in Oslo is 05:00 UTC.
        #expect(both.jobs(at: try instant("2026-06-10T05:00:00Z")) == [.purge, .retention, .digest])
        #expect(DailySchedule.osloHour(try instant("2026-06-10T04:59:00Z")) == 6)

        let none = DailySchedule(purgeEnabled: false, digestEnabled: false, digestHour: 0)
        #expect(none.jobs(at: try instant("2026-11-25T12:00:00Z")) == [.retention])
        let digestOnly = DailySchedule(purgeEnabled: false, digestEnabled: true, digestHour: 0)
        #expect(digestOnly.jobs(at: try instant("2026-11-24T23:00:00Z")) == [.retention, .digest])
    }

    private func sample() throws -> OperatorDigest {
        OperatorDigest(day: try day("2026-11-25"), openByState: ["received": 4, "needs_review": 2], entries: [
            .init(reference: "JL-2026-SOON2", state: "received", kinds: ["access"], dueOn: try day("2026-12-02"),
                  extended: true),
            .init(reference: "JL-2026-LATE1", state: "needs_review", kinds: ["access", "erase"],
                  dueOn: try day("2026-11-20"), extended: false),
            .init(reference: "JL-2026-SOON1", state: "received", kinds: [], dueOn: try day("2026-11-25"), extended: false),
            .init(reference: "JL-2026-WAIT1", state: "needs_review", kinds: ["rectify"], dueOn: try day("2026-12-24"),
                  extended: false),
        ])
    }

    @Test func theDigestCountsByStateAndListsOverdueAndDueSoon() throws {
        let digest = try sample()
        #expect(digest.openCount == 6)
        #expect(digest.overdue.map(\.reference) == ["JL-2026-LATE1"])
        #expect(digest.dueSoon.map(\.reference) == ["JL-2026-SOON1", "JL-2026-SOON2"])
        #expect(digest.subject == "Privacy requests 2026-11-25: 6 open, 2 due within 7 days, 1 overdue")
        #expect(digest.body == """
            Privacy requests on 2026-11-25 (Europe/Oslo)

            Open: 6
              received               4
              awaiting_confirmation  0
              needs_review           2

            Waiting for a person (needs_review): 2
              2026-11-20  JL-2026-LATE1  needs_review  access,erase
              2026-12-24  JL-2026-WAIT1  needs_review  rectify

            Overdue (due before 2026-11-25): 1
              2026-11-20  JL-2026-LATE1  needs_review  access,erase

            Due within 7 days (2026-11-25 to 2026-12-02): 2
              2026-11-25  JL-2026-SOON1  received  -
              2026-12-02  JL-2026-SOON2  received  access  (extended)

            References, states, kinds and due dates only; for a request's details:
              dsrd requests show REFERENCE

            """)
    }

    @Test func anEmptyDayAndALongListStayReadable() throws {
        let empty = OperatorDigest(day: try day("2026-11-25"), openByState: [:], entries: [])
        #expect(empty.body.contains("Open: 0\n"))
        #expect(empty.body.contains("Overdue (due before 2026-11-25): 0\n  (none)\n"))
        let many = (0..<130).map { index in
            OperatorDigest.Entry(reference: "JL-2026-\(1000 + index)", state: "received", kinds: ["erase"],
                                 dueOn: Day(iso: "2026-10-01") ?? empty.day, extended: false)
        }
        let long = OperatorDigest(day: empty.day, openByState: ["received": 130], entries: many)
        #expect(long.body.contains("Overdue (due before 2026-11-25): 130\n"))
        #expect(long.body.contains("  … and 30 more (dsrd requests list)\n"))
        #expect(!long.body.contains("JL-2026-1100"))
    }

    @Test func theDigestMailIsInternalPlainWithARandomMessageID() throws {
        let digest = try sample()
        let date = try instant("2026-11-25T06:00:05Z")
        let mail = DigestMail.compose(digest, to: "operators@janteloppet.test", sender: "notices@janteloppet.test",
                                      organisation: "Janteloppet AS", date: date)
        // Tied to no request: a ComposedMail carries none, and the stage queues it
        // `for: nil` (DailyJobsIntegrationTests checks the row's request_id).
        #expect(mail.template == "digest")
        #expect(mail.envelopeFrom == "notices@janteloppet.test" && mail.recipients == ["operators@janteloppet.test"])
        let read = MessageReader.read(mail.raw)
        #expect(read.from.first?.address == "notices@janteloppet.test")
        #expect(read.subject == digest.subject)
        #expect(read.text.contains("2026-11-20  JL-2026-LATE1  needs_review  access,erase"))
        #expect(read.messageID == mail.messageID)
        #expect(read.headers.contains { $0.name.lowercased() == "auto-submitted" && $0.value == "auto-generated" })
        // Every digest has its own random Message-ID (the day's claim queues it once).
        let again = DigestMail.compose(digest, to: "operators@janteloppet.test", sender: "notices@janteloppet.test",
                                       organisation: "Janteloppet AS", date: date)
        #expect(again.messageID != mail.messageID && again.messageID.hasSuffix("@janteloppet.test"))
    }
}
