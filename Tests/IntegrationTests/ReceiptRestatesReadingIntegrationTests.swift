import Daemon
import Foundation
import MailCore
import Requests
import Testing

extension LiveStackTests {
    /// The receipt says what dsrd understood: the kinds and a correction's
    /// new values, with an invitation to put a misreading right by reply.
    @Suite struct ReceiptRestatesReadingIntegrationTests {
        @Test func aCorrectionsReceiptNamesTheNewValueAsRead() async throws {
            let ola = LocalStack.uniqueAddress("ola.hansen", domain: "example.no")
            let harness = try IntakeHarness()
            let mail = requestMail(from: "Ola Hansen <\(ola)>", to: harness.notices, subject: "Nytt nummer",
                                   body: "Hei,\n\nmitt nye mobilnummer er 412 34 567. Kan dere oppdatere det?\n\nOla",
                                   messageID: "receipt-values-\(UUID().uuidString)@example.no")
            try await harness.deliver(mail, from: ola, expectInbox: 1)
            #expect(try await harness.stage().runOnce().handled == 1)

            let request = try #require(try await harness.requests().first)
            #expect(request["kinds"] == "{rectify}")
            let outbox = try await harness.outbox(requestID: try request.int("id"))
            let receiptRow = try #require(outbox.first { $0["template"] == "receipt" })
            let receipt = MessageReader.read(try receiptRow.bytes("raw"))
            #expect(receipt.text.contains("rette personopplysninger om deg"))
            #expect(receipt.text.contains("+4741234567") || receipt.text.contains("412 34 567"))
            #expect(receipt.text.contains("lest en verdi feil"))
        }
    }
}
