import Foundation
import Testing
@testable import MailCore

/// A queued message sent again to another recipient: a new To, Message-ID
/// and Date, every other byte the original's.
@Suite struct RedirectedMailTests {
    private func original(attachments: [OutgoingAttachment] = []) -> ComposedMail {
        // A long display name, so the To field is folded over two lines.
        let mail = OutgoingMail(
            from: MailAddress(displayName: "Janteloppet personvern", address: "notices@janteloppet.test"),
            to: [MailAddress(displayName: "Kari Nordmann med et svært langt visningsnavn som må brettes over to linjer",
                             address: "kari.nordmann@example.no")],
            subject: "Vi har mottatt forespørselen din",
            date: Date(timeIntervalSince1970: 1_795_600_800),
            messageID: "first0000000000000000000000000000@janteloppet.test",
            inReplyTo: "in-1@example.no", references: ["in-1@example.no"], autoSubmitted: "auto-replied",
            contentLanguage: "nb", body: "Hei,\n\nvi har mottatt forespørselen din.\n", attachments: attachments)
        return ComposedMail(raw: MailComposer.compose(mail), envelopeFrom: "notices@janteloppet.test",
                            recipients: ["kari.nordmann@example.no"], messageID: "first0000000000000000000000000000@janteloppet.test",
                            template: "receipt")
    }

    private func header(_ raw: [UInt8]) -> String {
        let text = String(decoding: raw, as: UTF8.self)
        return String(text[..<(text.range(of: "\r\n\r\n")?.lowerBound ?? text.endIndex)])
    }

    private func body(_ raw: [UInt8]) -> String {
        let text = String(decoding: raw, as: UTF8.self)
        return String(text[(text.range(of: "\r\n\r\n")?.upperBound ?? text.endIndex)...])
    }

    @Test func theCopyHasItsOwnRecipientIdAndDateAndEverythingElseOfTheOriginal() throws {
        let mail = original()
        #expect(header(mail.raw).contains("\r\n <kari.nordmann@example.no>"), "the original's To is folded")
        let date = Date(timeIntervalSince1970: 1_795_700_000)
        let copy = try #require(RedirectedMail.make(mail, to: "kari@example.com", messageID: "second@janteloppet.test",
                                                    date: date))
        #expect(copy.recipients == ["kari@example.com"])
        #expect(copy.messageID == "second@janteloppet.test")
        #expect(copy.envelopeFrom == mail.envelopeFrom && copy.template == "receipt")
        let read = MessageReader.read(copy.raw)
        #expect(read.to == [MailAddress(address: "kari@example.com")])
        #expect(read.messageID == "second@janteloppet.test")
        #expect(read.date == date)
        #expect(read.subject == "Vi har mottatt forespørselen din")
        #expect(read.inReplyTo == ["in-1@example.no"])
        // The old recipient is gone from the header (the folded line too); the body is the original's, byte for byte.
        #expect(!header(copy.raw).contains("kari.nordmann") && !header(copy.raw).contains("S2FyaSBOb3Jk"))
        #expect(!header(copy.raw).contains("first000"))
        #expect(body(copy.raw) == body(mail.raw))
        // Every other field is kept, in its order.
        let kept = { (raw: [UInt8]) in
            self.header(raw).components(separatedBy: "\r\n").filter { line in
                !line.hasPrefix(" ") && !["To:", "Date:", "Message-ID:"].contains { line.hasPrefix($0) }
            }
        }
        #expect(kept(copy.raw) == kept(mail.raw))
        #expect(header(copy.raw).components(separatedBy: "\r\n").filter { $0.hasPrefix("To:") }.count == 1)
    }

    @Test func anAttachmentTravelsUnchanged() throws {
        let mail = original(attachments: [OutgoingAttachment(filename: "dsr-export-DSR-1.json", contentType: "application/json",
                                                             data: Array(#"{"a": 1}"#.utf8))])
        let copy = try #require(RedirectedMail.make(mail, to: "kari@example.com", messageID: "third@janteloppet.test",
                                                    date: Date(timeIntervalSince1970: 1_795_700_000)))
        #expect(body(copy.raw) == body(mail.raw))
        #expect(MessageReader.read(copy.raw).attachments.map(\.filename) == ["dsr-export-DSR-1.json"])
    }

    @Test func bytesWithoutAHeaderSectionAreRefused() {
        let mail = ComposedMail(raw: Array("no header here".utf8), envelopeFrom: "a@b.c", recipients: ["x@y.z"],
                                messageID: "m@b.c", template: "receipt")
        #expect(RedirectedMail.make(mail, to: "kari@example.com", messageID: "n@b.c", date: Date()) == nil)
    }
}
