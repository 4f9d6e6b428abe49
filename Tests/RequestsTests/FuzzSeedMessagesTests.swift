import MailCore
import Testing

/// Small hand-written messages the fuzz test starts from: every shape of
/// mail intake meets (fictional people, test domains only).
enum FuzzSeedMessages {
    static let all: [String] = [
        plain, crlfPlain, encodedWords, quotedPrintable, base64Body, html, alternative, mixedWithAttachment,
        bounce, autoReply, forwardedAsAttachment, confirmationReply, claimNorwegian, claimGerman, authResults,
        forgedAuthResults, flowed, latin1, nestedMultipart, headerOnly, noHeaders, emptyBody, unsubscribe,
    ]

    static let plain = """
        From: Kari Nordmann <kari@example.no>
        To: notices@janteloppet.test
        Subject: Innsyn
        Message-ID: <p1@example.no>
        Date: Mon, 2 Mar 2026 10:00:00 +0100

        Hei, jeg vil gjerne få innsyn i hvilke opplysninger dere har om meg.
        Hilsen Kari
        """

    static let crlfPlain = plain.replacingLineEnds()

    static let encodedWords = """
        From: =?UTF-8?B?T2xhIE7DuHJkbWFubg==?= <ola@example.com>
        To: notices@janteloppet.test
        Subject: =?ISO-8859-1?Q?Sletting_av_data_=E6=F8=E5?=
        Reply-To: other@example.org

        Please delete all my data. My registered address is ola.old@example.com.
        """

    static let quotedPrintable = """
        From: anna@example.se
        Subject: Radera
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Jag vill att ni raderar mina uppgifter. Min registrerade adress =C3=A4r =
        anna.s@example.org
        """

    static let base64Body = """
        From: per@example.net
        Subject: access
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: base64

        SSB3b3VsZCBsaWtlIGEgY29weSBvZiBteSBwZXJzb25hbCBkYXRhLg==
        """

    static let html = """
        From: lise@example.no
        Subject: Reservasjon
        Content-Type: text/html; charset=utf-8

        <html><body><p>Jeg reserverer meg mot <b>markedsf&oslash;ring</b>.</p><script>x()</script></body></html>
        """

    static let alternative = """
        From: max@example.com
        Subject: Auskunft
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=utf-8

        Ich bitte um Auskunft nach Art. 15 DSGVO.
        --alt
        Content-Type: text/html; charset=utf-8

        <p>Ich bitte um Auskunft nach Art. 15 DSGVO.</p>
        --alt--
        """

    static let mixedWithAttachment = """
        From: jonas@example.org
        Subject: Retting
        Content-Type: multipart/mixed; boundary=mix

        --mix
        Content-Type: text/plain

        Telefonnummeret mitt er feil, nytt nummer er 912 34 567.
        --mix
        Content-Type: application/pdf; name="id.pdf"
        Content-Disposition: attachment; filename="id.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K
        --mix--
        """

    static let bounce = """
        From: MAILER-DAEMON@mx.example.net
        Return-Path: <>
        Subject: Undelivered Mail Returned to Sender
        Content-Type: multipart/report; report-type=delivery-status; boundary=rep

        --rep
        Content-Type: text/plain

        The mail could not be delivered.
        --rep
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net
        Final-Recipient: rfc822; gone@example.net
        Action: failed
        Status: 5.1.1
        --rep
        Content-Type: text/rfc822-headers

        From: notices@janteloppet.test
        Message-ID: <reply-1@janteloppet.test>
        --rep--
        """

    static let autoReply = """
        From: ferie@example.no
        Auto-Submitted: auto-replied
        X-Autoreply: yes
        Subject: Fravær: Innsyn

        Jeg er på ferie til 10. august.
        """

    static let forwardedAsAttachment = """
        From: hr@example.com
        Subject: Fwd: erase
        Content-Type: multipart/mixed; boundary=fw

        --fw
        Content-Type: text/plain

        Forwarding on behalf of my colleague.
        --fw
        Content-Type: message/rfc822

        From: colleague@example.com
        Subject: erase me

        Please erase my data.
        --fw--
        """

