import Foundation
import FuzzSupport
import Testing
@testable import MailCore

@Suite struct MailComposerTests {
    private func sample(
        subject: String = "Svar på din henvendelse om innsyn – æøå ÆØÅ",
        body: String = "Hei Kari,\n\nVi har slettet opplysningene dine.\nBlåbærsyltetøy.\n\nMed vennlig hilsen\nJanteloppet",
        attachments: [OutgoingAttachment] = []
    ) -> OutgoingMail {
        OutgoingMail(
            from: MailAddress(displayName: "Janteloppet Personvern", address: "notices@janteloppet.test"),
            to: [MailAddress(displayName: #"Kari "K" Nordmann"#, address: "kari@example.no")],
            subject: subject,
            date: Date(timeIntervalSince1970: 1_709_540_100),
            messageID: "k3v7q2mzr4h6w8b5n3c2x7d4f6g8j2lp@janteloppet.test",
            inReplyTo: "abc123@example.no",
            references: ["first@example.no", "abc123@example.no"],
            autoSubmitted: "auto-replied",
            contentLanguage: "nb",
            extraHeaders: [HeaderField(name: "X-Request-Kind", value: "erase")],
            body: body,
            attachments: attachments
        )
    }

    private func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    }

    @Test func roundTripsHeadersAndBody() {
        let mail = sample()
        let bytes = MailComposer.compose(mail)
        let read = MessageReader.read(bytes)
        #expect(read.subject == mail.subject)
        #expect(read.text == mail.body + "\n")
        #expect(read.from == [mail.from])
        #expect(read.to == mail.to)
        #expect(read.messageID == mail.messageID)
        #expect(read.inReplyTo == ["abc123@example.no"])
        #expect(read.references == ["first@example.no", "abc123@example.no"])
        #expect(read.date == mail.date)
        #expect(read.header("Auto-Submitted") == "auto-replied")
        #expect(read.header("Content-Language") == "nb")
        #expect(read.header("X-Request-Kind") == "erase")
        #expect(read.header("MIME-Version") == "1.0")
        #expect(read.defects.isEmpty)
        #expect(AutoMailDetector.detect(read).kind == .autoReply)
        #expect(String(decoding: bytes, as: UTF8.self).contains("Date: Mon, 04 Mar 2024 08:15:00 +0000\r\n"))
    }

    @Test func everyLineEndsInCRLFAndHeadersAreFoldedAndASCII() {
        let long = String(repeating: "Personvernforespørsel ", count: 12)
        let bytes = MailComposer.compose(sample(subject: long, body: String(repeating: "ø", count: 300) + " \n.leading dot\nFrom here"))
        for index in bytes.indices where bytes[index] == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D)
        }
        #expect(bytes.allSatisfy { $0 < 0x80 })
        for line in lines(bytes) {
            #expect(line.utf8.count <= 78)
        }
        let read = MessageReader.read(bytes)
        #expect(read.subject == long.trimmingCharacters(in: .whitespaces))
        #expect(read.text == String(repeating: "ø", count: 300) + " \n.leading dot\nFrom here\n")
    }

    @Test func valuesCannotInjectHeaders() {
        var mail = sample(subject: "Hei\r\nBcc: victim@example.com\nX-Evil: 1")
        mail.from = MailAddress(displayName: "Evil\r\nBcc: a@example.com", address: "evil@example.com>\r\nBcc: b@example.com")
        mail.to = [MailAddress(displayName: "\"Quoted\" \\ name", address: "kari@example.no")]
        mail.extraHeaders = [HeaderField(name: "X-Note\r\nBcc", value: "v\r\nBcc: c@example.com"), HeaderField(name: "To", value: "x@example.com")]
        mail.inReplyTo = "a@example.no>\r\nBcc: d@example.com"
        let bytes = MailComposer.compose(mail)
        let read = MessageReader.read(bytes)
        #expect(read.headers(named: "Bcc").isEmpty)
        #expect(read.headers(named: "X-Evil").isEmpty)
        #expect(read.subject == "Hei  Bcc: victim@example.com X-Evil: 1")
        #expect(read.to == [MailAddress(displayName: "\"Quoted\" \\ name", address: "kari@example.no")])
        #expect(read.headers(named: "To").count == 1)
        #expect(read.from.count == 1)
        #expect(read.header("X-NoteBcc") == "v  Bcc: c@example.com")
        let headerNames = read.headers.map { $0.name.lowercased() }
        #expect(Set(headerNames).count == headerNames.count)
    }

    @Test func attachmentsRoundTripWithNames() {
        let binary = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let attachments = [
            OutgoingAttachment(filename: "innsyn-æøå.pdf", contentType: "application/pdf", data: binary),
            OutgoingAttachment(filename: "data.csv", contentType: "text/csv", data: Array("a;b\n1;2\n".utf8)),
            OutgoingAttachment(filename: "x\r\ny.bin", contentType: "bad type\r\n", data: []),
            OutgoingAttachment(filename: String(repeating: "Kvittering for sletting æøå ", count: 5) + ".txt", contentType: "text/plain", data: [0x41]),
            OutgoingAttachment(filename: "literal =?utf-8?q?x?= ø.txt", contentType: "text/plain", data: []),
        ]
        let bytes = MailComposer.compose(sample(attachments: attachments))
        let read = MessageReader.read(bytes)
        #expect(read.contentType == "multipart/mixed")
        #expect(read.text == sample().body)
        #expect(read.attachments == [
            AttachmentInfo(filename: "innsyn-æøå.pdf", contentType: "application/pdf", size: 1000),
            AttachmentInfo(filename: "data.csv", contentType: "text/csv", size: 8),
            AttachmentInfo(filename: "x  y.bin", contentType: "application/octet-stream", size: 0),
            AttachmentInfo(filename: String(repeating: "Kvittering for sletting æøå ", count: 5) + ".txt", contentType: "text/plain", size: 1),
            AttachmentInfo(filename: "literal =?utf-8?q?x?= ø.txt", contentType: "text/plain", size: 0),
        ])
        #expect(read.defects.isEmpty)
        #expect(lines(bytes).allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func messageIDsAreRandomAndNeverDerivedFromAKey() {
        let first = MessageIDGenerator.random(domain: "Janteloppet.TEST")
        #expect(first.hasSuffix("@janteloppet.test"))
        #expect(first.count == 32 + 1 + "janteloppet.test".count)
        let tokens = Set((0..<1000).map { _ in MessageIDGenerator.random(domain: "janteloppet.test") })
        #expect(tokens.count == 1000)
        // Each symbol carries 5 bits: over many ids every one of the 32 symbols shows at every position.
        var seen = Array(repeating: Set<Character>(), count: 32)
        for id in tokens { for (offset, symbol) in id.prefix(32).enumerated() { seen[offset].insert(symbol) } }
        #expect(seen.allSatisfy { $0.count == 32 })
        var seeded = SeededGenerator(seed: 7)
        var again = SeededGenerator(seed: 7)
        #expect(MessageIDGenerator.random(domain: "x.test", using: &seeded) == MessageIDGenerator.random(domain: "x.test", using: &again))
    }

    @Test func encodersMatchTheReader() {
        let samples: [[UInt8]] = [[], [0], [0xFF, 0xFE], Array("æøå and more text".utf8), (0..<300).map { UInt8($0 % 256) }]
        for bytes in samples {
            let encoded = TransferEncoding.base64(bytes, lineLength: 76)
            #expect(TransferDecoding.base64(Array(encoded.utf8)[...]).bytes == bytes)
        }
        for text in ["", "a=b", "trailing space \nnext", String(repeating: "=", count: 200), "tab\t"] {
            let encoded = TransferEncoding.quotedPrintable(text)
            let decoded = TransferDecoding.quotedPrintable(Array(encoded.utf8)[...]).bytes
            #expect(normalizeLineEnds(String(decoding: decoded, as: UTF8.self)) == text)
        }
        #expect(TransferEncoding.quotedPrintable(".dot\nFrom me\nFromage\nend ") == "=2Edot\r\n=46rom me\r\nFromage\r\nend=20")
        #expect(TransferEncoding.quotedPrintable("a\r\nb\rc\n") == "a\r\nb\r\nc\r\n")
        let long = String(repeating: "ø", count: 40) + String(repeating: "x ", count: 60)
        let encodedLong = TransferEncoding.quotedPrintable(long)
        #expect(encodedLong.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(String(decoding: TransferDecoding.quotedPrintable(Array(encodedLong.utf8)[...]).bytes, as: UTF8.self) == long)
        #expect(MailDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MailDate.format(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 +0000")
        #expect(MailDate.format(Date(timeIntervalSince1970: .infinity)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MailDate.format(Date(timeIntervalSince1970: 1e300)) == "Fri, 31 Dec 9999 23:59:59 +0000")
    }
}
