import Daemon
import Foundation
import MailCore
import Store
import Testing

/// Hostile headers and attachments at intake: nothing of them may reach a
/// reply's header, and attachments are listed, bounded, never opened.
extension LiveStackTests {
    @Suite struct IntakeHostileContentTests {
        static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

        static func receivedDetails(_ harness: IntakeHarness, requestID: Int) async throws -> [String: Any] {
            let events = try await harness.audit(requestID: requestID).filter { $0["action"] == "received" }
            let text = try #require(events.first?["details"])
            #expect(events.count == 1)
            return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }

        @Test func injectedHeadersNeverReachTheReceipt() async throws {
            let harness = try IntakeHarness()
            let person = LocalStack.uniqueAddress("kari.nordmann", domain: "example.no")
            let subject = "=?utf-8?b?" + Self.base64("Slett meg\r\nBcc: x@example.net\r\n") + "?="
            let name = "=?utf-8?b?" + Self.base64("Kari \"Bcc: x@example.net\"\r\nBcc: x@example.net") + "?="
            let hostileFile = "=?utf-8?b?" + Self.base64("faktura\"\r\nBcc: x@example.net.pdf") + "?="
            let raw = [
                "From: \(name) \"Kari \\\"K\\\"\r\n Nordmann\" <\(person)>", "To: \(harness.notices)",
                "Subject: \(subject)", "Message-ID: <hostile-\(UUID().uuidString)@example.no>",
                "References: <earlier@example.no>\r\n\tBcc: x@example.net",
                "Date: Wed, 25 Nov 2026 10:00:00 +0100", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"part\"", "",
                "--part", "Content-Type: text/plain; charset=utf-8", "",
                "Hei, jeg ber dere slette alle personopplysninger dere har om meg.", "",
                "--part", "Content-Type: application/pdf; name=\"\(hostileFile)\"",
                "Content-Disposition: attachment; filename=\"\(hostileFile)\"", "Content-Transfer-Encoding: base64", "",
                Self.base64(String(repeating: "x", count: 300)), "",
                "--part", "Content-Type: image/png", "Content-Disposition: attachment; filename=\"kvittering.png\"",
                "Content-Transfer-Encoding: base64", "", Self.base64("0123456789"), "",
                "--part--", "",
            ].joined(separator: "\r\n")
            try await harness.deliver(raw, from: person, expectInbox: 1)
            _ = try await harness.stage().runOnce()

            #expect(try await harness.inbound().map { $0["outcome"] } == ["request"])
            let request = try #require(try await harness.requests().first)
            let outbox = try await harness.outbox(requestID: try request.int("id"))
            let receipt = try #require(outbox.first)
            #expect(outbox.count == 1)
            #expect(receipt["recipients"] == "{\(person)}")

            let bytes = try receipt.bytes("raw")
            let headerEnd = try #require(bytes.firstRange(of: Array("\r\n\r\n".utf8)))
            let header = String(decoding: bytes[..<headerEnd.lowerBound], as: UTF8.self)
            // Only CRLF line ends, every line a field or a folded continuation.
            #expect(!header.replacingOccurrences(of: "\r\n", with: "").contains { $0 == "\r" || $0 == "\n" })
            let lines = header.components(separatedBy: "\r\n")
            let names = lines.filter { !$0.hasPrefix(" ") && !$0.hasPrefix("\t") }
                .map { String($0.prefix { $0 != ":" }) }
            #expect(names == ["From", "To", "Subject", "Date", "Message-ID", "In-Reply-To", "References",
                              "Auto-Submitted", "Content-Language", "MIME-Version", "Content-Type",
                              "Content-Transfer-Encoding"])
            // No Bcc field anywhere (with its colon: a random Message-ID or
            // encoded word may hold the letters "bcc").
            #expect(!header.lowercased().contains("bcc:"))
            #expect(!header.contains("x@example.net"))
            let parsed = MessageReader.read(bytes)
            #expect(parsed.to.map(\.address) == [person])
            #expect(parsed.header("Bcc") == nil)

            // The attachments are listed by name and size, unopened.
            let details = try await Self.receivedDetails(harness, requestID: try request.int("id"))
            let listed = try #require(details["attachments"] as? [[String: Any]])
            #expect(listed.map { $0["size"] as? Int } == [300, 10])
            #expect(listed.last?["name"] as? String == "kvittering.png")
            let hostileName = try #require(listed.first?["name"] as? String)
            #expect(hostileName.hasPrefix("faktura\"") && hostileName.hasSuffix(".pdf"))
            #expect(!hostileName.contains("\r") && !hostileName.contains("\n"))
        }

        @Test func attachmentListIsBounded() async throws {
            let harness = try IntakeHarness()
            let person = LocalStack.uniqueAddress("emma.smith", domain: "example.org")
            var lines = ["From: \(person)", "To: \(harness.notices)", "Subject: Delete my data",
                         "Message-ID: <many-\(UUID().uuidString)@example.org>", "MIME-Version: 1.0",
                         "Content-Type: multipart/mixed; boundary=\"b\"", "",
                         "--b", "Content-Type: text/plain", "", "Please erase all personal data you hold about me.", ""]
            for index in 0..<60 {
                let name = index == 0 ? String(repeating: "n", count: 300) + ".txt" : "file-\(index).txt"
                lines += ["--b", "Content-Type: text/plain", "Content-Disposition: attachment; filename=\"\(name)\"", "",
                          "attachment \(index)", ""]
            }
            lines += ["--b--", ""]
            let outcome = try #require(try await harness.record(Array(lines.joined(separator: "\r\n").utf8), uid: 1))
            #expect(outcome.outcome == "request")
            let request = try #require(try await harness.requests().first)
            let details = try await Self.receivedDetails(harness, requestID: try request.int("id"))
            let listed = try #require(details["attachments"] as? [[String: Any]])
            #expect(listed.count == 50)
            #expect(details["attachments_not_listed"] as? Int == 10)
            #expect((listed.first?["name"] as? String)?.count == 200)
            #expect(listed.last?["name"] as? String == "file-49.txt")
            #expect(details["due_on"] is String)
            // Which build opened it.
            #expect(details["dsrd_version"] as? String == DSRDVersion.number)
        }
    }
}
