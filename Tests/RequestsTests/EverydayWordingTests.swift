import Testing
@testable import Requests

/// Everyday ways of asking, in the six languages, beside the near misses that
/// ask nothing (texts written for these tests). The rules' reading: a kind
/// the model adds stays below the review threshold, for a person to decide.
@Suite struct EverydayWordingTests {
    private func kinds(_ body: String, subject: String = "") -> Set<RequestKind> {
        RequestClassifier.classify(subject: subject, body: body, model: nil).kinds
    }

    @Test func aContractionAtTheEndOfASentenceEndsIt() {
        #expect(SentenceSplitter.split("Thanks, but I prefer that you don't. Please destroy my CV.")
                == ["Thanks, but I prefer that you don't.", "Please destroy my CV."])
        #expect(kinds("You offered to keep my CV. Thanks, but I'd rather you didn't. Please destroy my CV and cover letter.") == [.erase])
        // An initial still does not end one.
        #expect(SentenceSplitter.split("Ask Kari J. Berg about it.").count == 1)
    }

    @Test func stopInASubjectAboutAPaymentAsksNothing() {
        #expect(kinds("Kan dere stoppe purringene på faktura 2025-0042? Den er betalt.", subject: "Dobbel faktura – stopp den ene").isEmpty)
        #expect(kinds("Vi betaler resten selv, så I kan stoppe de to sidste trækninger.", subject: "Stop ratebetaling").isEmpty)
        #expect(kinds("My employer pays the rest, so no more card charges please.", subject: "Stop the instalments").isEmpty)
        // The honest path: "stop" about the mail itself.
        #expect(kinds("Jeg får altfor mye fra dere.", subject: "Stopp") == [.object])
        #expect(kinds("Takk.", subject: "Stopp reklamen") == [.object])
    }

    @Test func articlesListedAfterTheFirstAreAskedToo() {
        #expect(kinds("Art. 17 och 21, tack.") == [.erase, .object])
        #expect(kinds("I invoke art. 15 and 21.") == [.access, .object])
    }

    /// Out of the register, the records, the system: "Stryk meg frå
    /// registeret dykkar", "…wants her details taken off your records",
    /// "…aus eurem System schmeißen", "vil gerne glemmes"; not an invoice
    /// taken off the records or a list of volunteers.
    @Test func outOfTheRegisterIsAnErasure() {
        #expect(kinds("Stryk meg frå registeret dykkar.") == [.erase])
        #expect(kinds("My nan wants her details taken off your records.") == [.erase])
        #expect(kinds("Keine SMS mehr, bitte. Und bitte die Nummer und den Rest von mir aus eurem System schmeißen.").contains(.erase))
        #expect(kinds("Ich möchte, dass ihr mich aus eurer Helferdatenbank tilgt.") == [.erase])
        #expect(kinds("Hun vil gerne glemmes af jer nu.") == [.erase])
        #expect(!kinds("Please make sure the duplicate invoice is taken off your records.").contains(.erase))
        // No longer in the register; gone from it.
        #expect(kinds("Jeg ønsker ikke lenger å stå i registrene deres.") == [.erase])
        #expect(kinds("I no longer want to be in your database.") == [.erase])
        #expect(kinds("Ich möchte nicht mehr in Ihrer Datenbank stehen.") == [.erase])
        #expect(kinds("Jag vill inte längre finnas i era register.") == [.erase])
        #expect(kinds("Jeg vil ikke længere stå i jeres kartotek.") == [.erase])
        #expect(kinds("Jeg ønsker at navnet mitt og telefonnummeret mitt forsvinner fra basen deres.") == [.erase])
        #expect(kinds("Der Account macht keinen Sinn mehr. Könnt ihr ihn bitte plattmachen?") == [.erase])
        #expect(!kinds("Jeg ønsker ikke lenger å stå på ventelisten til kurset.").contains(.erase))
        #expect(!kinds("Die alte Website könnt ihr gerne plattmachen.").contains(.erase))
        #expect(!kinds("Feilen forsvinner fra systemet når dere oppdaterer appen.").contains(.erase))
        #expect(!kinds("Bitte die alte Rechnung aus dem System löschen.").contains(.erase))
    }

    /// "Kan dere fikse det?" asks to fix what the mail is about: after an
    /// objection, the marketing; a correction needs the field or the wrong
    /// value named.
    @Test func fixItAsksToFixWhatTheMailIsAbout() {
        #expect(kinds("Jeg vil ikke ha den typen tilbud, verken på SMS eller e-post. Kan dere fikse det?") == [.object])
        #expect(kinds("Navnet mitt er feil i profilen, det skal være Kjersti med j. Kan dere fikse det?").contains(.rectify))
    }

    /// An exhibitor's photo of its own stand is no personal data: taking it
    /// down asks for no erasure, in any of the six languages; a photo of the
    /// writer, even one taken at a stand, still does.
    @Test func aPhotoOfTheWritersStandIsNoErasure() {
        #expect(kinds("The photo of our booth on your exhibitor page shows our old branding. Could you delete it?").isEmpty)
        #expect(kinds("Bilden av vår monter på er utställarsida är från 2022. Kan ni ta bort den?").isEmpty)
        #expect(kinds("Auf Ihrer Webseite ist ein Foto von unserem Messestand mit altem Logo. Können Sie das Foto entfernen?").isEmpty)
        #expect(kinds("Bildet av standen vår fra messen ligger på nettsiden. Kan dere slette bildet?").isEmpty)
        #expect(kinds("Biletet av standen vår er gamalt. Kan de slette biletet?").isEmpty)
        #expect(kinds("Billedet af vores stand er forældet. Vil I slette billedet?").isEmpty)
        // The honest path: a photo of the writer.
        #expect(kinds("There is a photo of me at your stand in the gallery. Please remove it.") == [.erase])
        #expect(kinds("På nettsiden ligger et bilde av meg tatt ved standen deres. Vennligst fjern bildet.") == [.erase])
        #expect(kinds("In Ihrer Galerie ist ein Foto von mir an Ihrem Stand. Bitte löschen Sie das Foto.") == [.erase])
        // Another erasure phrase in the same mail still counts.
        #expect(kinds("The photo of our booth is old, delete it. And please delete all my personal data too.") == [.erase])
        // A product's photo ("Produktfoto", "product image") is no personal data either.
        #expect(!kinds("Im Katalog ist ein altes Produktfoto unserer Thermoskanne. Bitte löschen Sie dieses Bild.").contains(.erase))
        #expect(!kinds("The product image in our catalogue entry is outdated. Please delete the image.").contains(.erase))
        #expect(!kinds("Produktbildet i katalogen er gammelt. Kan dere slette bildet?").contains(.erase))
        #expect(!kinds("Could you delete that picture from the gallery? None of our staff are in it, it is only the product.")
            .contains(.erase))
    }

    /// "…at avtalegiroen stoppes og slettes" deletes a payment agreement;
    /// "…at opplysningene mine slettes" the person's data.
    @Test func whatIsToBeDeletedIsNamed() {
        #expect(!kinds("Vi ber om at avtalegiroen stoppes og slettes, og at beløpet tilbakeføres.").contains(.erase))
        #expect(!kinds("Vi vil gjerne at innlegget fjernes eller rettes så fort som mulig.").contains(.erase))
        #expect(kinds("Jeg ber om at opplysningene mine slettes.") == [.erase])
        #expect(kinds("Jeg ønsker at jeg blir slettet fra alle systemene deres.") == [.erase])
    }

    /// Leaving a group or a group chat (exhibitors', volunteers') erases
    /// nothing the company holds about the person.
    @Test func takingMeOutOfAGroupIsNoErasure() {
        #expect(!kinds("Kan dere fjerne meg fra Facebook-gruppen for utstillere? Jeg jobber ikke lenger med dette.").contains(.erase))
        #expect(!kinds("Please remove me from the WhatsApp group for volunteers, I have moved away.").contains(.erase))
        #expect(!kinds("Ta bort mig från gruppchatten för funktionärer, tack.").contains(.erase))
        // The honest path: the person out of the company's systems.
        #expect(kinds("Slett meg fra alle systemene deres.") == [.erase])
        #expect(kinds("Please delete my data from the group's systems.") == [.erase])
    }

    @Test func takingSomeoneOffABookingCancelsIt() {
        #expect(kinds("Vi har bokat fyra platser. Kan ni ta bort honom från bokningen och kreditera oss?").isEmpty)
        // The honest path: the person's own data out of the system.
        #expect(kinds("Kan ni ta bort mina uppgifter ur ert system?") == [.erase])
    }

    @Test func everydayNorwegianAndDanish() {
        #expect(kinds("Jeg flytter utenlands. Alt dere har om meg kan dere bare kaste.") == [.erase])
        #expect(kinds("Kan dere kaste et blikk på fakturaen min?").isEmpty)
        #expect(kinds("Jeg vil gjerne bli strøket fra utsendelseslista deres.") == [.object])
        #expect(kinds("Ikke del meg med flere firmaer, takk.") == [.object])
        #expect(kinds("Hva står det om meg hos dere?") == [.access])
        #expect(kinds("Hold op med at sende mig reklamer på sms.") == [.object])
        #expect(kinds("Nedlæg gerne min brugerprofil.") == [.erase])
        #expect(kinds("Jeg ønsker ikke, at I gemmer noget som helst om mig fremover.") == [.erase])
        #expect(kinds("Det er helt fint, at I gemmer mine oplysninger.").isEmpty)
    }

    @Test func everydaySwedishEnglishAndGerman() {
        #expect(kinds("Kan ni plocka bort mina personuppgifter helt?") == [.erase])
        #expect(kinds("Jag har två konton. Det gamla kan ni radera helt.") == [.erase])
        #expect(kinds("Could you just get rid of the profile altogether?") == [.erase])
        #expect(kinds("Please don't keep my details any longer.") == [.erase])
        #expect(kinds("Please keep my details, I will be back next year.").isEmpty)
        #expect(kinds("Könnt ihr bitte alles über mich rausnehmen?") == [.erase])
        #expect(kinds("Bitte kein Newsletter mehr an mich.") == [.object])
        #expect(kinds("Könnt ihr mich bitte einfach vergessen?") == [.erase])
    }

    @Test func theItemsOfAListThatAsksAreAsked() {
        let letter = "Jag begär följande:\n1. Ett registerutdrag enligt art. 15.\n2. Att uppgifterna därefter raderas enligt art. 17."
        #expect(kinds(letter) == [.access, .erase])
        // A list under a sentence that asks nothing tells, it does not ask.
        let story = "Det här har hänt:\n1. Jag fick ett registerutdrag enligt art. 15.\n2. Att uppgifterna sedan raderas enligt art. 17 står i er policy."
        #expect(!kinds(story).contains(.erase))
    }

    @Test func orNotAfterARequestIsAQuestionTag() {
        #expect(kinds("Hi, can help delete my account or not? Don't need it already.", subject: "delete account") == [.erase])
        #expect(kinds("Please do not delete my account.", subject: "delete account").isEmpty)
    }

    /// A person who downloaded "the brochure" names it, a seller offers "our brochure".
    @Test func aBrochureIsASalesCueOnlyAsTheSellersOwn() {
        #expect(kinds("Jeg lastet bare ned en brosjyre. Hva står det om meg hos dere etter den brosjyren?", subject: "Brosjyre") == [.access])
        #expect(kinds("Vi hjelper bedrifter med innsyn og sletting av personopplysninger. Last ned vår brosjyre!", subject: "GDPR").isEmpty)
        #expect(kinds("Vi hjelper bedrifter med innsyn og sletting av personopplysninger. Last ned brosjyren!", subject: "GDPR").isEmpty)
    }

    @Test func aValueNamedInAnErasureIsNoCorrection() {
        #expect(kinds("I used to work for Nordvik Displays AS. Please take me out of your records entirely.") == [.erase])
        // The honest path: a correction asked beside the erasure.
        #expect(kinds("Please delete my old account. My surname is spelt wrong on the other one: it should be Dlamini.")
                == [.erase, .rectify])
    }

    @Test func aNynorskChangeFromOneAddressToAnotherGivesTheNewOne() {
        let reading = RequestClassifier.classify(
            subject: "", body: "Kan de byte e-postadressa mi frå kari.old@example.no til kari.ny@example.net?", model: nil)
        #expect(reading.kinds == [.rectify])
        #expect(reading.fields == [.email: "kari.ny@example.net"])
    }

    @Test func moreEverydayWording() {
        #expect(kinds("CV og attester kan dere gjerne kvitte dere med.") == [.erase])
        #expect(kinds("Jeg vil at dere glemmer meg. Helt.") == [.erase])
        #expect(kinds("Den private profilen vil jeg ha bort.") == [.erase])
        #expect(kinds("Jeg vil gjerne se hva som ble lagret om meg.") == [.access])
        #expect(kinds("Kva slags opplysningar ligg inne på meg hjå dykk?") == [.access])
        #expect(kinds("Ich hätte gerne, dass mein Kundenkonto vollständig aufgelöst wird.") == [.erase])
        #expect(kinds("Eg bad om å bli avregistrert i oktober. Få det gjort no.") == [.erase])
        #expect(kinds("Namnet mitt skal ikkje givast vidare til nokon.") == [.object])
    }

    @Test func aNegationBeforeAnotherThingSetsItAgainstThePhrase() {
        #expect(kinds("Jag skulle vilja veta vad ni har registrerat om mig (inte om min man).") == [.access])
        // The honest path: a negation of the phrase itself still negates.
        #expect(kinds("Jag vill inte veta vad ni har registrerat om mig.").isEmpty)
    }

    @Test func pronounsSpeltAsTheyAreSaid() {
        #expect(kinds("hej! vill se allt ni har om mej, går det?") == [.access])
    }

    @Test func talkOfOthersRequestsAsksNothing() {
        #expect(kinds("Jag är journalist. Kan någon svara på hur ni hanterar förfrågningar från deltagare som vill radera sina uppgifter?").isEmpty)
        #expect(kinds("I am writing an article on how you handle requests from attendees who want to delete their data.").isEmpty)
    }

    @Test func evenMoreEverydayWording() {
        #expect(kinds("Fremover vil jeg bede om, at I holder mine data for jer selv.") == [.object])
        #expect(kinds("Jeg ber om at brukerprofilen min blir makulert.") == [.erase])
        #expect(kinds("Eg vil ikkje at CV-en min skal bli liggjande hos dykk. Kast den, takk.") == [.erase])
        #expect(kinds("Så det dere har om meg, trenger dere ikke ta vare på lenger.") == [.erase])
        #expect(kinds("Den profil vil jeg gerne have fjernet.") == [.erase])
    }

    @Test func onceIHaveItIsAConditionNotAReport() {
        #expect(kinds("Hva slags opplysninger har dere om meg? Når jeg har fått svar på det, vil jeg at dere fjerner alt sammen.")
                == [.access, .erase])
        // The honest path: a copy received is a report, and the thanks for it asks nothing.
        #expect(kinds("Takk, jeg har fått kopien av opplysningene mine.").isEmpty)
    }

    @Test func ourOwnNoticeAsASubjectAsksNothing() {
        #expect(kinds("Snälla, gör inte det! Jag har loggat in nu.", subject: "Ditt konto kommer att raderas").isEmpty)
        #expect(kinds("Please don't, I still use it.", subject: "Your account will be deleted").isEmpty)
        // The honest path: a subject that asks.
        #expect(kinds("Tack.", subject: "Radera mitt konto") == [.erase])
    }

    @Test func notBeingAbleToDoItOneselfAsksUs() {
        #expect(kinds("Navnet mitt er stavet feil i profilen. Kan dere rette det opp? Jeg finner ikke ut hvordan jeg endrer det selv.")
                == [.rectify])
        // The honest path: asking how to do it oneself asks nothing of us.
        #expect(kinds("Hvordan endrer jeg navnet i profilen selv?").isEmpty)
    }

    @Test func aRealWordOneLetterFromACueIsNoSlip() {
        // "sette" (put) is "slette" (delete) without its "l".
        #expect(kinds("Jeg meldte meg av ved en feil. Kan dere sette meg på igjen?").isEmpty)
        #expect(FuzzyCues.cue(for: "sette", knowing: .everyLanguage) == nil)
        // The honest path: a real slip is still read as the cue.
        #expect(kinds("Kan dere slete meg fra registeret deres?") == [.erase])
    }

    @Test func yetMoreEverydayWording() {
        #expect(kinds("Please note that my details are not to go to partners, exhibitors or anyone else.") == [.object])
        #expect(kinds("Det vil eg ikkje ha, ta meg vekk frå marknadsføringa.") == [.object])
        #expect(kinds("Vil I sende mig de oplysninger, I har om mig?") == [.access])
    }

    /// The everyday erasure words above, where they ask for no erasure.
    @Test func everydayErasureWordsAboutOtherThingsAskNoErasure() {
        let nearMisses = [
            "Kan dere kvitte dere med den doble fakturaen?",
            "Kan dere makulere den gamle fakturaen?",
            "Dere trenger ikke ta vare på kvitteringen lenger, jeg har fått refusjon.",
            "Det gamle kan dere slette, det nye programmet er riktig.",
            "Jeg vil bare si at dere glemmer meg hver gang jeg ringer.",
            "Jeg vil ikke hænge i jeres systemer med to tilmeldinger, slet den ene.",
            "Kan ni plocka bort den extra biljetten från min order?",
            "Hur länge sparar ni uppgifterna innan de raderas?",
            "Mein Kundenkonto wurde aufgelöst, als ich umgezogen bin, bitte legt es neu an.",
            "Please don't keep my order on hold any longer, ship it.",
            "I would like you to remove it from my basket, the item is sold out anyway.",
            "Could you delete the old one? I uploaded the wrong photo of the venue.",
            "Please scrub my name from the photo caption, it is misspelt.",
            "Art. 15 og 17 i personvernforordningen er nevnt i erklæringen deres, men jeg forstår dem ikke.",
        ]
        for text in nearMisses {
            #expect(!kinds(text).contains(.erase), "\(text)")
        }
    }

    @Test func endingTheKeepingOfOnesDataAsksForErasure() {
        #expect(kinds("Det er ingen grunn til å lagre opplysningene mine lenger.") == [.erase])
        #expect(kinds("Der er ingen grund til at gemme mine oplysninger.") == [.erase])
        #expect(kinds("Det finns ingen anledning för er att ha kvar något om mig.") == [.erase])
        #expect(kinds("Sie müssen meine Daten nicht länger speichern.") == [.erase])
        #expect(kinds("There is no reason to keep my details any more.") == [.erase])
        #expect(kinds("Jag har gått i pension. Jag vill att det försvinner, alltihop.") == [.erase])
        #expect(kinds("Når jakken er fundet, er jeg færdig med netværket, så min profil hos jer kan I bare nedlægge.") == [.erase])
        // Keeping a seat, a place on a list or an invoice; a question about keeping.
        #expect(kinds("There's no need to keep my seat, I can't come after all.").isEmpty)
        #expect(kinds("There is no need to keep me on the waiting list.").isEmpty)
        #expect(kinds("Dere trenger ikke å beholde plassen min på kurset.").isEmpty)
        #expect(kinds("Ni behöver inte spara platsen åt mig.").isEmpty)
        #expect(kinds("Sie müssen die Rechnung nicht speichern, ich habe sie schon.").isEmpty)
        #expect(!kinds("Trenger dere ikke å lagre opplysningene mine for regnskapet?").contains(.erase))
    }

    @Test func marketingNamedBeforeItsStopAndOtherSecondDemandsAreRead() {
        #expect(kinds("För det första ska all reklam från er upphöra omedelbart, oavsett kanal.") == [.object])
        #expect(kinds("Löscht bitte mein Konto und gebt bis dahin nichts mehr an eure Sponsoren weiter.") == [.erase, .object])
        #expect(kinds("Hi, new mobile is 938 40 112. Use it for event stuff, but no promo texts please.") == [.rectify, .object])
        #expect(kinds("Kan I sende mig en oversigt over, hvad I har om mig? Mit mobilnummer er 31 42 53 64. Ret det gerne.")
            == [.access, .rectify])
        // A newsletter that stopped, or an ended subscription, is reported, not refused.
        #expect(kinds("The newsletter stopped arriving, can you check why?").isEmpty)
        #expect(kinds("Das Newsletter-Abo ist beendet worden, danke.").isEmpty)
        #expect(kinds("I get no newsletters, please check my subscription.").isEmpty)
    }

    @Test func aColleagueWhoWillAskThemselvesAsksNothingOfUs() {
        let colleague = "Kollegaen min Mari Holt har giftet seg og heter nå Mari Solberg. Hun skal sende dere en mail selv om å endre det i profilen."
        #expect(kinds(colleague).isEmpty)
        #expect(RequestClassifier.classify(subject: "", body: colleague).fields.isEmpty)
        #expect(kinds("Min kollega behöver också rätta sitt efternamn hos er, men det tar hon själv från sin egen adress.").isEmpty)
        #expect(kinds("My colleague's surname is now Berg. She will write to you herself to change it.").isEmpty)
        // Someone who cannot or will not do it, and for whom the writer asks, is asked for.
        #expect(kinds("Mamma har ikke e-post, og hun vil ikke gjøre det selv. Slett alle opplysningene hennes.") == [.erase])
        #expect(kinds("My mother asked me to write. Please delete all her data; she will not manage it herself.") == [.erase])
    }

    @Test func moreWaysToSayRemoveAndWhatWasRegistered() {
        #expect(kinds("PS. Kan ni plocka bort min profil ur kunddatabasen när ni ändå håller på?") == [.erase])
        #expect(kinds("Länken fungerar inte. Kan ni plocka bort mig från utskicket manuellt istället?") == [.object])
        #expect(kinds("P.S. Wenn die Übersicht angekommen ist, dürft ihr gern alles über mich entsorgen.") == [.erase])
        #expect(kinds("Once I've had a look, you can bin all of it.") == [.erase])
        // Binning a duplicate invoice, disposing of a badge, picking up a parcel.
        #expect(kinds("The second invoice is a duplicate, you can bin it.").isEmpty)
        #expect(kinds("Mein altes Namensschild könnt ihr entsorgen.").isEmpty)
        #expect(kinds("Kan ni plocka fram kvittot från mässan?").isEmpty)
    }

    @Test func questionsAboutHowRequestsAreHandledAskNothingForTheWriter() {
        #expect(kinds("Jeg skriver speciale i jura og vil gerne høre, hvordan I arbejder med retten til at blive glemt.").isEmpty)
        #expect(kinds("Roughly how many erasure requests do you receive? I'm writing an article on how event organisers handle deletion requests.")
            .isEmpty)
        #expect(kinds("Jeg skriver en sak om hvordan eventbransjen håndterer retten til å bli glemt.").isEmpty)
        #expect(!kinds("Slettar de alt når nokon ber om det, eller må noko takast vare på?").contains(.erase))
        #expect(!kinds("Do you delete everything when someone asks, or do you keep the invoices?").contains(.erase))
        // A journalist asking for her own data, or one who says she is not writing a story, is asked for.
        #expect(kinds("Relax, I'm not writing a story about it! Could you send me a copy of whatever you hold on me?") == [.access])
        #expect(kinds("Ikke behandle dette som en pressehenvendelse. Jeg vil vite hvilke personopplysninger dere har om meg.") == [.access])
        #expect(kinds("Delete my account and every piece of information you have about me.") == [.erase])
        // A press inquiry denied is no passing mention: it does not keep the kind model from reading the wish.
        let denied = RequestClassifier.classify(
            subject: "", body: "Ikke behandle dette som en pressehenvendelse, det er privat: jeg vil vite hvilke personopplysninger dere fortsatt har om meg.")
        #expect(denied.kinds == [.access])
    }

    @Test func takingBackARequestInOtherWords() {
        #expect(kinds("Am 3. März habe ich Sie gebeten, mein Kundenkonto zu entfernen. Diesen Antrag ziehe ich hiermit zurück. "
                      + "Bitte lassen Sie also alles, wie es ist.").isEmpty)
        #expect(kinds("Jeg har ombestemt meg. La alt være som det er.", subject: "Slett kontoen min").isEmpty)
        // Withdrawing consent is no withdrawal of a request.
        #expect(kinds("Ich ziehe meine Einwilligung zur Speicherung meiner Daten zurück. Bitte löschen Sie meine Daten.") == [.erase])
    }

    @Test func aDeletionToolSoldWithAFreeTrialAsksNothing() {
        #expect(kinds("Med SlettKlar slettes gamle påmeldinger og utgåtte kundeprofiler automatisk. 30 dagers gratis prøve. "
                      + "Svar på denne e-posten, så booker vi en demo på 20 minutter.").isEmpty)
        #expect(kinds("Bitte löscht die alte Nummer (0151 0000 1234) aus meinem Profil und hinterlegt stattdessen die neue Handynummer 0176 0000 5678.")
            == [.rectify])
    }
    /// "I må ikke give mine oplysninger videre til dem": not passing one's
    /// data on, the receivers named in the sentence before.
    @Test func notPassingMyDataOnIsAnObjection() {
        #expect(kinds("Jeg får post fra sponsorerne. Det vil jeg gerne være fri for, så I må ikke give mine oplysninger videre til dem.") == [.object])
        #expect(kinds("Dere må ikke gi opplysningene mine videre til dem.") == [.object])
        #expect(kinds("Ni får inte lämna ut mina uppgifter till dem.") == [.object])
        // Giving one's data to us is no objection.
        #expect(kinds("Jeg kan gi dere opplysningene mine videre på telefon.").isEmpty)
    }
    /// A deletion reported ("alt vart sletta") or known about ("vet ikke at
    /// … kan bli liggende i årevis") asks nothing; "vil ikkje at … skal bli
    /// liggjande hos dykk" still asks.
    @Test func aDeletionReportedOrKnownAboutAsksNothing() {
        #expect(kinds("PC-en min vart nullstilt etter eit virusåtak, og alt vart sletta, også kvitteringar frå dykk. "
                      + "Kan de sende meg ein kopi av alt de har registrert om meg?") == [.access])
        #expect(kinds("Mange deltakere vet ikke at resultatlister, bilder og allergiopplysninger kan bli liggende i årevis.").isEmpty)
        #expect(kinds("Eg vil likevel ikkje at søknaden og CV-en min skal bli liggjande hos dykk. Kast dei, takk.") == [.erase])
        #expect(kinds("Opplysningene mine skal ikke bli liggende hos dere. Slett alt.") == [.erase])
    }
}
