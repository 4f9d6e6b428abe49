import FuzzSupport
import Testing
@testable import MailCore

@Suite struct MimeStructureTests {
    @Test func alternativePrefersPlainTextAndDecodesWindows1252() {
        let message = MessageReader.read(MailFixtures.lf(MailFixtures.alternative))
        #expect(message.contentType == "multipart/alternative")
        #expect(message.text == "Slett mine data, takk \u{2013}")
        #expect(message.from.first?.displayName == "Nordmann, Kari")
        #expect(message.inReplyTo == ["reply-1@janteloppet.test"])
        #expect(message.references == ["first@janteloppet.test", "reply-1@janteloppet.test"])
    }

    @Test func nestedPartsAttachmentsAndEmbeddedMessage() {
        let message = MessageReader.read(MailFixtures.crlf(MailFixtures.mixedWithAttachment))
        #expect(message.text == "Adressen min er feil.")
        #expect(message.attachments == [AttachmentInfo(filename: "bekræftelse.pdf", contentType: "application/pdf", size: 9)])
        #expect(message.embeddedMessages.count == 1)
        #expect(message.embeddedMessages.first?.subject == "Forwarded original")
        #expect(message.embeddedMessages.first?.messageID == "inner-original@example.net")
        #expect(message.embeddedMessages.first?.text == "Inner text.")
        #expect(message.defects.isEmpty)
    }

    @Test func htmlOnlyBodyBecomesText() {
        let raw = """
            Content-Type: text/html; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            <p>Hei&nbsp;du,</p><p>Jeg heter P=E5l og vil ha innsyn.<br>Takk&oslash;</p><script>var a = "<p>";</script>
            """
        let message = MessageReader.read(Array(raw.utf8))
        #expect(message.text == "Hei du,\n\nJeg heter Pål og vil ha innsyn.\nTakkø")
    }

    @Test func missingFinalBoundaryKeepsLastPart() {
        let raw = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nfirst\n--b\n\nsecond part\n"
        let message = MessageReader.read(Array(raw.utf8))
        #expect(message.text == "first\n\nsecond part\n")
        #expect(message.defects.contains("missingFinalBoundary"))
    }

    @Test func multipartWithoutBoundaryIsReadAsText() {
        let raw = "Content-Type: multipart/mixed\n\nJust text.\n"
        let message = MessageReader.read(Array(raw.utf8))
        #expect(message.text == "Just text.\n")
        #expect(message.defects.contains("multipartWithoutBoundary"))
    }

    @Test func brokenBase64IsDecodedAsFarAsPossible() {
        let raw = "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nSGVp!!IGR1\n"
        let message = MessageReader.read(Array(raw.utf8))
        #expect(message.text == "Hei du")
        #expect(message.defects.contains("invalidBase64"))
    }

    @Test func deepNestingStopsAtDepthLimitAndSaysSo() {
        var raw = ""
        for level in 0..<40 {
            raw += "Content-Type: multipart/mixed; boundary=\"b\(level)\"\n\n--b\(level)\n"
        }
        raw += "Content-Type: text/plain\n\ndeep\n"
        let message = MessageReader.read(Array(raw.utf8), limits: ReaderLimits(maxDepth: 10))
        #expect(message.limitsReached.contains("maxDepth"))
        #expect(message.text.isEmpty)
    }

    @Test func partCountHeaderCountSizeAndLineLimitsAreReported() {
        var many = "Content-Type: multipart/mixed; boundary=b\n\n"
        for index in 0..<50 { many += "--b\n\npart \(index)\n" }
        many += "--b--\n"
        let parts = MessageReader.read(Array(many.utf8), limits: ReaderLimits(maxParts: 10))
        #expect(parts.limitsReached == ["maxParts"])
        #expect(parts.text.contains("part 8"))
        #expect(!parts.text.contains("part 9"))

        let headers = String(repeating: "X-A: 1\n", count: 30) + "\nbody"
        let fewer = MessageReader.read(Array(headers.utf8), limits: ReaderLimits(maxHeaders: 5))
        #expect(fewer.headers.count == 5)
        #expect(fewer.limitsReached == ["maxHeaders"])
        #expect(fewer.text == "body")

        let big = MessageReader.read(MailFixtures.crlf(MailFixtures.plainNorwegian), limits: ReaderLimits(maxBytes: 100))
        #expect(big.limitsReached.contains("maxBytes"))

        let longLine = "Subject: " + String(repeating: "a", count: 500) + "\n\nx"
        let cut = MessageReader.read(Array(longLine.utf8), limits: ReaderLimits(maxLineLength: 100))
        #expect(cut.limitsReached == ["maxLineLength"])
        #expect(cut.subject.count == 91)

        let longText = "Subject: long\nContent-Type: text/plain; charset=utf-8\n\n" + String(repeating: "slett meg\n", count: 100)
        let short = MessageReader.read(Array(longText.utf8), limits: ReaderLimits(maxTextBytes: 95))
        #expect(short.limitsReached == ["maxTextBytes"])
        #expect(short.text.hasPrefix("slett meg\nslett meg\n") && short.text.utf8.count <= 95)
        #expect(MessageReader.read(Array(longText.utf8)).limitsReached.isEmpty)
    }

    @Test func mismatchedBoundaryIsRepaired() {
        let raw = "Content-Type: multipart/mixed; boundary=declared\n\n--used\nContent-Type: text/plain\n\nhello\n--used--\n"
        let message = MessageReader.read(Array(raw.utf8))
        #expect(message.text == "hello")
        #expect(message.defects.contains("boundaryMismatch"))
    }

    @Test func rfc2231ContinuationsAndCharsets() {
        let parsed = HeaderParameters.parse(
            "attachment; filename*0*=iso-8859-1''S%F8knad; filename*1=\" og svar.txt\"; size=3")
        #expect(parsed.value == "attachment")
        #expect(parsed.parameters["filename"] == "Søknad og svar.txt")
        #expect(parsed.parameters["size"] == "3")
        let quoted = HeaderParameters.parse(#"text/plain; charset="utf-8"; name="a\"b;c.txt""#)
        #expect(quoted.parameters["name"] == #"a"b;c.txt"#)
    }
}
