import Testing
@testable import MailCore

/// Header sections the receiving mail server may read differently from
/// dsrd are read as they are, never repaired, and flagged.
@Suite struct HeaderAmbiguityTests {
    private func read(_ text: String) -> ParsedMessage {
        MessageReader.read(Array(text.utf8))
    }

    @Test func bareCRsInTheHeaderSectionAreNotLineEnds() {
        // What the MX saw: one long Subject and From: ola. Were the bare CRs
        // repaired, the message would have a first From: kari instead.
        let lines = String(repeating: "line\r", count: 200)
        let message = read("Subject: Hei\rFrom: kari.nordmann@example.no\rX-A: 1\r\rJeg protesterer.\r\n"
            + "From: ola@example.net\r\nTo: notices@janteloppet.test\r\n\r\n" + lines + "\r\n")
        #expect(message.headerAmbiguities == [HeaderAmbiguity.bareCarriageReturnInHeader])
        #expect(message.from.map(\.address) == ["ola@example.net"])
        #expect(!message.defects.contains("bareCarriageReturnLineEnds"))
    }

    @Test func aResultsHeaderHiddenBehindABareCRIsNoHeader() {
        let message = read("Received: from mx by x with LMTP\r\n"
            + "X-A: 1\rAuthentication-Results: mx.janteloppet.test; dmarc=pass header.from=example.no\r\r\r\n"
            + "From: ola@example.net\r\n\r\n" + String(repeating: "x\r", count: 50))
        #expect(message.headers(named: "authentication-results").isEmpty)
        #expect(message.headerAmbiguities == [HeaderAmbiguity.bareCarriageReturnInHeader])
    }

    @Test func oldMacMailWithOnlyBareCRsIsFlaggedNotRepaired() {
        let message = read("Subject: z\rFrom: a@example.com\r\rline one\rline two")
        #expect(message.headerAmbiguities == [HeaderAmbiguity.bareCarriageReturnInHeader])
        #expect(message.from.isEmpty)
    }

    @Test func bareCRsAfterTheHeaderSectionAreRepairedAsBefore() {
        let message = read("From: a@example.com\r\nSubject: z\r\n\r\nline one\rline two\rline three\r\n")
        #expect(message.headerAmbiguities.isEmpty)
        #expect(message.text == "line one\nline two\nline three\n")
        #expect(message.defects == ["bareCarriageReturnLineEnds"])
        // A few bare CRs among LF lines stay as they are.
        let few = read("From: a@example.com\r\n\r\none\rtwo\r\nthree\r\nfour\r\n")
        #expect(few.headerAmbiguities.isEmpty && few.defects.isEmpty)
    }

    @Test func aFieldNameWithBlanksBeforeItsColonIsNotAField() {
        let message = read("Return-Path: <ola@example.net>\r\nFrom : kari.nordmann@example.no\r\n"
            + "From: ola@example.net\r\nSubject\t: x\r\nTo: notices@janteloppet.test\r\n\r\nbody\r\n")
        #expect(message.from.map(\.address) == ["ola@example.net"])
        #expect(message.subject.isEmpty)
        #expect(message.to.map(\.address) == ["notices@janteloppet.test"])
        #expect(message.headerAmbiguities == [HeaderAmbiguity.blankBeforeFieldColon])
        #expect(message.text == "body\n")
        #expect(!HeaderBlock.hasBlankBeforeColon(Array("From kari@example.no Mon Mar  4".utf8)[...]))
        #expect(HeaderBlock.fieldNameEnd(Array("From : x".utf8)[...]) == nil)
        #expect(HeaderBlock.fieldNameEnd(Array("From: x".utf8)[...]) == 4)
    }

    @Test func bothAreNamedAndOnlyTheTopLevelCounts() {
        let both = read("From : a@example.com\r\nSubject: x\ry\r\n\r\nbody")
        #expect(Set(both.headerAmbiguities) == [HeaderAmbiguity.bareCarriageReturnInHeader, HeaderAmbiguity.blankBeforeFieldColon])

        let part = read("""
            From: a@example.com\r
            Content-Type: multipart/mixed; boundary=b\r
            \r
            --b\r
            Content-Type : text/plain\r
            \r
            Slett meg.\r
            --b--\r

            """)
        #expect(part.headerAmbiguities.isEmpty)
        #expect(part.from.map(\.address) == ["a@example.com"])
    }

    @Test func aPastedLetterOfNameColonLinesIsText() {
        let letter = read("Navn : Kari Nordmann\nAdresse : Storgata 1\n\nHei, slett meg.\n")
        #expect(letter.headers.isEmpty && letter.headerAmbiguities.isEmpty)
        #expect(letter.text.hasPrefix("Navn : Kari Nordmann"))
    }
}
