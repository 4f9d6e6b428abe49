import FuzzSupport
import Testing
@testable import MailCore

@Suite struct AutoMailDetectorTests {
    private func verdict(_ raw: String) -> AutoMailVerdict {
        AutoMailDetector.detect(MessageReader.read(Array(raw.utf8)))
    }

    @Test func bounceWithReportAndOriginalMessageID() {
        let result = AutoMailDetector.detect(MessageReader.read(MailFixtures.lf(MailFixtures.bounce)))
        #expect(result.kind == .bounce)
        #expect(result.isAuto)
        #expect(result.originalMessageID == "reply-42@janteloppet.test")
    }

    @Test func plainTextBounceFindsMessageIDInReturnedText() {
        let raw = """
            From: MAILER-DAEMON@mx.example.net
            Subject: failure notice

            Sorry, we were unable to deliver your message.

            --- Below this line is a copy of the message.

            Message-ID: <reply-7@janteloppet.test>
            Subject: Svar
            """
        let result = verdict(raw)
        #expect(result.kind == .bounce)
        #expect(result.originalMessageID == "reply-7@janteloppet.test")
    }

    @Test(arguments: [
        "Auto-Submitted: auto-replied\nSubject: Hei\n\nx",
        "X-Autoreply: yes\nSubject: Hei\n\nx",
        "X-Autorespond: yes\nSubject: Hei\n\nx",
        "Precedence: auto_reply\nSubject: Hei\n\nx",
        "Subject: Out of Office: Request\n\nx",
        "Subject: Automatic reply: Request\n\nx",
        "Subject: Autosvar: Innsyn\n\nx",
        "Subject: Fravær\n\nx",
        "Subject: Frånvaro: Radering\n\nx",
        "Subject: Abwesenheitsnotiz: Löschung\n\nx",
        "Subject: Automatische Antwort: Löschung\n\nx",
        "Subject: Ikke til stede: Sletting\n\nx",
        "Subject: Ferie\n\nx",
        "Subject: Fråvær: Sletting\n\nx",
        "Subject: Nicht im Büro: Löschung\n\nx",
    ])
    func autoReplies(raw: String) {
        #expect(verdict(raw).kind == .autoReply)
    }

    @Test(arguments: [
        "From: postmaster@example.net\nSubject: Hei\n\nx",
        "Return-Path: <>\nFrom: a@example.net\nSubject: Hei\n\nx",
        "From: a@example.net\nSubject: Delivery Status Notification (Failure)\n\nx",
        "From: a@example.de\nSubject: Unzustellbar: Löschung\n\nx",
        "From: a@example.se\nSubject: Olevererbart: Radering\n\nx",
        "From: a@example.net\nX-Failed-Recipients: b@example.net\nSubject: x\n\nx",
        "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\nAction: failed\n--b--\n",
    ])
    func bounces(raw: String) {
        #expect(verdict(raw).kind == .bounce)
    }

    @Test func bulkFeedbackAndReceipts() {
        #expect(verdict("Precedence: bulk\nSubject: News\n\nx").kind == .bulk)
        #expect(verdict("List-Id: <news.example.com>\nSubject: News\n\nx").kind == .bulk)
        #expect(verdict("List-Unsubscribe: <mailto:u@example.com>\nSubject: News\n\nx").kind == .bulk)
        let arf = "Content-Type: multipart/report; report-type=feedback-report; boundary=b\n\n--b\n\nreport\n--b--\n"
        #expect(verdict(arf).kind == .feedbackReport)
        let mdn = """
            Content-Type: multipart/report; report-type=disposition-notification; boundary=b

            --b

            Read.
            --b
            Content-Type: message/disposition-notification

            Original-Message-ID: <reply-9@janteloppet.test>
            Disposition: manual-action/MDN-sent-manually; displayed
            --b--
            """
        #expect(verdict("Content-Class: urn:content-classes:MDN\nSubject: Lest: Svar\n\nx").kind == .readReceipt)
        let receipt = verdict(mdn)
        #expect(receipt.kind == .readReceipt)
        #expect(receipt.originalMessageID == "reply-9@janteloppet.test")
    }

    @Test func peopleAreNotAuto() {
        #expect(verdict("Auto-Submitted: no\nSubject: Innsyn\n\nx").kind == nil)
        #expect(verdict("X-Auto-Response-Suppress: All\nSubject: Sletting\n\nx").kind == nil)
        #expect(verdict("From: Kari Nordmann <kari@example.no>\nSubject: Ferieløp og personvern\n\nx").kind == nil)
        #expect(verdict("From: Bob Hansen <postmaster@example.org>\nSubject: Innsyn\n\nx").kind == nil)
        #expect(verdict("From: Kari <kari@example.no>\nSubject: My ticket delivery failed\n\nx").kind == nil)
        #expect(verdict("From: Kari <kari@example.no>\nSubject: Refusjon, jeg var på ferie\n\nx").kind == nil)
        #expect(verdict("Return-Path: <>\nSubject: Message delivery failed\n\nx").kind == .bounce)
        #expect(AutoMailDetector.detect(MessageReader.read(MailFixtures.crlf(MailFixtures.plainNorwegian))) == .human)
        #expect(AutoMailDetector.detect(MessageReader.read(MailFixtures.crlf(MailFixtures.mixedWithAttachment))).isAuto == false)
        #expect(AutoMailDetector.detect(MessageReader.read(MailFixtures.crlf(MailFixtures.outOfOffice))).kind == .autoReply)
    }
}
