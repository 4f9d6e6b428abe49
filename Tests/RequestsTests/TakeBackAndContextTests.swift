import Testing
@testable import MailCore
@testable import Requests

/// Mail that looks like a request and is not one, and the request beside it
/// that still counts (texts written for these tests).
@Suite struct TakeBackAndContextTests {
    private func kinds(_ body: String, subject: String = "") -> Set<RequestKind> {
        RequestClassifier.classify(subject: subject, body: body).kinds
    }

    @Test func forgettingTheLastMailTakesBackTheSubjectsErasure() {
        #expect(kinds("Glem venligst min sidste mail. Jeg skal bruge kontoen alligevel.", subject: "Slet min konto").isEmpty)
        #expect(kinds("Bitte vergessen Sie meine Mail von gestern, ich möchte mein Konto behalten.", subject: "Bitte mein Konto löschen").isEmpty)
        // The honest path: the same subject with a body that asks.
        #expect(kinds("Slet venligst min konto og alle mine oplysninger.", subject: "Slet min konto") == [.erase])
    }

    @Test func forgettingOrIgnoringTheMailSentBeforeTakesItBackInEveryLanguage() {
        #expect(kinds("Glem e-posten jeg sendte i går. Kontoen må få stå.", subject: "Slett kontoen min").isEmpty)
        #expect(kinds("Gløym e-posten eg sende i går, eg vil ha kontoen likevel.", subject: "Slett kontoen min").isEmpty)
        #expect(kinds("Bitte ignorieren Sie meine Mail von gestern Abend. Ich will doch nicht gelöscht werden.",
                      subject: "Re: Löschung meines Kontos").isEmpty)
        #expect(kinds("Please forget the email I sent this morning, I was annoyed.", subject: "Delete my account").isEmpty)
        #expect(kinds("Glöm mejlet jag skickade i morse, jag vill ha kvar kontot.", subject: "Radera mitt konto").isEmpty)
        #expect(kinds("Glem mailen jeg sendte i går, jeg vil beholde kontoen.", subject: "Slet min konto").isEmpty)
        // The honest path: the same subjects with a body that asks.
        #expect(kinds("Slett alle opplysningene mine, takk.", subject: "Slett kontoen min") == [.erase])
        #expect(kinds("Please delete my account and everything you hold on me.", subject: "Delete my account") == [.erase])
    }

    /// "You need not send me marketing any more" objects; "you need not send
    /// the copy after all" takes a request back.
    @Test func noNeedToSendMarketingAnyMoreIsAnObjectionNotATakeBack() {
        #expect(kinds("Hei. Dere trenger ikke sende meg reklame lenger. Hilsen Kari") == [.object])
        #expect(kinds("Hei, dere trenger ikke sende meg nyhetsbrevet lenger. Mvh Ola", subject: "Nyhetsbrev") == [.object])
        #expect(kinds("Hei igjen. Dere trenger ikke sende kopien likevel, jeg fant den. Hilsen Kari", subject: "Re: Innsyn").isEmpty)
        #expect(kinds("Jeg ba om innsyn i går, men dere trenger ikke gjøre noe likevel.").isEmpty)
    }

    @Test func aRequestWeighedButNotYetMadeIsNoRequest() {
        #expect(kinds("""
            I'm thinking about deleting my account, but first I want to understand how it works. \
            I'm not asking you to delete anything yet.
            """, subject: "question about deleting account").isEmpty)
        #expect(kinds("""
            Eg vurderer å be om at profilen min blir sletta, men først vil eg vite kva det inneber. \
            Eg har ikkje bestemt meg enno, så ikkje gjer noko før eg seier frå.
            """).isEmpty)
        #expect(kinds("Jeg vurderer å be om at dere sletter meg. Ikke gjør noe før jeg sier fra.").isEmpty)
        #expect(kinds("Jag funderar på att be er radera mitt konto, men jag har inte bestämt mig än.").isEmpty)
        #expect(kinds("Jeg overvejer at bede jer slette min profil, men jeg har ikke besluttet mig endnu.").isEmpty)
        #expect(kinds("Ich überlege, ob ich mein Konto löschen lasse. Ich habe mich noch nicht entschieden.").isEmpty)
        // The honest path: the decision made.
        #expect(kinds("I have thought about it: please delete my account.") == [.erase])
        #expect(kinds("Jeg har bestemt meg: slett profilen min.") == [.erase])
        #expect(kinds("Jag har bestämt mig, radera mitt konto.") == [.erase])
    }

    @Test func askingWhetherItIsPossibleIsARequestUnlessItIsAboutDoingItOneself() {
        #expect(kinds("Hi, is it possible to have my profile removed? I made it for one event and never used it.") == [.erase])
        #expect(kinds("Er det mulig å få slettet kontoen min?") == [.erase])
        #expect(kinds("Är det möjligt att få mitt konto raderat?") == [.erase])
        #expect(kinds("Wäre es möglich, mein Konto zu löschen?") == [.erase])
        #expect(kinds("Is it possible to get a copy of my data?") == [.access])
        // Doing it oneself is a question about how, not a request.
        #expect(kinds("Is it possible to delete my account myself in the app?").isEmpty)
        #expect(kinds("Er det mulig å slette kontoen selv?").isEmpty)
        // A possibility with nothing of the person's data asked for asks nothing.
        #expect(kinds("Is it possible to park at the venue on Friday?").isEmpty)
    }

    @Test func withoutUndueDelayNegatesNothing() {
        #expect(kinds("Jag begär att ni utan onödigt dröjsmål raderar samtliga personuppgifter som rör mig.") == [.erase])
        #expect(kinds("I request that you erase all my personal data without undue delay.") == [.erase])
        #expect(kinds("Jeg ber om at dere sletter alle opplysningene mine uten ugrunnet opphold.") == [.erase])
        // "Without" before anything else still negates: do it without deleting anything.
        #expect(kinds("Please close my newsletter subscription without deleting my account.") != [.erase])
    }

    @Test func everydayVerbsOfDestroyingAreErasure() {
        #expect(kinds("I'd like mine destroyed now, not in 2029.") == [.erase])
        #expect(kinds("Please destroy my CV and the other documents from the application.") == [.erase])
        #expect(kinds("Det kontot vill jag få utraderat.") == [.erase])
        #expect(kinds("Bitte vernichten Sie meine Bewerbungsunterlagen.") == [.erase])
        #expect(kinds("Bitte die Nummer und den ganzen Rest von mir aus eurem System schmeißen.") == [.erase])
        #expect(kinds("Jeg vil gerne have mit CV og min ansøgning makuleret.") == [.erase])
        #expect(kinds("I så fall vil jeg gjerne se hva som er lagret.") == [.access])
    }

    @Test func everydayWaysOfRefusingSharingAndAdvertisingAreObjections() {
        #expect(kinds("Please stop giving my details out.") == [.object])
        #expect(kinds("Vær så snill, la meg være i fred med reklamen deres.") == [.object])
        #expect(kinds("Jeg ønsker ikke at lista med meg på sendes til utstillerne.") == [.object])
        #expect(kinds("Och från och med nu: dela dem inte med någon.") == [.object])
        #expect(kinds("Jag vill att mina kontaktuppgifter stannar hos er och inte går vidare till någon tredje part.") == [.object])
        #expect(kinds("Lad mig være i fred med jeres reklamer.") == [.object])
        #expect(kinds("Ab jetzt bitte keine Weitergabe mehr an Aussteller.") == [.object])
        #expect(kinds("Bitte stellt die Werbung an diese Adressen ein.") == [.object])
        // The honest path: sharing asked about, not refused, is no objection.
        #expect(kinds("Do you give the attendee list to the exhibitors?") != [.object])
    }

    @Test func aNegatedVerbAloneKeepsTheSubjectFromErasing() {
        #expect(kinds("Ich war gestern zu schnell. Bitte NICHT löschen, alles soll so bleiben.", subject: "Mein Konto löschen").isEmpty)
        #expect(kinds("Jeg vil IKKE slettes alligevel, min chef har tilmeldt mig.", subject: "Slet mig").isEmpty)
        // A verb alone asks for nothing, and does not stop the subject's request.
        #expect(kinds("Danke.", subject: "Mein Konto löschen") == [.erase])
        #expect(kinds("Kan I slette det hurtigt?", subject: "Slet min konto") == [.erase])
    }

    @Test func leavingOneEventsAttendeeListCancelsARegistration() {
        #expect(kinds("Please cancel my ticket and take me off the attendee list for that one.").isEmpty)
        #expect(kinds("Kan dere ta meg av deltakerlisten og refundere billetten?").isEmpty)
        #expect(kinds("Kan de ta meg av deltakarlista til frukostmøtet?").isEmpty)
        // A course's waiting list is one too.
        #expect(kinds("Kan dere ta meg av ventelisten til vinkurset? Jeg har fått plass på et annet kurs.").isEmpty)
        #expect(kinds("I got a seat elsewhere, please take me off the waiting list for the wine course.").isEmpty)
        // Off the mailing list is still an objection, beside the attendee list too.
        #expect(kinds("Please take me off your mailing list.") == [.object])
        #expect(kinds("Take me off your mailing list, and the attendee list too.") == [.object])
    }

    @Test func aRuleThatHoldsANegationIsNotNegatedByIt() {
        let result = RequestClassifier.classify(subject: "", body: "Hallo, meine Adresse stimmt nicht mehr. Bitte korrigieren.")
        #expect(result.kinds == [.rectify])
        #expect(!result.evidence.contains { $0.hasPrefix("negated") || $0.hasPrefix("doubt") })
    }

    @Test func aShortCallPitchIsASalesMail() {
        #expect(kinds("""
            Our portal lets your attendees access, correct and delete their personal data in a few clicks. \
            Would you be open to a 15-minute call next week?
            Best,
            Natasha
            Account Executive
            """).isEmpty)
    }

    @Test func takingSomeoneOffTheDatabaseErasesAndDialectWordsAreRead() {
        #expect(kinds("Can you take me off your database altogether please.") == [.erase])
        #expect(kinds("hi pls delate my acct n all my info asap") == [.erase])
        #expect(kinds("Could ye let us ken whit information ye've got on me?") == [.access])
        #expect(kinds("Så nu vil a gjen vide hwad I hår liggend om mæ i jeres system.") == [.access])
        #expect(kinds("Kan I sende mig en kopi af alt? Og bagefter vil jeg gerne have, at I sletter det hele.") == [.access, .erase])
        #expect(kinds("Afmeld venligst. Jeg kan ikke finde linket.") == [.object])
        #expect(kinds("Geben Sie keinerlei Daten mehr an Partner oder Aussteller weiter.") == [.object])
        #expect(kinds("Meine Kontaktdaten bitte weder an Aussteller noch an Sponsoren geben.") == [.object])
    }

    @Test func aPhraseMostlyInsideQuotationMarksIsQuotedNotAsked() {
        #expect(kinds("Dere skrev at «profilen din vil bli slettet om 30 dager». Nei takk, IKKE slett den!").isEmpty)
        // The person's own words around it still count.
        #expect(kinds("Dere skrev at «profilen din vil bli slettet om 30 dager». Det er greit, jeg vil at alt blir slettet nå.") == [.erase])
    }

    @Test func requestsWrittenInTheThirdSetsWaysAreRead() {
        #expect(kinds("Jeg ønsker å bli slettet hos dere. Og ikke send meg nyhetsbrev i mellomtiden.") == [.erase, .object])
        #expect(kinds("1. Tell me what you have about me. 2. Then delete all of it.") == [.access, .erase])
        #expect(kinds("Bitte gebt meine Nummer NICHT mehr an Aussteller weiter.") == [.object])
        #expect(kinds("Könnt ihr mal nachschauen, ob ich bei euch überhaupt drin bin? Und wenn ja, mit welchen Daten?") == [.access])
        #expect(kinds("Finns jag i ert system? Och i så fall, vad står det om mig där?") == [.access])
        #expect(kinds("Eg vil gjerne vite kvar de har fått adressa mi frå.") == [.access])
        #expect(kinds("Könnt ihr meine E-Mail-Adresse bitte von anna@example.com auf anna@example.org umstellen?") == [.rectify])
        // A place in a question is no new value: "…auf einer Teilnehmerliste (irgendwas in Hamburg 2023?)".
        #expect(RectificationExtractor.extract(body: "Er hätte meinen Namen auf einer Liste gesehen (irgendwas in Hamburg 2023?).", language: .de).isEmpty)
    }

    @Test func aForwardedMailOfOursIsNotReadAsThePersonsWords() {
        let raw = """
            From: Vegard Nilsen <vegard.nilsen@example.com>
            To: notices@janteloppet.test
            Subject: Fwd: Velkommen som bruker

            Jeg har aldri opprettet noen bruker. Vennligst slett denne kontoen.

            ---------- Forwarded message ---------
            Fra: Janteloppet <noreply@janteloppet.test>
            Date: tir. 14. jan. 2025 kl. 08:47
            Subject: Velkommen som bruker
            To: <vegard.nilsen@example.com>

            Takk for at du opprettet en bruker. Her kan du oppdatere profilen din, eller skrive til notices@janteloppet.test.

            """.replacingOccurrences(of: "\n", with: "\r\n")
        let result = MessageClassification(MessageReader.read(Array(raw.utf8)))
        #expect(result.classification.kinds == [.erase])
        #expect(result.classification.fields.isEmpty)
        // Someone else's forwarded mail is still read.
        let other = raw.replacingOccurrences(of: "noreply@janteloppet.test", with: "kari@example.org")
        #expect(ReplyText.newText(other, ownDomains: ["janteloppet.test"]).contains("oppdatere profilen"))
        #expect(!ReplyText.newText(raw, ownDomains: ["janteloppet.test"]).contains("oppdatere profilen"))
        // A look-alike domain is not ours.
        #expect(!"x <a@janteloppet.test.example.com>".containsAddress(at: "janteloppet.test"))
        #expect("x <a@janteloppet.test>".containsAddress(at: "janteloppet.test"))
    }
}

/// Value shapes from the second evaluation set's tune part (texts written for these tests).
@Suite struct ValueShapesTests {
    private func fields(_ body: String, _ language: Language = .en) -> [RectificationField: String] {
        RectificationExtractor.extract(body: body, language: language)
    }

    @Test func aCountryCodeInBracketsStartsAPhone() {
        #expect(fields("Kan dere endre det fra 912 34 567 til (+47) 401-23-456 i profilen min?", .nb)[.phone] == "+4740123456")
    }

    @Test func aListOfDietsIsOneValueAndAVerbAfterItIsNot() {
        #expect(fields("Kan de oppdatere matbehova mine til: vegetar, glutenfri", .nn)[.dietary] == "vegetar, glutenfri")
        #expect(fields("Please change my dietary requirement to vegan, no nuts.")[.dietary] == "vegan, no nuts")
        #expect(fields("Bitte in meinem Profil die Ernährung von vegetarisch auf vegan ändern.", .de)[.dietary] == "vegan")
        // Names and companies that only start like a change verb are whole.
        #expect(fields("Please change my name to Kari Rettedal.")[.lastName] == "Rettedal")
        #expect(fields("Please change my employer to Fjord Setterberg AS.")[.organization] == "Fjord Setterberg AS")
    }

    @Test func formLinesUnderEachOtherAreSeparateValues() {
        let read = fields("Jeg har flyttet, så dere må oppdatere:\nNy adresse: Kragebjergsgade 12, 2. th., 2200 København N\nNytt mobilnummer: +45 21 43 65 87", .nb)
        #expect(read[.address] == "Kragebjergsgade 12, 2. th., 2200 København N")
        #expect(read[.phone] == "+4521436587")
    }

    @Test func anAnnouncedLineWithALabelIsReadAfterTheLabel() {
        #expect(fields("Kan I opdatere dem til:\nOrganisation: Fjordlys Rådgivning ApS", .da)[.organization] == "Fjordlys Rådgivning ApS")
    }

    @Test func theBodysValueWinsOverTheSubjectsAndATownAloneIsNoAddress() {
        let body = RectificationExtractor.extract(subject: "Address change - moved to København",
                                                  body: "Please change my postal address to: Nørrebrogade 12, 2. th., 2200 København N", language: .en)
        #expect(body[.address] == "Nørrebrogade 12, 2. th., 2200 København N")
        #expect(fields("I moved to Denmark, so it should be +45 21 43 65 87 now.")[.address] == nil)
        #expect(fields("Last week I moved to Storgata 5, 0155 Oslo.")[.address] == "Storgata 5, 0155 Oslo")
    }
}
