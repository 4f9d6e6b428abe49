import Testing
@testable import Requests

@Suite struct RectificationExtractorTests {
    private func fields(_ body: String, _ language: Language = .en) -> [RectificationField: String] {
        RectificationExtractor.extract(body: body, language: language)
    }

    @Test func takesTheNewValueNotTheOldOne() {
        #expect(fields("Please change my surname from Pettersen to Aasland.") == [.lastName: "Aasland"])
        #expect(fields("Vennligst endre etternavnet mitt fra Berg til Lunde.", .nb) == [.lastName: "Lunde"])
        #expect(fields("Bitte ändern Sie meinen Nachnamen von Schmidt zu Weber.", .de) == [.lastName: "Weber"])
    }

    @Test func readsEachField() {
        #expect(fields("My new phone number is 912 34 567.")[.phone] == "+4791234567")
        #expect(fields("Please update my email address to ny.adresse@example.no.")[.email] == "ny.adresse@example.no")
        #expect(fields("My new address is Fjordveien 17, 5003 Bergen.")[.address] == "Fjordveien 17, 5003 Bergen")
        #expect(fields("Please update my employer to Nordlys AS.")[.organization] == "Nordlys AS")
        #expect(fields("Please change my job title to Senior Adviser.")[.title] == "Senior Adviser")
        #expect(fields("Please change my dietary preference to vegetarian for the dinner.")[.dietary] == "vegetarian")
        #expect(fields("Please correct my nationality to Norwegian.")[.nationality] == "Norwegian")
        #expect(fields("My first name is misspelled. It should be Kristoffer, not Kristofer.")[.firstName] == "Kristoffer")
    }

    @Test func aNumberOrAddressAfterWithOrForIsTheNewValue() {
        #expect(fields("Vennligst oppdater profilen min med (+47) 401-23-456.", .nb)[.phone] == "+4740123456")
        #expect(fields("Please swap the UK mobile on my profile for (+47) 401-23-456.")[.phone] == "+4740123456")
        #expect(fields("Bitte aktualisieren Sie mein Profil mit neu.adresse@example.de.", .de)[.email] == "neu.adresse@example.de")
        // Without a change verb, "with" introduces nothing: "I called with 401 23 456 yesterday".
        #expect(fields("I called you with 401 23 456 yesterday.")[.phone] == nil)
    }

    @Test func aUseWordReachesPastTheFieldsOwnName() {
        #expect(fields("Använd gärna mitt norska mobilnummer i stället: (+47) 915-40-288.", .sv)[.phone] == "+4791540288")
        // Past four words only over the field's name: a number later in a long sentence is not taken.
        #expect(fields("Use the link in the mail we got last week to check 401 23 456.")[.phone] == nil)
    }

    @Test func formLinesCountOnlyInABlockOfChanges() {
        let identity = "To identify me:\nName: Kari Nordmann\nPhone: 912 34 567\n"
        #expect(fields(identity).isEmpty)
        let changes = "Please make the following changes:\nPhone: 912 34 567\n"
        #expect(fields(changes)[.phone] == "+4791234567")
        let correct = "Field: postal address\nCurrent value: Storgata 1, 0155 Oslo\nCorrect value: Kirkegata 4, 0153 Oslo\n"
        #expect(fields(correct)[.address] == "Kirkegata 4, 0153 Oslo")
    }

    @Test func signatureBelowASignOffIsNoChange() {
        let body = "Please make the following changes:\nAddress: Nygata 3, 5003 Bergen\n\nBest regards\nKari\nPhone: 900 00 000\n"
        #expect(fields(body) == [.address: "Nygata 3, 5003 Bergen"])
    }

    @Test func quotedValues() {
        #expect(fields("Etternavnet er stavet feil (det står «Hauglan», det skal være «Haugland»).", .nb)[.lastName] == "Haugland")
    }

    @Test func noValueWithoutACue() {
        #expect(fields("I live in Storgata 1, 0155 Oslo and my phone is 912 34 567.").isEmpty)
    }
}

/// Value patterns people use without a "new" word (texts written for these tests).
@Suite struct EverydayValuePatternsTests {
    private func fields(_ body: String, _ language: Language = .en) -> [RectificationField: String] {
        RectificationExtractor.extract(body: body, language: language)
    }

