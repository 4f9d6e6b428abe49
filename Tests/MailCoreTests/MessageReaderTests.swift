import Foundation
import FuzzSupport
import Testing
@testable import MailCore

@Suite struct MessageReaderHeaderTests {
    @Test func readsDecodedHeadersAndQuotedPrintableBody() {
        let message = MessageReader.read(MailFixtures.crlf(MailFixtures.plainNorwegian))
        #expect(message.subject == "Innsyn i mine data - æøå")
        #expect(message.from == [MailAddress(displayName: "Kari Nordmann", address: "kari.nordmann@example.no")])
        #expect(message.to.first?.address == "notices@janteloppet.test")
        #expect(message.messageID == "abc123@example.no")
        #expect(message.returnPath == "kari.nordmann@example.no")
        #expect(message.contentType == "text/plain")
        #expect(message.text.contains("Blåbær og rød saft."))
        #expect(!message.text.contains("\r"))
        #expect(message.date == Date(timeIntervalSince1970: 1_709_540_100))
        #expect(message.header("subject") == message.subject)
        #expect(message.defects.isEmpty)
    }

    @Test func latin1BodyAndEncodedWordSubject() {
        let message = MessageReader.read(MailFixtures.latin1Body)
        #expect(message.subject == "Sletting av data æøå")
        #expect(message.text.hasSuffix("æøå\n"))
    }

    @Test func inputWithoutHeadersIsAllBody() {
        let letters = [
            "Hei,\nJeg vil slettes.\n", "Til Eksempel AS,\n\nSlett meg.", "Dear Sir, please delete me.",
            "To: Eksempel AS\n\nI ask for a copy of my data.\n", "Firma: Eksempel AS\nAdresse: Storgata 1\n\nSlett meg.",
        ]
        for text in letters {
            let message = MessageReader.read(Array(text.utf8))
            #expect(message.headers.isEmpty)
            #expect(message.text == text)
            #expect(message.subject == "")
        }
    }

    @Test func byteOrderMarkIsDropped() {
        let letter = MessageReader.read([0xEF, 0xBB, 0xBF] + Array("Hei, slett meg.".utf8))
        #expect(letter.text == "Hei, slett meg.")
        let message = MessageReader.read([0xEF, 0xBB, 0xBF] + Array("Subject: Innsyn\n\nHei".utf8))
        #expect(message.subject == "Innsyn")
        #expect(message.defects == ["byteOrderMark"])
    }

    @Test func unfoldsHeadersAndKeepsThemInOrder() {
        let raw = "Subject: a long\r\n subject\r\n\tline\r\nX-Test: 1\r\nx-test: 2\r\n\r\nbody"
        let message = MessageReader.read(Array(raw.utf8))
        #expect(message.subject == "a long subject\tline")
        #expect(message.headers(named: "X-TEST") == ["1", "2"])
        #expect(message.headers.map(\.name) == ["Subject", "X-Test", "x-test"])
        #expect(message.text == "body")
    }

    @Test func rawEightBitHeadersInUTF8AndLatin1() {
        var raw = Array("Subject: Blåbær\r\nFrom: ".utf8)
        raw += [0xD8, 0x79, 0x76, 0x69, 0x6E, 0x64] // "Øyvind" in Latin-1
        raw += Array(" <oyvind@example.no>\r\n\r\nx".utf8)
        let message = MessageReader.read(raw)
        #expect(message.subject == "Blåbær")
        #expect(message.from.first?.displayName == "Øyvind")
    }

    @Test func encodedWordsSplitJoinedAndUnknownCharsetKept() {
        // "æ" split across two B words, blanks between words dropped.
        let split = EncodedWords.decode("=?UTF-8?B?w6Q=?= =?UTF-8?B?w7g=?=")
        #expect(split == "äø")
        let byteSplit = EncodedWords.decode("=?UTF-8?Q?bl=C3?= =?UTF-8?Q?=A5?=")
        #expect(byteSplit == "blå")
        #expect(EncodedWords.decode("=?x-unknown?Q?hei_du?=") == "hei du")
        #expect(EncodedWords.decode("Re: =?ISO-8859-15?Q?=A4uro?= tekst") == "Re: €uro tekst")
        #expect(EncodedWords.decode("=?utf-8?q?unterminated") == "=?utf-8?q?unterminated")
        #expect(EncodedWords.decode("a =?utf-8*no?Q?=C3=B8?= b") == "a ø b")
    }