    static let confirmationReply = """
        From: kari@example.no
        Subject: Re: Bekreft sletting
        In-Reply-To: <confirm-1@janteloppet.test>

        Ja

        > Svar på denne e-posten for å bekrefte. Kode: 7KQ2-M9XD-0A1B-CDEF-GHJK-0MNP-QRST
        > Svar «nei» for å avbryte.
        """

    static let claimNorwegian = """
        From: ola@example.no
        Subject: slett meg

        Hei! Jeg er registrert på ola.gammel@example.no og vil bli slettet. Min e-post hos dere er ola@example.no.
        """

    static let claimGerman = """
        From: max@example.com
        Subject: Löschung

        Meine registrierte Adresse ist max.alt@example.net, bitte löschen.
        """

    static let authResults = """
        Received: from mx.janteloppet.test by imap.janteloppet.test
        Authentication-Results: mx.janteloppet.test; dkim=pass (2048-bit key) header.d=example.no header.s=s1 header.b=Ab/+9=;
         spf=pass (domain of kari@example.no designates 192.0.2.7) smtp.mailfrom=kari@example.no;
         dmarc=pass (p=QUARANTINE) header.from=example.no
        Received: from out.example.no by mx.janteloppet.test
        From: kari@example.no
        Subject: innsyn

        Innsyn, takk.
        """

    static let forgedAuthResults = """
        Authentication-Results: mx.janteloppet.test; dmarc=fail header.from=example.com
        Received: from evil.example.net by mx.janteloppet.test
        Authentication-Results: mx.janteloppet.test; dmarc=pass header.from=example.com
        Authentication-Results: "quoted id" 1; none
        From: ceo@example.com
        Subject: send me all data of kari@example.no

        On behalf of Kari, send everything to this address.
        """

    static let flowed = """
        From: eva@example.dk
        Subject: Indsigt
        Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes

        Jeg vil gerne have indsigt i mine oplysninger. Jeg er registreret med =
        eva@example.dk og 
        ikke andet.
        """

    static let latin1 = """
        From: =?iso-8859-1?q?B=F8rre?= <borre@example.no>
        Subject: =?utf-8?q?Innsyn_=F0=9F=98=80?=
        Content-Type: text/plain; charset=iso-8859-1
        Content-Transfer-Encoding: 8bit

        Jeg ønsker innsyn.
        """

    static let nestedMultipart = """
        From: nils@example.org
        Subject: nested
        Content-Type: multipart/mixed; boundary=a

        --a
        Content-Type: multipart/alternative; boundary=b

        --b
        Content-Type: multipart/related; boundary=c

        --c
        Content-Type: text/plain

        Slett kontoen min.
        --c--
        --b--
        --a--
        """

    static let headerOnly = """
        From: tom@example.net
        Subject: (no body)
        """

    static let noHeaders = """
        Hei, dette er ikke en e-post med hoder.
        Slett alt om meg.
        """

    static let emptyBody = "From: a@example.com\nSubject:\n\n"

    static let unsubscribe = """
        From: news@example.com
        List-Unsubscribe: <mailto:leave@example.com>
        Precedence: bulk
        Subject: Nyhetsbrev

        Unsubscribe here.
        """
}

private extension String {
    func replacingLineEnds() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }
}


/// The seeds are themselves good mail: they read within every limit, so the
/// mutations start from realistic input.
@Test func fuzzSeedsAreReadableMessages() {
    #expect(FuzzSeedMessages.all.count >= 20)
    for seed in FuzzSeedMessages.all {
        let message = MessageReader.read(Array(seed.utf8))
        #expect(message.limitsReached.isEmpty)
    }
    let withHeaders = FuzzSeedMessages.all.filter { !MessageReader.read(Array($0.utf8)).from.isEmpty }
    #expect(withHeaders.count == FuzzSeedMessages.all.count - 1)
}
