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

        /// Values read from everyday wording: a new surname after "no longer
        /// A, but B" (the shared first name is no change), a diet after
        /// "change to", a title in a clause of its own after the employer.
        @Test func everydayCorrectionsAreRestatedWithTheirValues() async throws {
            let harness = try IntakeHarness()
            let letters = [
                ("mette.holm", "example.net", "Navneændring",
                 "Hej\n\nJeg blev gift i sommer. Jeg hedder derfor ikke længere Mette Kjærgaard, men Mette Holm. Vil I rette det i min profil?\n\nHilsen\nMette",
                 ["Holm"], ["Mette Holm", "Kjærgaard"]),
                ("vegard.lunde", "example.no", "Kosthold",
                 "Hei! Jeg står oppført uten matallergier, men jeg tåler ikke nøtter. Kan dere endre til nøtteallergi på profilen min? Takk",
                 ["nøtteallergi"], []),
                ("tomasz.w", "example.com", "endre jobb info",
                 "Hei\n\nPå listen deres jeg står som truckfører i Nordlast AS men det er ikke riktig lenger. Nå jeg jobber i Fjellvind Logistikk AS, stilling er lagersjef. Kan dere forandre dette takk.\n\nTomasz",
                 ["Fjellvind Logistikk AS", "lagersjef"], ["Nordlast AS", "truckfører"]),
                ("moritz.f", "example.com", "Neue Mailadresse",
                 "Hallo,\n\nmeine alte Adresse moritz.f@example.com wird Ende des Monats abgeschaltet. Bitte tragt ab sofort moritz.falk@example.net ein.\n\nMoritz",
                 ["moritz.falk@example.net"], []),
            ]
            for (number, (local, domain, subject, body, _, _)) in letters.enumerated() {
                let sender = LocalStack.uniqueAddress(local, domain: domain)
                try await harness.deliver(requestMail(from: sender, to: harness.notices, subject: subject, body: body,
                                                      messageID: "everyday-values-\(UUID().uuidString)@\(domain)"),
                                          from: sender, expectInbox: number + 1)
            }
            #expect(try await harness.stage().runOnce().handled == letters.count)
            let requests = try await harness.requests()
            #expect(requests.count == letters.count)
            for (request, letter) in zip(requests, letters) {
                #expect(request["kinds"] == "{rectify}", "\(letter.2)")
                let outbox = try await harness.outbox(requestID: try request.int("id"))
                let receiptRow = try #require(outbox.first { $0["template"] == "receipt" })
                let receipt = MessageReader.read(try receiptRow.bytes("raw")).text
                for value in letter.4 { #expect(receipt.contains(value), "\(letter.2): \(value)") }
                for old in letter.5 { #expect(!receipt.contains(old), "\(letter.2): \(old)") }
            }
        }
    }
}