    @Test func aNewEmployerAfterTheVerbOrAfterJoined() {
        #expect(fields("Fra 1. september jobber jeg i Fjordvind Energi AS, ikke lenger i Sørlys Kraft.", .nb)[.organization]
            == "Fjordvind Energi AS")
        #expect(fields("Seit März arbeite ich bei Havsörn Logistik GmbH.", .de)[.organization] == "Havsörn Logistik GmbH")
        #expect(fields("Since August I've joined Fjordlys Analytics as a data scientist.")[.organization] == "Fjordlys Analytics")
        // Lowercase after "joined" is no company: "I joined late".
        #expect(fields("I joined late, sorry.")[.organization] == nil)
    }

    @Test func aFlatAbbreviationInAnAddressIsNoFullStop() {
        #expect(fields("Ny adresse: Fjellveien 8, leil. 112, 2380 Brumunddal", .nb)[.address] == "Fjellveien 8, leil. 112, 2380 Brumunddal")
        // A full stop after a long word still ends the address.
        #expect(fields("Ny adresse: Fjellveien 8, 2380 Brumunddal. Takk for hjelpen.", .nb)[.address] == "Fjellveien 8, 2380 Brumunddal")
    }

    @Test func theOneNumberOfAMailAboutItsPhoneIsTheNewOne() {
        #expect(fields("Hei, har fått nytt nummer. Kan de endre til (+47) 401-23-456? Det gamle er ikkje i bruk lenger.", .nn)[.phone]
                == "+4740123456")
        #expect(fields("Fastnettet er nedlagt, så brug mobilen i stedet: 28 19 46 30", .da)[.phone] == "+4528194630")
        // Never a signature's number, never one called old, never one of two.
        #expect(fields("Telefonnummeret mitt er feil i profilen. Kan dere rette det?\n\nKari Nordmann\nTlf 912 34 567", .nb)[.phone] == nil)
        #expect(fields("Mitt gamle nummer 912 34 567 virker ikke lenger. Kan dere fjerne det?", .nb)[.phone] == nil)
        #expect(fields("Nummeret er enten 912 34 567 eller 934 56 780, jeg husker ikke.", .nb)[.phone] == nil)
    }

    @Test func aNumberInGroupsEndsAtItsStopAndAGreetingIsNoSignature() {
        #expect(fields("Eg studerer i Aarhus no og har fått dansk mobilnummer: +45 21 43 65 87. Det norske nummeret er avslutta.", .nn)[.phone]
                == "+4521436587")
        #expect(fields("Hej Janteloppet\n\nVi er flyttet! Fastnettet er nedlagt, så brug mobilen i stedet: 28 19 46 30", .da)[.phone]
                == "+4528194630")
        // Two groups and a stop make too few digits for a number.
        #expect(fields("Mobilen er ny. Ring 21 43. Takk.", .nb)[.phone] == nil)
    }

    @Test func anAddressOnALineOfItsOwnInAMailAboutMovingIsTheNewOne() {
        #expect(fields("I've moved to Denmark, so please change the postal address on my profile. It's now:\n\nNørrebrogade 12, 2. th., 2200 København N\n\n(The one you have on file is my old flat.)\n\nBest,\nFiona")[.address]
                == "Nørrebrogade 12, 2. th., 2200 København N")
        #expect(fields("Hej, jag har flyttat! Skicka brev och namnbricka till: Storgatan 14, 2 tr, 903 26 Umeå\nTack /Moa", .sv)[.address]
                == "Storgatan 14, 2 tr, 903 26 Umeå")
        #expect(fields("Han har flyttat, så post ska nu gå till: Solgårdens äldreboende, Björkvägen 3, lgh 12, 352 36 Växjö. Tack.", .sv)[.address]
                == "Solgårdens äldreboende, Björkvägen 3, lgh 12, 352 36 Växjö")
        #expect(fields("Wir sind umgezogen. Bitte ändern Sie meine Postanschrift\n\nvon: Ehrenfeldgürtel 88, 50823 Köln\nauf: Lindenstraße 14, 3. OG links, 50674 Köln\n\nDanke", .de)[.address]
                == "Lindenstraße 14, 3. OG links, 50674 Köln")
        // Never the old one, never a signature's, never one in a sentence, never one of a block that identifies the writer.
        #expect(fields("Jeg har flyttet. Den gamle adressen min var:\n\nStorgata 1, 0155 Oslo\n\nDen nye kommer senere.", .nb)[.address] == nil)
        #expect(fields("Jeg har flyttet, ny adresse kommer.\n\nHilsen\nKari Nordmann\nStorgata 1, 0155 Oslo", .nb)[.address] == nil)
        #expect(fields("Jeg har flyttet. Dere har fortsatt Storgata 1, 0155 Oslo i systemet.", .nb)[.address] == nil)
        #expect(fields("Jeg har flyttet, og vil endre telefonnummeret.\n\nMine nåværende opplysninger:\nStorgata 1, 0155 Oslo", .nb)[.address] == nil)
        // Nor in a mail that speaks of neither moving nor a changed address.
        #expect(fields("Billettene skal sendes til kontoret:\n\nStorgata 1, 0155 Oslo", .nb)[.address] == nil)
    }

    @Test func theRightValueAfterWouldBe() {
        #expect(fields("Bei euch steht marieke.schmitt@example.com – richtig wäre mareike.schmitt@example.com.", .de)[.email]
                == "mareike.schmitt@example.com")
    }

    @Test func aNamedValueMakesACorrectionAndTheValuesBesideItAreItsToo() {
        let classification = RequestClassifier.classify(
            subject: "", body: "Jag har flyttat till Oslo för jobbet. Det nya numret är 915 62 380.\n\nPost kan skickas till: Lindeveien 14 B, 0452 Oslo\n")
        #expect(classification.kinds == [.rectify])
        #expect(classification.fields[.address] == "Lindeveien 14 B, 0452 Oslo")
        #expect(classification.fields[.phone] != nil)
        // A name that only introduces the writer is no value of the correction.
        let introduced = RequestClassifier.classify(
            subject: "", body: "Hello Janteloppet privacy team, my name is Kari Lunde and I work with Rettly AS. We help Nordic event organisers.")
        #expect(introduced.fields == [.organization: "Rettly AS"])
    }

    @Test func aNameWrittenOutWithItsLettersIsTheRightOne() {
        #expect(fields("Mitt fornavn er feil i brevene deres. Jeg heter Thorbjørn, med h.", .nb)[.firstName] == "Thorbjørn")
        #expect(fields("Mit efternavn staves Mølgaard med aa, ikke Mølgård.", .da)[.lastName] == "Mølgaard")
        #expect(fields("My first name keeps being spelled wrong. It's Siobhán, with the fada.")[.firstName] == "Siobhán")
        #expect(fields("På navneskiltet sto det Sigrun. Navnet mitt er Sigrunn – med to n.", .nb).values.contains("Sigrunn"))
        // A capitalised word before "with" that tells no letters, or a mail that speaks of no name, gives none.
        #expect(fields("Navnet mitt står feil. Jeg kommer til Oslo med tog.", .nb).isEmpty)
        #expect(fields("My name is wrong on the badge. I'm Anna, with a question about parking too.").isEmpty)
        #expect(fields("Vi kommer til Bergen med K og resten av gjengen.", .nb).isEmpty)
    }

    @Test func aCompanyFollowedByAsGivesTheTitleThere() {
        #expect(fields("From 1 January I'm with Havbrisk Konsult AS as Senior Project Manager. Please update my profile.")
                == [.organization: "Havbrisk Konsult AS", .title: "Senior Project Manager"])
        #expect(fields("Jeg har begynt i Nordlys Rådgivning AS som seniorrådgiver. Kan dere oppdatere profilen?", .nb)[.title] == "seniorrådgiver")
        #expect(fields("Ich bin jetzt bei Skagerrak Analytics AS, dort als Head of Data.", .de)[.title] == "Head of Data")
        // "as" after something that is no company's name gives no title.
        #expect(fields("Please update my profile, I signed up as a student back then.")[.title] == nil)
    }

    @Test func theEmployerAfterNoLongerButIsTheNewOne() {
        #expect(fields("Fra 1. september jobber jeg ikke lenger i Havblikk Rådgivning, men i Grønnvik Kommunalteknikk AS.", .nb)[.organization]
                == "Grønnvik Kommunalteknikk AS")
        #expect(fields("Ich bin nicht mehr bei Kessler Verpackung, sondern bei der Bergmann & Söhne Logistik AG.", .de)[.organization]
                == "Bergmann & Söhne Logistik AG")
        // Without "no longer" a "but" names no employer.
        #expect(fields("Jeg har ikke noe imot nyhetsbrevet, men i Oslo er det for mye.", .nb)[.organization] == nil)
    }

    @Test func anInvertedSubjectIsNoPartOfTheValue() {
        #expect(fields("Det var jeg for to år siden - nå er jeg avdelingsleder.", .nb)[.title] != "jeg avdelingsleder")
    }

    @Test func aNationalityIsTheAdjectiveBeforeCitizen() {
        #expect(fields("Jeg er nå norsk statsborger, vennligst endre nasjonaliteten min.", .nb)[.nationality] == "norsk")
        #expect(fields("Eg er blitt norsk statsborgar, så nasjonaliteten min må endrast.", .nn) == [.nationality: "norsk"])
    }

    @Test func noLongerWithAnEmployerIsNoTitle() {
        #expect(fields("I am no longer with Aurora Biotech. Please update my organisation to Fjordlys Analytics.")
            == [.organization: "Fjordlys Analytics"])
    }

    @Test func aValueBeforeNowOrBeforeANegation() {
        #expect(fields("my surname is Berg-Lunde now, not Berg. please fix it")[.lastName] == "Berg-Lunde")
        #expect(fields("Mit fornavn er stavet forkert: det er Mikkel, ikke Michael.", .da)[.firstName] == "Mikkel")
    }

    @Test func aPhoneInTwoDigitGroupsBeforeAQuestionMark() {
        #expect(fields("can you change my mobile from 98 76 54 32 to 40 12 34 56?")[.phone] == "+4740123456")
    }

    @Test func aColonAfterToAndFloorsInsideAnAddress() {
        #expect(fields("Please update my postal address to: Flat 3, 48 Example Street, Leeds LS6 2AB")[.address]
            == "Flat 3, 48 Example Street, Leeds LS6 2AB")
        #expect(fields("Ny adresse: Eksempelgade 112, 2. th., 2200 København N", .da)[.address] == "Eksempelgade 112, 2. th., 2200 København N")
        #expect(fields("I moved in January but the invoice went to the old place.")[.address] == nil)
    }

    @Test func aJobAsATitleAtAnOrganisation() {
        let read = fields("Eg har byrja i ny jobb som prosjektleiar i Eksempel AS frå september.", .nn)
        #expect(read[.title] == "prosjektleiar")
        #expect(read[.organization] == "Eksempel AS")
    }

    @Test func aCompanysNewNameIsAnOrganisation() {
        let read = fields("Firmaet har skiftet navn fra Gamle AS til Nye Eksempel AS fra 1. januar.", .nb)
        #expect(read[.organization] == "Nye Eksempel AS")
        #expect(read[.lastName] == nil)
    }

    @Test func aPronounAFewWordsBeforeTo() {
        #expect(fields("Stillingstittelen er feil, rett den i så fall til Avdelingsleder.", .nb)[.title] == "Avdelingsleder")
        #expect(fields("Meine Adresse stimmt nicht mehr, bitte ändern Sie sie auf: Am Beispielplatz 3, 04109 Leipzig", .de)[.address]
            == "Am Beispielplatz 3, 04109 Leipzig")
    }

    @Test func myFieldIsCountsOnlyWithoutAStrongerCue() {
        #expect(fields("Jag har bytt jobb och min titel är projektledare.", .sv)[.title] == "projektledare")
        #expect(fields("Min adress är dessutom fel: min nya adress är Exempelgatan 3, 753 20 Uppsala.", .sv)[.address]
            == "Exempelgatan 3, 753 20 Uppsala")
        // It never makes a mail a correction by itself.
        #expect(RequestClassifier.classify(subject: "", body: "My name is Kari Lunde. Please send me a copy of my data.").kinds == [.access])
    }

    @Test func aLineEndingInIsOrToAnnouncesTheValueOnTheNextLine() {
        #expect(fields("Please change my adress in your system. New adress is:\nExampleveien 14 B, 0580 Oslo\n")[.address]
            == "Exampleveien 14 B, 0580 Oslo")
        #expect(fields("Meine E-Mail-Adresse ändert sich. Bitte ändern Sie sie in meinem Profil auf:\nm.beispiel@example.org\n", .de)[.email]
            == "m.beispiel@example.org")
        // "in Ihrem System" is where, not what.
        #expect(fields("Bitte korrigieren Sie das in Ihrem System.", .de).isEmpty)
    }

    @Test func itIsBNotA() {
        #expect(fields("You have my first name spelled wrong \u{2013} it\u{2019}s Eabh\u{E1}n, not Eabhan.")[.firstName] == "Eabh\u{E1}n")
        #expect(fields("Jeg er ikke lenger vegetarianer \u{2013} nå spiser jeg alt.", .nb).isEmpty)
    }

    @Test func aCompanyThatIsNowCalledB() {
        #expect(fields("Företaget heter numera Exempel Konsult AB, kan ni uppdatera det?", .sv)[.organization] == "Exempel Konsult AB")
        #expect(fields("Jag heter numera Berglund i efternamn (tidigare Svensson).", .sv)[.lastName] == "Berglund")
    }

    @Test func formLinesAfterARequestToUpdate() {
        let body = "I've changed jobs. Could you update my profile so the badge is correct?\n\nOrganisation: Example Consulting\nJob title: Head of Data\n"
        let read = fields(body)
        #expect(read[.organization] == "Example Consulting")
        #expect(read[.title] == "Head of Data")
    }

    @Test func contrastsNationalitiesDietsAndLabelsAtALinesEnd() {
        #expect(fields("mit fornavn er stavet forkert, det står Kathrine men det er Katrine uden h. tak", .da)[.firstName] == "Katrine")
        #expect(fields("Your system has my nationality as American. I'm actually Canadian - could you change it?")[.nationality] == "Canadian")
        #expect(fields("Jeg har skrevet vegetar, men jeg er faktisk veganer. Kan I rette det?", .da)[.dietary] == "veganer")
        #expect(fields("Mobilnummeret mitt har endret seg. Nytt nummer:\n41 23 45 67\n", .nb)[.phone] == "+4741234567")
        #expect(fields("Gammel adresse: Eksempelveien 12, 0368 Oslo\nNy adresse: Eksempelgata 44B, 3. etg, 0354 Oslo\n", .nb)[.address]
            == "Eksempelgata 44B, 3. etg, 0354 Oslo")
        // A German floor ("3. OG") stays in the address; a greeting after the town does not.
        #expect(fields("Meine neue Anschrift lautet: Beispielstraße 15, 3. OG, 10961 Berlin", .de)[.address] == "Beispielstraße 15, 3. OG, 10961 Berlin")
        #expect(fields("Bitte folgende Angaben ändern:\nAdresse: c/o Beispiel, Hauptstraße 8, 79098 Freiburg im Breisgau Vielen Dank", .de)[.address]
            == "c/o Beispiel, Hauptstraße 8, 79098 Freiburg im Breisgau")
        // A start number is no phone number.
        #expect(fields("My first name is misspelled on my start number. It should be Kristoffer, not Kristofer.")[.firstName] == "Kristoffer")
    }

    @Test func aTitleAtAnOrganisationAfterIsNow() {
        let read = fields("En liten rettelse: jeg er ikke lenger HR-sjef i Eksempel. Fra 1. mars er jeg personaldirektør i Eksempel Norge AS.", .nb)
        #expect(read[.title] == "personaldirektør")
        #expect(read[.organization] == "Eksempel Norge AS")
        // Not a correction by itself: "jeg er optaget på Robinsonlisten".
        let note = RequestClassifier.classify(subject: "", body: "Stop med at sende mig reklame. Jeg er optaget på Robinsonlisten.")
        #expect(note.kinds == [.object])
    }

    /// A value is never a pronoun, never ends in nynorsk "no" (now), and an
    /// address has a number or names a place.
    @Test func pronounsNowWordsAndNamesAreNoValues() {
        #expect(fields("The form asked for my job title from a dropdown that had nothing close to mine.")[.title] == nil)
        #expect(fields("I keep getting your mails addressed to a Jonathan Hauge.")[.address] == nil)
        #expect(fields("Eg jobbar i Vestkyst Data AS no.", .nn)[.organization] == "Vestkyst Data AS")
        // A diet's list keeps its "no".
        #expect(fields("Please change my diet to vegan, no nuts.")[.dietary] == "vegan, no nuts")
        #expect(fields("Please change my address to Fjordveien 17, 5003 Bergen.")[.address] == "Fjordveien 17, 5003 Bergen")
    }

    /// A diet names its own field: "endre til nøtteallergi", "skrive glutenfri".
    @Test func aDietAfterAChangeVerbOrAUseWordIsTheDiet() {
        #expect(fields("Kan dere endre til nøtteallergi på profilen min før middagen?", .nb)[.dietary] == "nøtteallergi")
        #expect(fields("Bitte ändern auf: vegan, keine Nüsse", .de)[.dietary] == "vegan, keine Nüsse")
        #expect(fields("Så hvis I vil skrive glutenfri ud for mit navn, ville det være dejligt.", .da)[.dietary] == "glutenfri")
        #expect(fields("På profilen min står det «ingen særlege behov» under mat, men det bør no stå glutenfri.", .nn)[.dietary] == "glutenfri")
        // A nationality names its field too; nynorsk and dialect "skal vera".
        #expect(fields("I min profil står det Iran under nationalitet. Ändra gärna till svensk.", .sv)[.nationality] == "svensk")
        #expect(fields("Je æ fødd og oppvaksen i Hallingdal! Nasjonalitet skal vera norsk.", .nn)[.nationality] == "norsk")
        // Not a diet: "endre til fredag".
        #expect(fields("Kan dere endre til fredag?", .nb)[.dietary] == nil)
    }

    /// "jobber i B, stilling er C": the work cue keeps its field though a field name follows.
    @Test func aWorkCueKeepsItsFieldAndAFieldOpeningAClauseGivesItsValue() {
        let read = fields("Nå jeg jobber i Fjellvind Logistikk AS, stilling er lagersjef. Kan dere forandre dette takk.", .nb)
        #expect(read[.organization] == "Fjellvind Logistikk AS")
        #expect(read[.title] == "lagersjef")
        let nynorsk = fields("Frå 1. mars er eg tilsett i Kvernhusbakken Rådgjeving AS, og stillinga er seniorrådgjevar.", .nn)
        #expect(nynorsk[.title] == "seniorrådgjevar")
        #expect(nynorsk[.organization] == "Kvernhusbakken Rådgjeving AS")
        // "…, stillingen er ledig" says nothing of the person: not after a negation or a not-value.
        #expect(fields("Tusen takk, adressen er feil.", .nb)[.address] == nil)
        // A town the writer moved to is no address.
        #expect(fields("Jeg er flyttet til Oslo og har fået norsk mobilnummer: (+47) 401-23-456", .da)[.address] == nil)
    }

    /// "heter ikke lenger A, men B": B is the name; a first name both share did not change.
    @Test func aNameAfterNoLongerAndAContrast() {
        #expect(fields("Jeg hedder derfor ikke længere Mette Kjærgaard, men Mette Holm. Vil I rette det?", .da) == [.lastName: "Holm"])
        #expect(fields("Nach meiner Hochzeit heiße ich nicht mehr Laura Schilling, sondern Laura Nowak.", .de) == [.lastName: "Nowak"])
        #expect(fields("I got married, so I've gone from Hannah Gallagher to Hannah Lindqvist-Gallagher.") == [.lastName: "Lindqvist-Gallagher"])
        // A move between two places of one name is no name.
        #expect(fields("We moved from Oslo Sentrum to Oslo Vest last year.")[.lastName] == nil)
        let both = fields("Jeg heter ikke lenger Kari Berg, men Anne Lund. Kan dere rette det?", .nb)
        #expect(both[.firstName] == "Anne" && both[.lastName] == "Lund")
    }

    /// An address named beside a change with no cue the readers know; never
    /// an old one, one going away, an identification block's or a duplicate's.
    @Test func aNewEmailAddressBesideAChange() {
        #expect(fields("Meine bisherige Adresse d.o@example.com läuft Ende des Monats aus. Stellt mein Konto bitte auf dirk.o@example.org um.", .de)[.email]
            == "dirk.o@example.org")
        #expect(fields("Denne adressen legges ned om en måned. Fremover vil jeg at dere bruker ola.h@example.net for billetter.", .nb)[.email]
            == "ola.h@example.net")
        #expect(fields("Min gamle arbejdsmail stopper snart, så please skift den ud med\nmin private: sofie.p@example.net", .da)[.email]
            == "sofie.p@example.net")
        #expect(fields("I include the following to identify me:\nName: Sigrid Solberg\nEmail: sigrid.s@example.com\nPlease change my address to Nygårdsgaten 5, 5015 Bergen.")[.email] == nil)
        #expect(fields("Ich habe zwei Konten: eins mit meiner alten Adresse h.w@example.com und eins mit dieser hier. Bitte ändern Sie meinen Namen zu Weber.", .de)[.email] == nil)
    }

    /// A new job said as people say it: "bin jetzt bei B", "började … som C
    /// på B", "joined B as C", "er blevet C"; the employer a report of the
    /// record names before "but" is the old one.
    @Test func aNewJobInEverydayWords() {
        #expect(fields("Da bin ich seit über einem Jahr weg, ich bin jetzt bei Hafenblick Consulting. Bitte ändert das.", .de)[.organization]
            == "Hafenblick Consulting")
        let started = fields("Jag har lämnat Kustbyggarna och började den 1 februari som projektledare på Fjällbacka Kommunikation AB.", .sv)
        #expect(started[.title] == "projektledare" && started[.organization] == "Fjällbacka Kommunikation AB")
        #expect(fields("Since 1 August I am no longer with Aurora Biotech. I've joined Fjordlys Analytics as Head of Data Science.")[.title]
            == "Head of Data Science")
        #expect(fields("Min stillingsbetegnelse er forkert. Den står som \"Salgsassistent\", men jeg er blevet Key Account Manager, så ret den gerne.", .da)[.title]
            == "Key Account Manager")
        #expect(fields("I har mig registreret som ansat hos Kvistgaard Logistik, men jeg arbejder nu hos Nordvind Fragt ApS.", .da)[.organization]
            == "Nordvind Fragt ApS")
        #expect(fields("Det stämmer inte längre, min titel är utvecklingschef sedan i våras.", .sv)[.title] == "utvecklingschef")
        // "AS" ends a company's name, "as of" a date: no title.
        #expect(fields("I've joined Halden Grid AS this month.")[.title] == nil)
        #expect(fields("I started at Kvitholmen Analyse AS as of 1 September.")[.title] == nil)
        #expect(fields("Can you update my job title so the badge is right for next month?")[.title] == nil)
    }

    /// "heiße jetzt nicht mehr A, sondern B", "heiter ikkje A lenger, men B".
    @Test func aNameAfterNowNoLongerOrANegationAndLonger() {
        #expect(fields("Ich habe geheiratet und heiße jetzt nicht mehr Schubert, sondern Lehmann.", .de) == [.lastName: "Lehmann"])
        #expect(fields("Eg gifta meg i sommar, så eg heiter ikkje Årdal lenger, men Myklebust.", .nn) == [.lastName: "Myklebust"])
    }

    /// A number called old in its own clause is the old one; "old" past a comma, a stop or a dash is another's.
    @Test func aPhoneCalledOldOnlyInItsOwnClause() {
        #expect(fields("All fine except the mobile. The 22 11 33 44 number is my old work phone, please use +45 21 43 65 87 from now on.")[.phone]
            == "+4521436587")
        #expect(fields("hey new nr 40 12 34 56, old one is dead. can u change it in my profile ty", .en)[.phone] == "+4740123456")
        #expect(fields("Nyt nr: 40 12 34 56 – det gamle er opsagt.", .da)[.phone] == "+4540123456")
        #expect(fields("Please use 40 12 34 56 as my number instead of my old one.", .en)[.phone] == "+4740123456")
        // "should stand: is B"
        #expect(fields("Ni har ett gammalt nummer. Det som ska stå är 0708-55 21 94, och så har det varit länge.", .sv)[.phone] == "+46708552194")
    }

    /// A single name corrected for "name" is a first name when the mail
    /// shows it as one (signed "Kristin Hjelmeland", or "Sigrunn" alone);
    /// a spelled name needs no name word when the misspelling is named.
    @Test func aSingleCorrectedNameShownAsAFirstNameIsOne() {
        #expect(fields("Navnet mitt er Kristin – K-R-I-S-T-I-N. Kan dere rette det i systemet?\nMvh\nKristin Hjelmeland", .nb) == [.firstName: "Kristin"])
        #expect(RectificationExtractor.extract(subject: "Fornamnet mitt", body: "Det er Sigrunn, med to n. Det hadde vore kjekt om det vart rett.\n\nSigrunn", language: .nn)
            == [.firstName: "Sigrunn"])
        #expect(fields("Det er Kjersti med j, ikke Kersti som det står på alle e-postene fra dere.\n\nKjersti", .nb) == [.firstName: "Kjersti"])
        // A surname stays one: signed with it last, or named as such.
        #expect(fields("Jeg heter nå Haugland. Kan dere rette det?\nKari Haugland", .nb) == [.lastName: "Haugland"])
        #expect(fields("Etternavnet mitt er Aas-Johansen.\nAas-Johansen", .nb)[.firstName] == nil)
    }

    /// An emoji ends a value (and a sentence written without a stop); a
    /// change verb opens a block of changes under a contact-data heading; a
    /// change of state ("befördert worden") is no value.
    @Test func emojiHeadingsAndStatesAroundValues() {
        #expect(fields("Men jeg er altså dansk 🇩🇰", .da)[.nationality] == "dansk")
        #expect(fields("Har flytta til København 🇩🇰 Ny adresse er Jagtvej 88, 3. tv., 2200 København N. Og nytt tlf-nr: +45 31 72 90 14.", .nb)[.address]
            == "Jagtvej 88, 3. tv., 2200 København N")
        #expect(fields("Bitte aktualisieren Sie meine Kontaktdaten wie folgt:\nAdresse: Nørrebrogade 12, 2. th., 2200 København N\nTelefon: +45 21 43 65 87", .de)[.address]
            == "Nørrebrogade 12, 2. th., 2200 København N")
        #expect(RectificationExtractor.extract(subject: "Titel", body: "bin inzwischen befördert worden.", language: .de)[.title] == nil)
    }

    /// A cue that ends its sentence ("jobber i.") reads nothing from the next one.
    @Test func aCueAtTheEndOfASentenceReadsNoValue() {
        #expect(fields("De visste hvilket firma jeg jobber i. Dere skal ikke gi navnet mitt til samarbeidspartnere.", .nb)[.organization] == nil)
        #expect(fields("Fra mars jobber jeg i Fjordkraft AS. Kan dere endre det?", .nb)[.organization] == "Fjordkraft AS")
    }

    /// "heiße jetzt mit Nachnamen B", "frå no av heiter eg B", "bytte til B"
    /// after a name named before, and a number in groups of two after "ska vær".
    @Test func namesAndNumbersAfterLessUsualCues() {
        #expect(fields("Ich habe geheiratet und heiße jetzt mit Nachnamen Schneider (vorher Köhler).", .de) == [.lastName: "Schneider"])
        #expect(fields("No har eg teke etternamnet til mannen min. Frå no av heiter eg Solveig Teigen Rysstad.", .nn)[.lastName] == "Teigen Rysstad")
        #expect(fields("Jeg har tatt mannens navn. Fint om dere kan bytte til Haugland på profilen min.", .nb)[.lastName] == "Haugland")
        #expect(fields("Nummeret dokker har på mæ e gammelt, det ska vær 40 12 34 56 no.", .nb)[.phone] == "+4740123456")
        // Without a name named before, "bytte til" a capitalised word is no name.
        #expect(fields("Kan dere bytte til Bergen-konferansen for meg?", .nb)[.lastName] == nil)
    }

    /// "er ikke A lenger, men B" for any field named before; a move to a new
    /// employer after the employer was named; short sentences that end
    /// inside "no longer" read nothing (and never trap).
    @Test func aValueAfterNoLongerAndAMoveToAnEmployer() {
        #expect(fields("Jobbtittelen er i hvert fall feil - jeg er ikke daglig leder lenger, men styreleder.", .nb)[.title] == "styreleder")
        #expect(fields("On my delegate profile my organisation is still Vestvik Municipality. I moved to Nordhavn Port Authority in January.")[.organization]
            == "Nordhavn Port Authority")
        #expect(fields("I moved to Bergen in January.")[.organization] == nil)
        #expect(fields("My organisation is wrong. I moved to").isEmpty)
        for text in ["Jeg heter ikke lenger Berg.", "Eg heiter ikkje Berg lenger", "Jeg er ikke", "heter ikke lenger", "Ich bin nicht mehr"] {
            #expect(fields(text, .nb).isEmpty)
        }
    }

    @Test func aLinkInAnAsideNeverReachesTheValue() {
        #expect(fields("Hello, please update my employer to Nordlys AS (see https://nordlys-partner.example)")[.organization] == "Nordlys AS")
    }
}
