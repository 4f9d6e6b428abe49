import Testing
@testable import MailCore

@Suite struct ReplyTextTests {
    @Test(arguments: [
        ("Re: Innsyn", "Innsyn"),
        ("SV: VS: Fwd: Innsyn", "Innsyn"),
        ("RE:  re: Sletting", "Sletting"),
        ("AW: WG: Antw: Löschung", "Löschung"),
        ("Re[2]: Fw: Tr: Vs: test", "test"),
        ("Re : Demande", "Demande"),
        ("Fwd:", ""),
        ("Regarding: my data", "Regarding: my data"),
        ("Svaret mitt: ja", "Svaret mitt: ja"),
        ("Line\r\n break", "Line break"),
    ])
    func cleanSubject(raw: String, expected: String) {
        #expect(ReplyText.cleanSubject(raw) == expected)
    }

    @Test func cutsEnglishAttributionAndQuotes() {
        let text = """
            Please delete my account.

            On Mon, Mar 4, 2024 at 9:15 AM Janteloppet <notices@janteloppet.test> wrote:
            > Thank you for your message.
            > Regards
            """
        #expect(ReplyText.newText(text) == "Please delete my account.")
    }

    @Test func cutsWrappedGmailAttribution() {
        let text = "Yes, that is me.\n\nOn Mon, Mar 4, 2024 at 9:15 AM Personvern Janteloppet <\nnotices@janteloppet.test> wrote:\n\n> Can you confirm?\n"
        #expect(ReplyText.newText(text) == "Yes, that is me.")
    }

    @Test func cutsNorwegianGermanAndSwedishAttributions() {
        let samples = [
            "Slett meg.\n\nDen 4. mars 2024 kl. 09:15 skrev Personvern <notices@janteloppet.test>:\n> Hei\n",
            "Slett meg.\n\nman. 4. mars 2024 kl. 09:15 skrev Personvern <notices@janteloppet.test>:\n\n> Hei\n",
            "Slett meg.\n\nAm 04.03.2024 um 09:15 schrieb Personvern <notices@janteloppet.test>:\n> Hallo\n",
        ]
        for sample in samples {
            #expect(ReplyText.newText(sample) == "Slett meg.")
        }
    }

    @Test func cutsOutlookHeaderBlocksAndBanners() {
        let outlook = """
            Jeg vil reservere meg mot markedsføring.

            ________________________________
            Fra: Personvern <notices@janteloppet.test>
            Sendt: mandag 4. mars 2024 09:15
            Til: Kari Nordmann <kari@example.no>
            Emne: SV: Henvendelse

            Hei Kari,
            """
        #expect(ReplyText.newText(outlook) == "Jeg vil reservere meg mot markedsføring.")
        let swedish = "Radera mig.\n\nFrån: Personvern <notices@janteloppet.test>\nSkickat: den 4 mars 2024\nTill: a@example.se\n"
        #expect(ReplyText.newText(swedish) == "Radera mig.")
        let german = "Bitte löschen.\n\nVon: Personvern\nGesendet: Montag, 4. März 2024\nAn: a@example.de\n"
        #expect(ReplyText.newText(german) == "Bitte löschen.")
        for banner in ["-----Original Message-----", "-----Opprinnelig melding-----", "-----Ursprüngliche Nachricht-----"] {
            #expect(ReplyText.newText("Se under.\n\n\(banner)\nFrom: x@example.com\nold text") == "Se under.")
        }
    }

    @Test func forwardsLoseTheirHeadersButKeepTheirText() {
        for banner in ["---------- Forwarded message ---------", "Begin forwarded message:", "-------- Videresendt melding --------"] {
            let text = "Se under.\n\n\(banner)\n\nFrom: Kari <kari@example.no>\nDate: 4. mars 2024\nSubject: Sletting\n  (wrapped)\nTo: notices@janteloppet.test\n\nSlett meg.\n\nOn Mon, 4 Mar 2024 Personvern <notices@janteloppet.test> wrote:\n> Hei"
            #expect(ReplyText.newText(text) == "Se under.\n\nSlett meg.")
        }
        let outlookForward = "FYI.\n\nFra: Kari <kari@example.no>\nSendt: 4. mars 2024\nTil: a@example.no\nEmne: VS: Innsyn\n\nJeg vil ha innsyn."
        #expect(ReplyText.newText(outlookForward) == "FYI.\n\nJeg vil ha innsyn.")
    }

    @Test func removesSignatureAndMobileLinesButKeepsSignOff() {
        let text = """
            Hei,
            rett adressen min til Storgata 1.

            Med vennlig hilsen
            Kari

            Sendt fra min iPhone
            -- 
            Kari Nordmann | +47 000 00 000
            """
        #expect(ReplyText.newText(text) == "Hei,\nrett adressen min til Storgata 1.\n\nMed vennlig hilsen\nKari")
        #expect(ReplyText.newText("Delete me.\n\nSent from my iPhone") == "Delete me.")
    }

    @Test func keepsInlineRepliesBetweenQuotes() {
        let text = "> Which account?\nThe one at kari@example.no.\n> Anything else?\nNo.\n"
        #expect(ReplyText.newText(text) == "The one at kari@example.no.\nNo.")
    }

    @Test func lettersThatTellWhatTheyWroteAreNotCut() {
        for letter in ["Den 3. mars skrev jeg til dere:\n\nJeg ber om innsyn.", "On 3 March I wrote to you:\nplease delete my data.",
                       "Am 04.03.2024 schrieb ich Ihnen:\nBitte löschen Sie meine Daten."] {
            #expect(ReplyText.newText(letter) == letter)
        }
    }

    @Test func ordinaryLettersAreKeptWhole() {
        let letter = """
            Til Eksempel AS,

            Jeg skrev til dere i fjor:
            jeg ber nå om sletting etter artikkel 17.

            Fra: Kari Nordmann
            Adresse: Storgata 1
            """
        #expect(ReplyText.newText(letter) == letter)
    }

    @Test func forwardWithoutNewTextKeepsTheForwardedText() {
        let text = "---------- Forwarded message ----------\nFrom: Kari <kari@example.no>\nDate: 4 Mar 2024\n\nPlease delete my data."
        #expect(ReplyText.newText(text).hasSuffix("Please delete my data."))
    }

    /// Blanks collapsed on bytes agree with collapsing them Character by Character.
    @Test func collapsedBlanksAgreeWithCharacters() {
        let pieces = [" ", "\t", "  ", "a", "ø", "Ä", "e\u{301}", "\u{301}", "x y", "\u{2003}", "\u{A0}", "ǆ"]
        var generator = SeededGenerator(seed: 9)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let expected = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            #expect(ReplyText.collapsingBlanks(text) == expected, "\(text.debugDescription)")
        }
    }
}