    @Test func addressListsWithQuotesCommentsAndGroups() {
        let list = AddressListParser.parse(
            #""Nordmann, Kari" <kari@example.no>, ola@example.no (Ola N.), Team: per@example.org, "Hansen \"P\"" <p@example.net>;, <bare@example.com>"#)
        #expect(list.map(\.address) == ["kari@example.no", "ola@example.no", "per@example.org", "p@example.net", "bare@example.com"])
        #expect(list.map(\.displayName) == ["Nordmann, Kari", "Ola N.", nil, #"Hansen "P""#, nil])
        let encoded = AddressListParser.parse("=?UTF-8?Q?Hansen=2C_P=C3=A5l?= <pal@example.no>")
        #expect(encoded == [MailAddress(displayName: "Hansen, Pål", address: "pal@example.no")])
        #expect(AddressListParser.parse("undisclosed-recipients:;").isEmpty)
    }

    @Test func messageIDsReturnPathAndDates() {
        let raw = """
            Return-Path: <>
            Message-ID: <a@example.net> (comment)
            In-Reply-To: <b@example.net>
            References: <c@example.net>
             <d@example.net>
            Date: 4 Mar 24 09:15 GMT

            x
            """
        let message = MessageReader.read(Array(raw.utf8))
        #expect(message.returnPath == "")
        #expect(message.messageID == "a@example.net")
        #expect(message.inReplyTo == ["b@example.net"])
        #expect(message.references == ["c@example.net", "d@example.net"])
        #expect(message.date == Date(timeIntervalSince1970: 1_709_543_700))
        #expect(MailDate.parse("Tue, 31 Dec 2024 23:59:59 -0800 (PST)") == Date(timeIntervalSince1970: 1_735_718_399))
        #expect(MailDate.parse("not a date") == nil)
    }

    @Test func missingSeparatorMboxLineAndBareCR() {
        let missing = MessageReader.read(Array("Subject: x\nthis is body text\n".utf8))
        #expect(missing.subject == "x")
        #expect(missing.text == "this is body text\n")
        #expect(missing.defects.contains("missingHeaderBodySeparator"))

        let mbox = MessageReader.read(Array("From kari@example.no Mon Mar  4 09:15:00 2024\nSubject: y\n\nbody".utf8))
        #expect(mbox.subject == "y")

        // Bare CRs in the body only are line ends and repaired; in the header
        // section they are not (see HeaderAmbiguityTests).
        let mac = MessageReader.read(Array("Subject: z\r\nFrom: a@example.com\r\n\r\nline one\rline two".utf8))
        #expect(mac.subject == "z")
        #expect(mac.text == "line one\nline two")
        #expect(mac.defects.contains("bareCarriageReturnLineEnds"))
        #expect(mac.headerAmbiguities.isEmpty)
    }

    @Test func headersAreFoundWhateverTheCaseOfTheirNames() {
        let message = MessageReader.read(Array((
            "From: Kari Nordmann <kari@example.no>\r\nAUTO-SUBMITTED: auto-replied\r\nX-Loop: one\r\nx-loop: two\r\n"
            + "\u{C4}-Header: umlaut\r\nSubject: Hei\r\n\r\nTekst\r\n").utf8))
        #expect(message.header("Auto-Submitted") == "auto-replied")
        #expect(message.header("auto-submitted") == "auto-replied")
        #expect(message.header("Auto-Submitte") == nil)
        #expect(message.header("Auto-Submitted-X") == nil)
        #expect(message.headers(named: "X-LOOP") == ["one", "two"])
        let built = ParsedMessage(headers: [HeaderField(name: "\u{C4}-Header", value: "umlaut")])
        #expect(built.header("\u{E4}-HEADER") == "umlaut")
        #expect(message.header("X-Loo") == nil)
    }
}
