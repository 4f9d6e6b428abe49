import Testing
@testable import MailCore
@testable import Requests

/// The person's new words decide; the subject, quotations and misspellings
/// only support them (texts written for these tests).
@Suite struct StructureBeforeWordsTests {
    private func kinds(_ body: String, subject: String = "", reply: Bool = false) -> Set<RequestKind> {
        RequestClassifier.classify(subject: subject, body: body, subjectIsReply: reply).kinds
    }

    @Test func aBodyThatTakesTheRequestBackOverrulesTheSubject() {
        #expect(kinds("Never mind, I will keep my account after all.", subject: "Delete my account").isEmpty)
        #expect(kinds("Glem det, jeg vil beholde kontoen likevel.", subject: "Slett kontoen min").isEmpty)
        #expect(kinds("Jeg har fortrudt, lad være med at slette noget.", subject: "Slet mine data").isEmpty)
        // Without the withdrawal the subject still asks.
        #expect(kinds("Thanks.", subject: "Delete my account") == [.erase])
    }

    @Test func thanksForAnErasureDoneUnderOurSubjectAsksNothing() {
        #expect(kinds("Tusen takk for at dere slettet alt så raskt!", subject: "Dine opplysninger er slettet", reply: true).isEmpty)
        #expect(kinds("Tack, skönt att mina uppgifter är raderade.", subject: "Dina uppgifter har raderats", reply: true).isEmpty)
        #expect(kinds("Danke, dass alles gelöscht wurde.", subject: "Ihre Daten wurden gelöscht", reply: true).isEmpty)
        // Thanks alone, or a new erasure in the body, still ask.
        #expect(kinds("Thanks.", subject: "Delete my account", reply: true) == [.erase])
        #expect(kinds("Takk for svar. Jeg vil fortsatt at dere sletter profilen min.", subject: "Profilen din er slettet", reply: true)
            == [.erase])
        #expect(kinds("Takk for svaret. Jeg vil ha alle opplysningene mine slettet.", subject: "Profilen din er slettet", reply: true)
            == [.erase])
    }

    @Test func aNegatedKindInTheBodyOverrulesTheSubject() {
        #expect(kinds("I don't want it deleted after all. Can you send me an export instead?", subject: "Delete my data") == [.access])
    }

    @Test func whatFollowsAWithdrawalCueIsTakenBackButANewRequestCounts() {
        #expect(kinds("Please ignore my last email about updating my address. Just delete my account.") == [.erase])
    }

    @Test func aReplySubjectCountsOnlyWhenTheBodyAsksNothing() {
        #expect(kinds("Please stop sending me the newsletter.", subject: "Your data access request", reply: true) == [.object])
        #expect(kinds("Any news?", subject: "Delete my data", reply: true) == [.erase])
        // Not a reply: the subject's request stands beside the body's.
        #expect(kinds("Please stop sending me the newsletter.", subject: "Access request") == [.access, .object])
    }

    @Test func wordsInQuotationMarksAreQuotedNotAsked() {
        #expect(kinds("Your letter says I can \u{201C}request that my data be erased at any time\u{201D}. Does that cancel my ticket?").isEmpty)
        #expect(kinds("I want my data to be erased.") == [.erase])
    }

    @Test func misspeltCueWordsAreRead() {
        #expect(kinds("please delet my account") == [.erase])
        #expect(kinds("i want acess to my data") == [.access])
        #expect(kinds("unsubcribe me pls") == [.object])
        #expect(kinds("BITTE ALLE MEINE DATEN LÖCHEN") == [.erase])
    }

    @Test func aLetterTypedForAnotherIsNoSlip() {
        // "slutte" (stop) is one letter from "slette" (delete); "anmelden" from "abmelden".
        #expect(FuzzyCues.cue(for: "slutte") == nil)
        #expect(FuzzyCues.cue(for: "anmelden") == nil)
        // Inflections and other languages' words are words, not slips.
        #expect(FuzzyCues.cue(for: "deleted") == nil)
        #expect(FuzzyCues.cue(for: "nyheitsbrev") == nil)
        #expect(FuzzyCues.cue(for: "slett") == nil)
        #expect(FuzzyCues.cue(for: "sletet") == "slette")
    }

    @Test func aSlipAtAWordsFirstLettersIsReadToo() {
        // The first two letters swapped, the first dropped, a letter added in front.
        #expect(FuzzyCues.cue(for: "edlete") == "delete")
        #expect(FuzzyCues.cue(for: "elete") == "delete")
        #expect(FuzzyCues.cue(for: "xdelete") == "delete")
        #expect(FuzzyCues.cue(for: "lsette") == "slette")
        #expect(FuzzyCues.cue(for: "öschen") == "löschen")
        // Every slip of a letter dropped, anywhere, of every cue long enough to be read.
        for cue in FuzzyCues.cues where cue.count >= 6 {
            for index in 0..<cue.count {
                var slip = Array(cue)
                slip.remove(at: index)
                let word = String(slip)
                guard !FuzzyCues.cues.contains(word), !FuzzyCues.realWords.contains(word),
                      !FuzzyCues.Vocabulary.everyLanguage.knows(word) else { continue }
                #expect(FuzzyCues.cue(for: word) != nil, "\(word) is a slip of \(cue)")
            }
        }
    }

    @Test func aSalesPitchAsksNothing() {
        let pitch = """
            We help event organisers answer access, rectification and erasure requests automatically.
            Would you have 15 minutes next week for a quick call? Book a demo here.
            """
        #expect(kinds(pitch).isEmpty)
        // "Do you have twenty minutes for a demo?" in the other languages.
        let portal = """
            Me har laga ein portal der deltakarane sjølve kan sjå innsyn, rette namn og slette profilen sin. \
            Har de 20 minutt neste veke til ein kort demo?
            """
        #expect(kinds(portal).isEmpty)
        let trial = """
            Vi har laga eit verktøy som finn og slettar personopplysningar på tvers av system.             Vi tilbyr 30 dagar gratis prøvetid. Har de tid til ein kort demo i neste veke?
            """
        #expect(kinds(trial).isEmpty)
        #expect(kinds("Vårt verktyg raderar och rättar uppgifter automatiskt. Har ni 15 minuter för en demo nästa vecka?").isEmpty)
        #expect(kinds("Unser Tool löscht und berichtigt Daten automatisch. Hätten Sie 15 Minuten für eine Demo?").isEmpty)
        // A demo named by a person who asks something is no pitch.
        #expect(kinds("Vi hadde en kort demo på standen vår i fjor. Vennligst slett alle opplysningene om meg.") == [.erase])
    }

    @Test func doNotDoItTakesBackTheRequestItAnswers() {
        #expect(kinds("Ni skrev «Vi kommer att radera ditt konto och alla tillhörande uppgifter». Snälla, gör INTE det! Allt fungerar igen.",
                      subject: "Re: Radera mitt konto", reply: true).isEmpty)
        #expect(kinds("Dere skrev «Vi sletter kontoen din innen 30 dager». Nei, ikke gjør det!", subject: "Re: Slett kontoen min", reply: true)
            .isEmpty)
        #expect(kinds("You wrote that my account will be deleted within 30 days. Please don't do it!", subject: "Re: Delete my account",
                      reply: true).isEmpty)
        // Asking why it has not been done, or when to do it, still asks.
        #expect(kinds("Radera mitt konto, tack. Varför gör ni inte det direkt?") == [.erase])
        #expect(kinds("Radera mitt konto. Gör det inte på fredag, gör det nu.") == [.erase])
        #expect(kinds("Please delete my account. Don't do it before the conference though.") == [.erase])
    }

    /// Questions about how erasure is done, in sentence after sentence, add
    /// up to no request: some sentence must ask for it.
    @Test func questionsAboutErasureInManySentencesAskForNone() {
        let thesis = """
            Jag skriver mitt examensarbete om hur företag hanterar rätten att bli raderad.             Hur tar ni emot begäranden om radering? Hur lång tid tar det från begäran till genomförd radering?             Raderas uppgifterna även i säkerhetskopior? Hur bekräftar ni att raderingen är gjord?
            """
        #expect(!kinds(thesis).contains(.erase))
        #expect(!kinds("Ich schreibe meine Bachelorarbeit über „Das Recht auf Vergessenwerden nach Art. 17 DSGVO“. "
                       + "Dürfte ich Ihnen einen kurzen Fragebogen schicken?").contains(.erase))
        #expect(kinds("Hur lång tid tar en radering? Radera gärna alla mina uppgifter.") == [.erase])
        #expect(kinds("Ich mache mein Recht auf Vergessenwerden geltend. Bitte löschen Sie meine Daten.") == [.erase])
    }

    /// A request reported from an earlier mail is taken back by a withdrawal
    /// in a later sentence; an erasure supposed done in an if-clause asks nothing.
    @Test func aWithdrawalTakesBackTheRequestAnEarlierMailMade() {
        #expect(kinds("On Monday I wrote asking you to erase all my information. Please disregard that request, "
                      + "I would like to keep my profile.").isEmpty)
        #expect(kinds("Eg bad dykk i førre veke om å slette profilen min. Eg har tenkt meg om. "
                      + "Ver snill og la kontoen vere som han er. Viss de alt har sletta han, kan de seie frå?").isEmpty)
        let reported = RequestClassifier.classify(
            subject: "", body: "On Monday I wrote asking you to erase all my information. Please disregard that request.")
        #expect(reported.evidence.contains("not erase: taken back; asked only in an earlier mail"))
        // Without the withdrawal the reminder still asks; so does a new request beside it.
        #expect(kinds("On Monday I wrote asking you to erase all my information. I have heard nothing since.") == [.erase])
        #expect(kinds("I wrote last week about my newsletter, please ignore that. Please delete my account.") == [.erase])
        #expect(kinds("Ignorer forrige e-post om telefonnummeret. Jeg har tenkt meg om og vil heller at dere sletter hele profilen min.")
            == [.erase])
        #expect(kinds("Hvis dere har noe om meg, vennligst slett alle opplysningene.") == [.erase])
    }

    /// "Bitte stoppen Sie die Löschung": the request is taken back, under
    /// our reply's subject too; asking us to stop ignoring a deletion request,
    /// or to stop marketing and delete, still asks for the erasure.
    @Test func stoppingTheDeletionTakesItBack() {
        #expect(kinds("Bitte stoppen Sie die Löschung meines Kontos! Ich möchte mein Konto samt Buchungshistorie behalten.",
                      subject: "AW: Ihr Antrag auf Löschung", reply: true).isEmpty)
        #expect(kinds("Please stop the deletion of my account. I need it after all.", subject: "Re: Your erasure request", reply: true)
            .isEmpty)
        #expect(kinds("Stopp slettingen av kontoen min, jeg trenger den likevel.").isEmpty)
        #expect(kinds("Avbryt raderingen av mitt konto, tack. Jag behöver det ändå.").isEmpty)
        #expect(kinds("Stop sletningen af min konto. Jeg har brug for den alligevel.").isEmpty)
        #expect(kinds("Please stop ignoring my deletion request and delete my account now.") == [.erase])
        #expect(kinds("Stopp all markedsføring og slett kontoen min.").contains(.erase))
    }

    @Test func removingTheOldValueOfACorrectionErasesNothing() {
        #expect(kinds("Jeg har fått nytt nummer.\n\nNytt nummer: (+47) 401-23-456\n\nDet gamle kan dere bare fjerne fra profilen.")
            == [.rectify])
        #expect(kinds("My new mobile number is 401 23 456. Please delete the old number.") == [.rectify])
        #expect(kinds("Meine neue Nummer ist 0151 2345678. Die alte Nummer können Sie löschen.") == [.rectify])
        // The old value may stand well before the verb: "die alte Nummer (069 …) aus meinem Profil löschen".
        #expect(kinds("Meine Handynummer hat sich geändert. Neu ist: 030 23125 417. "
                      + "Bitte die alte Nummer (069 90009 233) aus meinem Profil löschen.") == [.rectify])
        #expect(kinds("Eg har fått nytt nummer: 912 34 078. Det gamle (482 19 930) er ikkje mitt lenger, "
                      + "så ver venleg og slett det frå profilen min og bruk det nye.") == [.rectify])
        // An old account, or the old one of two profiles, is the person's data.
        #expect(kinds("My old account is useless now, please delete it.").contains(.erase))
        #expect(kinds("Please update my number to 401 23 456 and delete my old account.").contains(.erase))
        #expect(kinds("Eg har to profilar hjå dykk. Den gamle kan de slette. Etternamnet skal vere Tveit overalt.").contains(.erase))
    }

    @Test func aWordOnItsOwnLineAsks() {
        #expect(kinds("STOP") == [.object])
        // The rules read no objection in "stop by"; the kind model, reading
        // words without their order, suspects one and leaves it to a person.
        let stopBy = "Please stop by our stand at the fair."
        #expect(RequestClassifier.classify(subject: "", body: stopBy, model: nil).kinds.isEmpty)
        #expect(RequestClassifier.classify(subject: "", body: stopBy).confidence < TriagePolicy.reviewConfidence)
    }

    @Test func whatYouHaveOnMeAfterAnErasureSaysWhatToErase() {
        #expect(kinds("Please delete everything you have on me.") == [.erase])
        #expect(kinds("Send me a copy of what you have on me, then delete it all.") == [.access, .erase])
    }

    @Test func textBelowASeeBelowPointerIsRead() {
        let quoted = """
            Hi, see my question below.

            On 18/03/2025 10:20, Events wrote:
            > Your booking is confirmed.
            > If you have questions, reply to this e-mail.

            What personal data do you keep about me? I would like a copy.

            > Best regards
            """
        #expect(ReplyText.newText(quoted).contains("What personal data do you keep about me?"))
        let outlook = """
            See below.

            -----Original Message-----
            From: Events <events@janteloppet.test>
            Sent: Monday, March 3, 2025 2:21 PM
            Subject: Your invitation

            Nationality: Swedish
            [This is wrong, I am Finnish. Please correct it.]
            Best regards
            """
        #expect(ReplyText.newText(outlook).contains("This is wrong, I am Finnish. Please correct it."))
        // Without the pointer, the quoted thread is not read.
        let plain = quoted.replacingOccurrences(of: "see my question below", with: "thanks")
        #expect(!ReplyText.newText(plain).contains("What personal data"))
    }

    @Test func aDemandNotUnderstoodSendsTheWholeMailToAPerson() {
        let clear = RequestClassifier.classify(subject: "", body: "Please delete my account.")
        #expect(clear.kinds == [.erase] && clear.confidence >= TriagePolicy.reviewConfidence)
        let partly = RequestClassifier.classify(
            subject: "", body: "Please delete my account. And please frobnicate my personal data with the sponsors as well.")
        #expect(partly.kinds == [.erase])
        #expect(partly.confidence < TriagePolicy.reviewConfidence)
        #expect(partly.evidence.contains { $0.hasPrefix("doubt:") })
    }

    @Test func aKindFromTheSubjectAloneOrContestedIsLessCertain() {
        let body = RequestClassifier.classify(subject: "", body: "Please delete my account.")
        let subjectOnly = RequestClassifier.classify(subject: "Delete my account", body: "Thanks.")
        #expect(subjectOnly.kinds == [.erase])
        #expect(subjectOnly.confidence < body.confidence)
        // An erasure read from the subject alone goes to a person; another kind is only less certain.
        #expect(subjectOnly.confidence < TriagePolicy.reviewConfidence)
        let topic = RequestClassifier.classify(subject: "Press inquiry: the right to be forgotten in the events industry",
                                               body: "How many requests do you receive per year? My deadline is Friday.")
        #expect(!topic.kinds.contains(.erase) || topic.confidence < TriagePolicy.reviewConfidence)
        // The body only mentions the right the subject names: the subject alone asks.
        let mentioned = RequestClassifier.classify(
            subject: "Spørsmål fra Fjordposten – retten til å bli glemt",
            body: "Hei, jeg skriver en artikkel om hvordan arrangører håndterer retten til å bli glemt. "
                + "Hvor mange slike henvendelser fikk dere i fjor? Hilsen Per")
        #expect(!mentioned.kinds.contains(.erase) || mentioned.confidence < TriagePolicy.reviewConfidence)
        let invoked = RequestClassifier.classify(
            subject: "Retten til å bli glemt", body: "Hei, jeg vil benytte retten til å bli glemt. Slett alt dere har om meg. Hilsen Per")
        #expect(invoked.kinds == [.erase] && invoked.confidence >= TriagePolicy.reviewConfidence)
        let unsubscribe = RequestClassifier.classify(subject: "Unsubscribe me from the newsletter", body: "Thanks.")
        #expect(unsubscribe.kinds == [.object] && unsubscribe.confidence >= TriagePolicy.reviewConfidence)
        // Contested: an erasure phrase asked and another negated in the same mail.
        let contested = RequestClassifier.classify(subject: "", body: "Please delete my account. Do not delete my photos.")
        #expect(contested.kinds == [.erase])
        #expect(contested.confidence < body.confidence)
        #expect(contested.evidence.contains { $0.hasPrefix("doubt:") })
    }

    @Test func anAttachedForwardIsReadButClaimsComeFromThePersonsOwnWords() {
        let raw = """
            From: Tove Berg <tove.berg@example.no>
            To: notices@janteloppet.test
            Subject: Fwd: Sletting
            Message-ID: <fwd-attached-1@example.no>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8

            Se vedlagt e-post fra min mor.

            --b1
            Content-Type: message/rfc822

            From: Randi Berg <randi.berg@example.net>
            To: info@example.org
            Subject: Sletting
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Jeg vil at dere sletter kontoen min og alle opplysningene mine.
            Kontoen er registrert på randi.berg@example.net.

            --b1--

            """.replacingOccurrences(of: "\n", with: "\r\n")
        let result = MessageClassification(MessageReader.read(Array(raw.utf8)))
        #expect(result.classification.kinds == [.erase])
        #expect(result.reading.claims.isEmpty)
        // The attached mail does make a claim, about its own writer.
        #expect(!RegisteredAddressClaim.find(in: "Kontoen er registrert på randi.berg@example.net.").isEmpty)
    }

    /// A sales pitch the person forwards as an attachment does not make the
    /// note's own objection a pitch; a note that asks nothing stays no request.
    @Test func aPitchForwardedAsAnAttachmentIsNotThePersons() {
        func read(note: String, pitch: String = "Er du interessert i de nye stillasløsningene våre?") -> Classification {
            let raw = """
                From: Eirik Tangen <eirik.t@example.no>
                To: notices@janteloppet.test
                Subject: Deling av deltakerliste med utstillere
                Message-ID: <pitch-attached@example.no>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                \(note)

                --b1
                Content-Type: message/rfc822

                From: Frode Lien <frode.lien@example.com>
                To: eirik.t@example.no
                Subject: Hyggelig å se deg!
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                Hei Eirik! \(pitch) Har du tid til en kort prat neste uke?

                Med vennlig hilsen
                Frode Lien
                Key Account Manager

                --b1--

                """.replacingOccurrences(of: "\n", with: "\r\n")
            return MessageClassification(MessageReader.read(Array(raw.utf8))).classification
        }
        let objection = read(note: "Jeg har fått henvendelser fra utstillere, se vedlagt e-post. Jeg vil ikke at navnet mitt eller arbeidsgiveren min gis videre til utstillere eller andre partnere.")
        #expect(objection.kinds == [.object])
        #expect(read(note: "Se vedlagt e-post. Hva synes dere om dette?").kinds.isEmpty)
        // Only what the note asks is read: the pitch's own erasure words are not the person's.
        let access = read(note: "Jeg vil gjerne ha innsyn i hva dere har registrert om meg. Se ellers vedlagt e-post.",
                          pitch: "Vi sletter alle personopplysningene dine og kontoen din for deg på sekunder.")
        #expect(access.kinds == [.access])
    }

    @Test func anAddressAtTheCompanysOwnDomainIsNeverThePersonsNewOne() {
        func read(_ body: String) -> Classification {
            let raw = "From: Kari Nordmann <kari@example.no>\r\nTo: notices@janteloppet.test\r\nSubject: E-post\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n"
            return MessageClassification(MessageReader.read(Array(raw.utf8))).classification
        }
        // Our own address in a change phrase is no value, and makes no correction.
        #expect(read("Please change my e-mail to info@janteloppet.test.").fields[.email] == nil)
        #expect(read("Please change my e-mail to info@mail.janteloppet.test.").fields[.email] == nil)
        // The honest path: the person's own new address is read.
        #expect(read("Please change my e-mail to kari.ny@example.com.").fields[.email] == "kari.ny@example.com")
        #expect(read("Please change my e-mail to kari.ny@example.com.").kinds == [.rectify])
    }

    @Test func oneWordOfAWholeNameIsTheFirstOrLastNameAsTheSenderWritesIt() {
        let raw = "From: Synnøve Karlsen <synnove.karlsen@example.no>\r\nTo: notices@janteloppet.test\r\nSubject: Navn\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Navnet mitt er stavet feil på navnelappen: det er Synnøve med to n, ikke Synøve. Kan dere rette det?\r\n"
        let result = MessageClassification(MessageReader.read(Array(raw.utf8)))
        #expect(result.classification.kinds == [.rectify])
        #expect(result.classification.fields == [.firstName: "Synnøve"])
    }
}
