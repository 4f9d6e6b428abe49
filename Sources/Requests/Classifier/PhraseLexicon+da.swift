extension PhraseLexicon {
    /// Danish phrases.
    static let danish: PhraseLexicon = {
        var b = RuleBuilder(.da)
        let mine = "mig|min|mine|mit|jeg|hans|hendes|ham|hende"
        let data = "*oplysning*|data|persondata|information*|bruger|brugeren|brugerkonto*|konto*|profil*|kundeprofil*|medlemskab*|kundeforhold*"
        // Spørgsmål fra en journalist, en studerende eller en forsker om, hvordan anmodninger behandles.
        b.add(.passingMention, 1.0, negatable: true, "pressehenvendelse", "speciale|artikel|opgave|spørgeskema|undersøgelse ~4 om",
              "hvordan ~8 håndterer|behandler|arbejder ~3 anmodninger|henvendelser|sletteanmodninger|sletning|retten|rettighederne|med",
              "når ~1 nogen|folk|kunder ~2 beder|spørger|kræver")
        // "Der er ingen grund til at gemme dem", "min profil behøver I ikke at gemme længere".
        b.add(.kind(.erase), 1.3, negatable: false, "!ingen ~1 grund ~6 gem|gemme|beholde|opbevare ~4 \(data)|noget|dem",
              "!i ~1 behøver ~1 ikke ~4 gemme|beholde|opbevare ~4 \(data)|noget",
              "!\(data)|alt ~12 behøver ~1 i ~1 ikke ~4 gemme|beholde|opbevare")

        b.withdraw("ignorer ~3 min|mit|den ~2 tidligere|forrige|sidste ~2 mail|e|besked|henvendelse|anmodning",
                   "fortrudt", "fortryder", "glem ~1 det",
                   "glem ~3 min|mit|den ~2 sidste|forrige|tidligere ~2 mail|e|besked|henvendelse|anmodning",
                   "beholde ~3 kontoen|profilen|brugeren ~3 alligevel")
        b.withdraw("glem ~2 mailen|e|beskeden|henvendelsen", "overvejer ~3 at ~2 bede|slette|kræve",
                   "ikke ~1 besluttet ~2 mig ~2 endnu", "gør ~1 ikke ~1 noget ~4 før")
        b.vendor("vores ~1 kunder", "vi ~1 hjælper", "uforpligtende ~2 møde|snak|demo", "vores ~2 brochure*", "hent|download ~2 brochure*",
                 "har ~2 i|du ~3 minutter ~8 demo|snak|møde|gennemgang", "gratis ~2 demo|prøveperiode|prøve", "booke|booker|bestille ~4 demo")
        let field = "navn*|efternavn*|fornavn*|adresse*|postnummer*|telefon*|mobil*|nummer*|e|mail*|kontaktmail*|titel*|stilling*|arbejdsgiver*|firma*|klub*|fødselsdato*|kost*|kostoplysning*|allergi*|nationalitet*"
        b.access(1.2, "hvem ~4 givet|delt|solgt|videregivet|sendt|udleveret", "liste ~3 over ~6 hvem|modtagere|udstillere|partnere|sponsorer")
        b.withdraw("se ~1 bort ~1 fra ~3 mail|e|henvendelse*|anmodning*")
        b.withdraw("=gør ~1 det ~1 ikke", "=lad ~1 være")
        b.withdraw("lad ~2 alt ~2 være ~2 som ~2 det ~1 er")
        // "Stop sletningen af min konto", "afbryd sletningen".
        b.withdraw("stop|stands|afbryd ~1 sletningen|sletning")
        // A colleague or relative who will write or act themselves.
        b.add(.othersOwnAction, 1.0, "hun|han ~2 skal|vil ~8 selv", "gør|klarer ~1 hun|han ~2 selv")
        b.rectify(1.3, "ret|ændr|ændre|opdater ~1 det|dem ~1 gerne", "ret|ændr|ændre ~1 det ~1 til ~1 det")
        // "…så min profil hos jer kan I bare nedlægge": the profile named first.
        b.erase(1.3, "profil*|konto*|brugerprofil*|brugerkonto* ~5 nedlægge|nedlæg|slette|slet")
        // "Hun vil gerne glemmes af jer."
        b.erase(1.3, "vil ~2 glemmes")
        // "Jeg vil ikke længere stå i jeres register."
        b.erase(1.4, "ikke ~2 længere ~3 stå|være|findes ~2 i ~2 *register*|*system*|*database*|kartotek*")
        b.add(.passingMention, 1.0, "det|den|jeg ~1 selv")
        b.rectify(1.4, "\(field) ~2 er|blev ~1 skiftet|ændret")
        b.erase(0.9, "fjern|fjerne ~1 det|den|dem")
        b.erase(1.4, "slet|slette|sletter ~2 det ~1 hele", "kan|ka ~1 i ~2 godt ~2 slet|slette|fjern|fjerne")
        b.erase(1.5, "=slet|=slette")
        b.access(1.3, "hvilke ~3 sponsorer|udstillere|partnere|firmaer ~4 fik|har ~3 deltagerlist*|navn*|oplysning*")
        b.object(1.4, "frabeder ~2 mig", "nok ~2 af ~2 reklame*|tilbud*|nyhedsbrev*|markedsføring*|spam|sms*")
        b.object(1.4, "slippe ~3 for ~3 nyhedsbrev*|reklame*|markedsføring*|tilbud*|sms*|mails|*tilbud*",
                 "fri ~2 for ~3 nyhedsbrev*|reklame*|markedsføring*|*tilbud*|sms*|mails")
        b.add(.kind(.object), 1.4, negatable: true, "stryg|fjern|tag ~2 mig ~3 fra|af ~3 nyhedsbrev*|*liste*|mail*|sms*")
        b.object(1.4, "=afmeld|=afmeld ~1 mig", "afmeld* ~1 venligst", "venligst ~1 afmeld*", "afmeld*|frameld* ~4 nyhedsbrev*|*liste*|mail*|sms*|reklame|markedsføring*|alt")
        b.erase(1.5, "fjern*|slet|slette ~2 mit|min|mine ~2 navn*|adresse*|telefon*|*oplysning*|konto*|profil*|bruger*")
        b.erase(1.5, "makuler*|destruer* ~4 \(mine)|\(data)|ansøgning*|cv", "\(data)|ansøgning*|cv ~4 makuleret|makuleres|destrueret|destrueres")
        b.object(1.4, "må|skal ~1 ikke ~4 stå|være ~4 deltagerliste*|liste*")
        b.access(1.4, "aktindsigt ~3 i ~3 \(mine)|\(data)", "udskrift ~3 af ~4 \(mine)|\(data)", "oversigt ~3 over ~4 \(mine)|\(data)",
                 "se ~3 de|mine ~2 oplysninger|data", "data ~1 export|eksport", "eksport* ~3 af ~3 \(mine)|\(data)")
        b.access(1.2, "har ~2 i ~3 registreret|gemt ~3 nogen|noget ~3 om ~1 mig", "har ~2 i ~3 nogen|noget ~3 \(data) ~3 om ~1 mig",
                 "hvad ~2 står ~2 der ~4 om ~1 mig", "hvad ~2 har ~2 i ~3 om ~1 mig")
        b.erase(1.5, "fjern* ~6 fra ~3 *database*|*system*|*register*|hjemmeside*", "slet|slette|sletter ~3 samtlige|alle ~3 \(data)",
                "slet|slette|fjern|fjerne ~3 \(mine)|den|det|dem ~2 venligst", "have ~2 slettet|fjernet ~6 \(mine)|\(data)|billede*|resultat*",
                "bedes ~2 slette|fjerne")
        b.object(1.4, "lade ~1 være ~2 med ~2 at ~2 spamme|sende|ringe|videregive|dele|sælge", "lad ~1 være ~2 med ~2 at ~2 spamme|sende|ringe|videregive|dele|sælge",
                 "send ~2 mig ~1 ikke ~3 flere ~2 sms*|mails|e|nyhedsbrev*|tilbud|reklame", "stop ~3 nyhedsbrev*|tilbud|reklame|markedsføring|sms*|mails",
                 "må|skal ~1 ikke ~4 stå|være ~4 deltagerlister|lister|liste ~6 sponsor*|partner*|udstiller*",
                 "ikke ~2 kontaktes ~3 af ~3 partner*|samarbejdspartner*|sponsor*|udstiller*|andre",
                 "ikke ~8 givet|gives|videregivet|delt|deles ~2 videre")
        b.rectify(1.4, "\(field) ~4 er|var|står ~3 forkert*|forkerte|fejl|forældet", "kan ~2 det ~2 blive|blir ~1 rettet|ændret",
                  "ret|ret* ~1 gerne|venligst ~3 \(mine)|\(field)", "ret|ret* ~3 \(field) ~4 til", "skift* ~3 \(mine) ~3 \(field)",
                  "hedder ~4 nu ~3 ikke", "den ~1 rigtige ~1 er", "ikke ~3 som ~2 der ~1 står", "please ~2 update|opdater*")
        b.add(.passingMention, 1.0, "hvor ~1 lang ~1 tid", "fundet|fået ~3 det ~3 skulle")
        b.access(1.4, "hvad|hva ~2 ved|har|gemmer ~2 i ~4 om|på ~1 mig", "hvad|hva ~2 har ~2 i ~2 af ~2 info|information|oplysninger|data",
                 "kopi ~3 af|på ~4 alt|hvad")
        b.rectify(1.2, "skal ~1 rettes|ændres|opdateres", "\(mine) ~2 arbejdsgiver*|titel|stilling|adresse|navn ~4 ændret|skiftet ~2 til")
        b.erase(1.5, "have ~3 det|alt|alting ~2 hele ~2 slettet|fjernet", "have ~3 det|alt|alting ~2 slettet|fjernet",
                "slet|slette|fjern ~3 det ~1 hele", "skal ~2 slettes|fjernes ~1 helt")
        b.erase(1.3, "\(data)|alt|det|dette ~2 skal|må ~1 slettes|fjernes")
        b.object(1.4, "ingen ~2 mails|e|nyhedsbreve|nyhedsbrev|markedsføring|reklame|sms", "ingen ~2 deling|videregivelse",
                 "stop* ~3 med ~3 at ~3 give|videregive|sælge|sende|dele", "=stop")
        b.access(1.4, "indsigt", "kopi ~3 af ~4 \(data)", "hvilke ~5 \(data) ~6 om|registreret ~2 mig|i",
                 "hvad ~4 i ~4 har|ved|gemmer|opbevarer|behandler|registreret ~4 om ~1 mig",
                 "hvilke ~3 \(data) ~4 i ~3 har|gemmer|behandler",
                 "artikel|art 15", "artikel|art 20", "dataportabilitet", "maskinlæsbar*", "udlever* ~4 \(data)")
        b.access(1.2, "hvad ~3 i ~3 har ~2 gemt|registreret|opbevaret")
        b.rectify(1.2, "i ~1 stedet ~1 for ~8 skal ~2 stå|være", "erstat* ~6 med")
        b.rectify(0.8, "korriger*")
        b.rectify(1.4, "berigtig*", "rettelse", "rette ~4 \(mine)|\(data)|navn|efternavn|fornavn|adresse",
                  "ændr*|opdater* ~4 navn*|efternavn*|fornavn*|adresse*|e|telefon*|mobil*|nummer*|\(data)|titel*|stilling*|arbejdsgiver*|firma*|virksomhed*|nationalitet*|allergi*|kost*",
                  "\(data)|navn*|efternavn*|fornavn*|adresse*|telefon*|nummer*|e|mail*|titel*|stilling*|arbejdsgiver*|nationalitet*|allergi* ~4 er|var ~3 forkert*|forældet|stavet",
                  "forkert* ~3 \(data)|navn*|adresse*", "stavet ~2 forkert",
                  "ny|nye|nyt ~2 adresse*|telefonnummer*|mobilnummer*|e|efternavn*|navn*|arbejdsgiver*|stilling* ~3 er",
                  "artikel|art 16", "er|blev ~1 ændret|skiftet ~1 til",
                  "skift*|byt* ~3 efternavn*|navn*|fornavn*|adresse*|e|mail*|telefonnummer*|mobilnummer*|nummer*|arbejdsgiver*|job",
                  "vil|kan|kunne ~1 i ~1 rette|ændre|opdatere|korrigere ~1 det|dette",
                  "fået ~2 ny|nye|nyt ~2 telefonnummer*|mobilnummer*|nummer|adresse*|e|mail*|efternavn*|navn*|arbejdsgiver*|job")
        b.erase(1.5, "slet|slette|sletter|slettet|slettes ~4 \(mine) ~4 \(data)|alt", "slet|slette|sletter|slettes ~3 \(data)|alt",
                     "\(data) ~4 slettes|slette",
                "sletning ~3 af ~4 \(mine)|\(data)", "anmod* ~3 sletning", "beder ~3 om ~3 sletning",
                "fjern* ~2 mig ~3 fra ~4 *database*|*system*|*register*|*kartotek*", "fjern* ~3 \(mine) ~4 \(data)",
                "blive ~1 glemt", "!benytte|udnytte|gøre ~4 ret* ~4 sletning|glemt", "artikel|art 17")
        b.erase(0.9, "slet|slette|sletter ~1 dem|disse|den")
        b.erase(1.2, "slet|fjern ~1 mig")
        b.erase(1.5, "anmodning|krav ~2 om ~2 sletning")
        b.erase(1.5, "slet|slette|sletter|fjern* ~4 billede*|billeder|foto*|video*",
                     "billede*|billeder|foto*|video* ~8 slettes|fjernes|slettet|fjernet")
        b.object(1.4, "gør* ~2 indsigelse", "indsigelse*", "modsætter ~2 mig", "artikel|art 21", "=afmelding", "^afmeld* ~3 nyhedsbrev*|*liste*|mail*|sms*|reklame|markedsføring*|alt",
                      "^frameld* ~3 nyhedsbrev*|*liste*|mail*|sms*|reklame|markedsføring*|alt",
                      "afmeld|frameld ~1 mig",
                 "ikke ~4 modtage|have|få ~4 nyhedsbrev*|markedsføring*|reklame|tilbud|e|sms",
                 "ikke ~5 del|dele|deler|deles|delt|videregive*|videregives|sælge|sælges|solgt|give|gives|givet|overføre ~8 partner*|samarbejdspartner*|tredjepart*|andre|udstiller*|sponsor*",
                 "stop* ~3 med ~3 at ~3 sende|dele",
                 "del|dele|sælg|giv|videregiv ~3 ikke ~8 partner*|samarbejdspartner*|tredjepart*|sponsor*|andre",
                 "direkte ~1 markedsføring", "begræns* ~3 behandling*", "behandling* ~6 begrænses|begrænset")
        // "Lad mig være i fred", "…ikke sendes videre til udstillerne".
        b.object(1.4, "lad ~1 mig ~2 være ~2 i ~1 fred", "ikke ~4 sendes|deles|gives ~3 til|videre ~3 udstiller*|partner*|sponsor*|tredjepart*")
        // "så I må ikke give mine oplysninger videre til dem" (the sponsors named before).
        b.object(1.4, "ikke ~2 give|videregive|dele ~3 mine|mit|min ~2 *oplysning*|data|navn ~3 videre")
        // Exercising a right by name is a request, though "ret til …" alone is a passing mention.
        b.rectify(1.5, "!benytte|udnytte|gøre ~4 ret* ~4 berigtigelse")
        b.object(1.5, "!benytte|udnytte|gøre ~4 ret* ~4 indsigelse|begrænsning")
        b.add(.consentWithdrawal, 1.2, "tilbagekald* ~4 samtykke*", "træk* ~4 samtykke* ~8 tilbage", "trækker ~2 mit|mine ~1 samtykke*",
                                       "samtykke* ~4 tilbagekaldes|tilbagekaldt")
        b.add(.onBehalf, 1.0, "på ~1 vegne ~1 af", "på ~1 hans|hendes|deres ~1 vegne",
              "min|mit ~1 søns|datters|barns|mors|fars|kones|mands|klients ~1 \(data)|navn|billede*",
              "værge", "fuldmagt", "for ~1 min|mit ~1 søn|datter|mor|far|barn", "dødsbo*")
        b.add(.relative, 1.0, "sønnen|datteren|moren|faren ~1 min", "min|mit ~1 søn|datter|barn|mor|far|kone|mand", "mor|far|forælder ~1 til")
        b.add(.thirdPartyData, 1.0, "hans|hendes ~2 \(data)|navn|billede*", "om ~1 hende|ham")
        b.add(.dietary, 1.0, "*allergi*", "kost*", "diæt*", "madpræference*", "vegetar*", "vegan*", "gluten*", "laktose*",
                             "intolerance*", "specialkost*")
        b.add(.complaint, 1.5, "hermed ~4 klage*", "formel ~1 klage", "klage ~3 over ~4 behandling*|virksomhed*|selskab*",
                               "kære ~1 datatilsynet")
        b.add(.legalHold, 1.5, "bevar* ~4 dokument*|bevis*|oplysning*|log*", "ikke ~3 slette ~4 dokument*|bevis*")
        b.add(.publicRecords, 1.5, "offentlighedslov*", "aktindsigt*")
        // Mail disclaimers ("if you received this in error, delete it") ask nothing of us.
        // "Delete my old e-mail address" replaces a value: a rectification, not an erasure.
        b.add(.nonErasureContext, 1.0, "gamle|gammel|tidligere|forrige ~1 e|mail*|adresse*|telefon*|mobil*|nummer*|navn*|efternavn*|titel*|arbejdsgiver*")
        b.add(.passingMention, 2.5, "ved ~1 en ~1 fejl", "fortrolig*", "afsender*", "rette ~1 modtager*")
        b.add(.passingMention, 2.5, "føre ~2 til", "fører ~2 til", "medfør*", "konsekvens*")
        b.add(.nonErasureContext, 1.0, "fra ~3 nyhedsbrev*|udsendelse*|*liste*|listen|mailliste*|*gruppe*|*chat*")
        b.add(.eventList, 1.0, "deltagerlist*|deltagerliste*|tilmeldingslist*|gæstelist*|venteliste*|ventelisten|deltageroversigt*|bestillingen|bookingen")
        b.add(.passingMention, 1.0, "jeg ~1 ved ~3 jeg ~2 kan", "måske|eventuelt ~4 senere", "på ~1 et ~1 senere ~1 tidspunkt", "indtil ~1 videre",
                                    "hvordan ~3 kan ~1 jeg",
              "privatlivspolitik*", "hvis ~1 du ~4 ikke|ønsker|vil", "klik*",
              "du ~2 kan ~3 afmelde|framelde", "persondatapolitik*", "i ~1 har ~1 ret",
              "ret|retten|rettigheder* ~5 berigtigelse|sletning|begrænsning|indsigelse|klage|indsigt|dataportabilitet")
        b.add(.photo, 1.0, "billede*|billeder|foto*|video*")
        b.add(.objectPhoto, 1.0, "billede*|billeder|foto* ~3 af ~1 vores ~2 stand|standen|logo|logoet|produkt*|lokale*|kontor*|bygning*",
              "produktbillede*|produktfoto*")
        b.concepts(.danish)
        // Everyday wording: "hold op med at sende mig reklamer", "la' vær' med å
        // sende mig det nyhedsbrev", "udstillerne må ikke få dem", "nedlæg min
        // brugerprofil", "smid hele min profil ud", "jeg ønsker ikke, at I gemmer
        // noget om mig", "hvad bruger I det til?".
        b.object(1.3, "holde|holder|hold ~1 op ~1 med ~3 sende|ringe|skrive|spamme", "la|lad|lade ~1 vær|være ~1 med ~3 sende|ringe|skrive",
                 "udstiller*|partner*|sponsor*|firma* ~3 må ~1 ikke ~3 få")
        b.erase(1.4, "nedlæg*|luk|lukke ~3 \(mine) ~2 \(data)|brugerprofil*", "smid*|smide ~4 \(data)|brugerprofil*|alt|mig ~3 ud")
        b.add(.kind(.erase), 1.3, negatable: false,
              "ikke ~4 gemmer|gemme|opbevarer|opbevare|beholder|beholde ~5 om ~1 mig")
        b.add(.kind(.erase), 0.8, negatable: false, "ingen ~1 grund ~3 til ~3 at ~2 have|gemme|opbevare|beholde")
        b.erase(1.3, "vil ~2 jeg ~2 gerne ~1 have|få ~1 fjernet|slettet")
        b.access(1.3, "sende ~2 mig ~3 \(data)|oplysning*|oplysningerne")
        b.access(1.2, "hvad ~2 bruger ~2 i ~2 det|dem|dataene|oplysningerne ~1 til", "har ~1 i ~2 gemt|registreret|opbevaret ~3 det|dem|mine|noget|mig")
        // "Stop" in a subject asks to stop the mail, unless it is a payment
        // that is to stop ("Stop ratebetaling").
        b.foreign = PhraseLexicon.paymentWords
        b.object(1.4, "^stop")
        b.foreign = []
        b.articleLists("og|samt")
        return PhraseLexicon(
            language: .da, rules: b.rules,
            negations: ["ikke", "aldrig", "ingen", "intet", "ingenting", "uden", "hverken", "undgå"],
            requestMarkers: ["beder", "bede", "anmoder", "ønsker", "vil", "kræver", "venligst", "gerne", "kan", "kunne", "skal",
                             "må", "hermed"],
            hedges: ["vil", "ellers", "hvis", "såfremt", "kan", "forbeholder"]
        )
    }()
}
