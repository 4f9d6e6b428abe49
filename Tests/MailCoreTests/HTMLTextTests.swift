import Testing
@testable import MailCore

@Suite struct HTMLTextTests {
    @Test func entitiesBlocksScriptsAndStyles() {
        let html = """
            <html><head><title>T</title><style>.a { color: red }</style></head>
            <body><div>Hei&nbsp;P&aring;l &amp; K&#229;re&#x21;</div><p>Br&oslash;d<br/>og sm&oslash;r</p>
            <script type="text/javascript">if (a < b) { document.write("<p>x</p>") }</script>
            <ul><li>en</li><li>to</li></ul><!-- comment <p> --></body></html>
            """
        #expect(HTMLText.text(from: html) == "Hei Pål & Kåre!\n\nBrød\nog smør\n\n- en\n- to")
    }

    @Test func blockquotesBecomeQuotedLines() {
        let html = "<div>Ja, slett.</div><div>On Mon, 4 Mar 2024, Personvern &lt;notices@janteloppet.test&gt; wrote:</div><blockquote>Vil du slettes?</blockquote>"
        let text = HTMLText.text(from: html)
        #expect(text.contains("> Vil du slettes?"))
        #expect(ReplyText.newText(text) == "Ja, slett.")
    }

    @Test func brokenMarkupNeverLosesPlainText() {
        #expect(HTMLText.text(from: "a < b and c > d") == "a < b and c > d")
        #expect(HTMLText.text(from: "fish &chips; &unknown; &#99999999;") == "fish &chips; &unknown; &#99999999;")
        #expect(HTMLText.text(from: "<p title=\"unterminated>text") == "text")
    }

    @Test func outlookHTMLReplyKeepsOnlyTheNewText() {
        let raw = """
            From: Kari Nordmann <kari@example.no>
            Subject: SV: Henvendelse
            Content-Type: text/html; charset="iso-8859-1"
            Content-Transfer-Encoding: quoted-printable

            <html><body><div>Ja, slett kontoen min, takk.</div><div><br></div>
            <div id=3D"divRplyFwdMsg"><hr><font><b>Fra:</b> Personvern &lt;notices@janteloppet.test&gt;<br>
            <b>Sendt:</b> mandag 4. mars 2024 09:15<br><b>Til:</b> Kari Nordmann<br>
            <b>Emne:</b> Henvendelse</font></div><div>Vil du at vi sletter kontoen? Bl=E5b=E6r</div></body></html>
            """
        let message = MessageReader.read(Array(raw.utf8))
        #expect(message.text.contains("Blåbær"))
        #expect(ReplyText.newText(message.text) == "Ja, slett kontoen min, takk.")
    }
}
