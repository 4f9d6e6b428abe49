/// Small hand-written messages (fictional people at test domains) shared by
/// the MailCore tests, their mutation test and the intake fuzz test.
public enum MailFixtures {
    /// The text's UTF-8 bytes with every "\n" turned into CRLF.
    public static func crlf(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if byte == 0x0A { bytes.append(0x0D) }
            bytes.append(byte)
        }
        return bytes
    }

    public static func lf(_ text: String) -> [UInt8] {
        Array(text.utf8)
    }

    public static let plainNorwegian = """
        Return-Path: <kari.nordmann@example.no>
        From: =?UTF-8?Q?Kari_Nordmann?= <kari.nordmann@example.no>
        To: Personvern <notices@janteloppet.test>
        Subject: =?UTF-8?B?SW5uc3luIGkgbWluZSBkYXRhIC0gw6bDuMOl?=
        Date: Mon, 4 Mar 2024 09:15:00 +0100
        Message-ID: <abc123@example.no>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Hei,

        Jeg ber om innsyn i opplysningene dere har om meg. Bl=C3=A5b=C3=A6r og =
        r=C3=B8d saft.

        Med vennlig hilsen
        Kari Nordmann

        """

    public static let latin1Body: [UInt8] = {
        var bytes = crlf("""
            From: Ola Nordmann <ola@example.no>
            To: notices@janteloppet.test
            Subject: =?iso-8859-1?Q?Sletting_av_data_=E6=F8=E5?=
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: 8bit

            Slett meg, takk. 
            """)
        bytes += [0xE6, 0xF8, 0xE5, 0x0D, 0x0A]
        return bytes
    }()

    public static let alternative = """
        From: "Nordmann, Kari" <kari@example.com>
        To: notices@janteloppet.test
        Subject: Re: SV: Fwd: Sletting
        Message-ID: <m2@example.com>
        In-Reply-To: <reply-1@janteloppet.test>
        References: <first@janteloppet.test> <reply-1@janteloppet.test>
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="alt-1"

        This is a preamble.
        --alt-1
        Content-Type: text/plain; charset=windows-1252
        Content-Transfer-Encoding: base64

        U2xldHQgbWluZSBkYXRhLCB0YWtrIJY=
        --alt-1
        Content-Type: text/html; charset=utf-8

        <html><head><style>p{color:red}</style></head><body><p>Slett mine data</p></body></html>
        --alt-1--
        Epilogue.
        """

    public static let mixedWithAttachment = """
        From: Per Hansen <per@example.org>
        To: notices@janteloppet.test
        Subject: Retting av adresse
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        --outer
        Content-Type: multipart/alternative; boundary="inner"

        --inner
        Content-Type: text/plain; charset=utf-8

        Adressen min er feil.
        --inner
        Content-Type: text/html; charset=utf-8

        <p>Adressen min er <b>feil</b>.</p>
        --inner--
        --outer
        Content-Type: application/pdf; name="=?UTF-8?Q?bekreftelse_=C3=A6.pdf?="
        Content-Disposition: attachment; filename*=UTF-8''bekr%C3%A6ftelse.pdf
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --outer
        Content-Type: message/rfc822

        From: Old Sender <old@example.net>
        Subject: Forwarded original
        Message-ID: <inner-original@example.net>

        Inner text.
        --outer--
        """

    public static let bounce = """
        Return-Path: <>
        From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
        To: notices@janteloppet.test
        Subject: Undelivered Mail Returned to Sender
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="rep"

        --rep
        Content-Type: text/plain

        I'm sorry to have to inform you that your message could not be delivered.
        --rep
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net
        Final-Recipient: rfc822; nobody@example.net
        Action: failed
        Status: 5.1.1
        --rep
        Content-Type: text/rfc822-headers

        From: notices@janteloppet.test
        To: nobody@example.net
        Subject: Svar på din henvendelse
        Message-ID: <reply-42@janteloppet.test>
        --rep--
        """

    public static let outOfOffice = """
        From: Kari Nordmann <kari@example.no>
        To: notices@janteloppet.test
        Subject: Fravær: Svar på henvendelse
        Auto-Submitted: auto-replied
        Content-Type: text/plain; charset=utf-8

        Jeg er på ferie til 1. august.
        """

    public static let all: [[UInt8]] = [
        crlf(plainNorwegian), latin1Body, lf(alternative), crlf(mixedWithAttachment), lf(bounce), crlf(outOfOffice),
    ]
}
