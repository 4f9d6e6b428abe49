import Foundation
import Store
import Testing

/// Mail whose text is too long to read whole is never carried out on a
/// reading of its first part: it goes to a person. The same request alone
/// is carried out as usual.
extension LiveStackTests {
    @Suite struct LongTextIntakeIntegrationTests {
        private func erasureMail(from person: String, to notices: String, filler: Int) -> [UInt8] {
            let text = "Hei, slett alle opplysninger dere har om meg.\r\n"
                + String(repeating: "Vi gleder oss til konferansen i Bergen neste år.\r\n", count: filler)
            return Array(([
                "From: \(person)", "To: \(notices)", "Subject: Personvern",
                "Message-ID: <long-\(UUID().uuidString)@example.no>", "Date: Wed, 25 Nov 2026 10:00:00 +0100",
                "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
            ].joined(separator: "\r\n") + "\r\n" + text).utf8)
        }

        @Test func aTooLongTextGoesToAPersonAndTheSameRequestAloneIsCarriedOut() async throws {
            let harness = try IntakeHarness()
            let honest = LocalStack.uniqueAddress("kari", domain: "example.no")
            let cut = LocalStack.uniqueAddress("ola", domain: "example.no")
            let huge = LocalStack.uniqueAddress("per", domain: "example.no")
            // 0 lines, about 400 KiB (read only in part) and about 5 MiB (beyond the reader's limit).
            _ = try await harness.record(erasureMail(from: honest, to: harness.notices, filler: 0), uid: 1)
            _ = try await harness.record(erasureMail(from: cut, to: harness.notices, filler: 8_000), uid: 2)
            _ = try await harness.record(erasureMail(from: huge, to: harness.notices, filler: 100_000), uid: 3)
            let rows = try await harness.database.query("""
                SELECT i.from_address, i.outcome, r.state, r.kinds::text AS kinds FROM dsr.inbound i
                LEFT JOIN dsr.request_messages m ON m.inbound_id = i.id AND m.role = 'request'
                LEFT JOIN dsr.requests r ON r.id = m.request_id
                WHERE i.mailbox = $1 ORDER BY i.id
                """, [.text(harness.notices + "/INBOX")]).rows
            let seen = rows.map { "\($0["outcome"] ?? "-") \($0["state"] ?? "-") \($0["kinds"] ?? "-")" }
            // Carried out as usual / read in part: a person decides / unread: no request at all.
            #expect(seen == ["request received {erase}", "request needs_review {erase}", "unreadable - -"])
            let mailToHuge = try await harness.database.query(
                "SELECT count(*) AS n FROM dsr.outbox WHERE $1 = ANY(recipients)", [.text(huge)]).first?.int("n")
            #expect(mailToHuge == 0)
        }
    }
}
