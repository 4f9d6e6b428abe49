extension PhraseLexicon {
    /// Norwegian Bokmål phrases (also applied to Nynorsk and Danish mail).
    static let bokmal: PhraseLexicon = {
        var b = RuleBuilder(.nb)
        let mine = "meg|min|mine|mitt|mi|jeg|hans|hennes|ham|henne"
        let data = "*opplysning*|data|dataene|dataa|persondata|personinfo|info|informasjon*|kontaktinfo*|bruker|brukeren|brukar*|konto*|profil*|brukerkonto*|kundeprofil*|kundeopplysning*|medlemskap*|kundeforhold*"
        // Spørsmål fra en journalist, en student eller en forsker om hvordan henvendelser behandles, ber ikke om noe for dem selv.
        b.add(.passingMention, 1.0, negatable: true, "pressehenvendelse", "sak|artikkel|reportasje|oppgave|masteroppgave|undersøkelse|spørreskjema ~4 om",
              "hvordan|korleis ~8 håndterer|handterer|behandler|behandlar ~3 henvendelser|forespørsler|krav|sletting|innsyn|retten|rettane|rettighetene|rettigheter",
              "når ~1 nokon|noen|folk|kunder|kundar ~2 ber|spør|krever|krev")
        // "Det er ingen grunn til å lagre opplysningene mine lenger": keeping is what the person ends.
        b.add(.kind(.erase), 1.3, negatable: false, "!ingen ~1 grunn|vits|behov ~6 lagre|lagra|beholde|oppbevare|oppbevara ~4 \(data)|noe",
              "!dere|de|dokker ~1 trenger|treng ~1 ikke|ikkje ~4 lagre|lagra|beholde|oppbevare|oppbevara ~4 \(data)|noe",
              "!\(data) ~12 trenger|treng ~1 dere|de|dokker ~1 ikke|ikkje ~4 lagre|lagra|beholde|oppbevare|oppbevara")

        b.withdraw("glem ~1 det", "dropp ~3 adresseendring*|forespørsel*|henvendelse*|endring*|sletting*|kravet|innsyn*",
                   "ignorer ~3 min|mitt|forrige|tidligere|den ~2 e|epost*|mail*|melding*|henvendelse*|forespørsel*",
                   "ombestemt", "angrer|angrar ~2 meg|på", "beholde ~3 kontoen|profilen|brukeren ~3 likevel",
                   "trekk* ~3 tilbake ~3 forespørsel*|henvendelse*|kravet|begjæring*")
        // "Glem e-posten jeg sendte i går"; a request weighed but not made:
        // "jeg vurderer å be om sletting", "ikke gjør noe før jeg sier fra".
        b.withdraw("glem ~2 e|epost*|mail*|mailen|melding*|henvendelse*|forespørsel*",
                   "vurderer ~3 å ~2 be|slette|sende|kreve", "tenker ~2 på ~2 å ~2 be|slette|kreve",
                   "ikke ~1 bestemt ~2 meg ~2 ennå|enda|enno", "ikke ~2 gjør ~1 noe|noen|noko ~4 før")
        b.vendor("våre ~1 kunder", "vi ~1 hjelper", "uforpliktende ~2 møte|prat|samtale|demo", "vår|våre|vårt ~2 brosjyre*", "last ~1 ned ~2 brosjyre*",
                 "gratis ~2 demo|prøveperiode|prøve|prøvetid", "booke|booker|bestille ~4 demo", "har ~2 dere|de|du ~3 minutt|minutter ~8 demo|prat|møte|samtale|gjennomgang",
                 // "Vi tilbyr 30 dagar gratis prøvetid… Har de tid til ein kort demo?"
                 "vi ~1 tilbyr|tilbyd", "har ~2 dere|de|du ~2 tid ~4 demo|prat|møte|samtale|gjennomgang")
        b.access(1.4, "kopi|copy ~3 av ~4 \(data)|alt", "hva ~2 vet|har|lagrer ~2 dere ~3 om|på ~1 meg",
                 "send* ~2 meg ~2 alt ~3 dere ~2 har|lagrer|vet ~2 om|på")
        let field = "navn*|etternavn*|fornavn*|adresse*|postnummer*|postadresse*|telefon*|mobil*|nummer*|e|epost*|tittel*|stilling*|stillingstittel*|arbeidsgiver*|firma*|klubb*|klubbtilhørighet*|fødselsdato*|kosthold*|allergi*|nasjonalitet*"
        b.access(1.2, "har ~2 dere|de|dokker ~3 \(data)|noe|noko ~4 om|på ~1 meg|mæ", "hva|kva|ka ~4 \(data)|dere|de|dokker ~4 sitter|sit ~1 på",
                 "send*|sende ~3 meg ~8 dere|de|dokker ~3 har ~4 om|på ~1 meg|mæ",
                 "hva|kva|ka ~3 dere|de|dokker ~3 har|vet|veit ~3 lagret|lagra|registrert ~3 om|på ~1 meg|mæ|mei")
        b.access(1.4, "tilgang ~2 til ~4 \(data)|personopplysning*|alt")
        b.rectify(1.4, "\(field) ~4 er|var|står ~3 feil|feilregistrert|galt|gal|utdatert", "feil ~1 registrert|registrerte|stavet",
                  "er|blitt ~1 endret|endra ~1 til", "bør|skal|må ~1 endres|rettes|oppdateres|endrast|rettast",
                  "heter|heiter ~4 ikke|ikkje", "skal ~1 være ~4 ikke|ikkje", "rett|riktig|korrekt ~2 \(field)|dato ~2 er")
        b.rectify(1.4, "riktig|rett|korrekt ~2 skal|skulle ~1 være|vere", "ny|nye|nytt ~1 mobilnr|tlfnr|telefonnr|nr|nummer")
        b.erase(1.5, "slett*|fjern* ~2 den|det|dem|han|ho ~4 og ~1 alt", "slett*|fjern* ~1 henne|ham|han|hun|ho|dei|dem ~3 fra|frå ~4 *list*|*system*|*register*|*database*")
        b.access(1.4, "se|sjå|vite|veta ~4 alt|hva|kva ~3 dere|de|dokker ~3 har|lagrer|lagra|lagret|registrert")
        // "…vil jeg gjerne se hva som er lagret"
        b.access(1.4, "se|sjå|vite|veta|få ~2 hva|kva|hvilke|kva ~2 som ~2 er|finst|finnes ~2 lagret|lagra|registrert|registrerte")
        b.rectify(0.9, "fiks|fikse|rett|endre|oppdater|korriger ~1 det|den|dette|opp", "kan|vil|kunne ~1 dokker|dykk|du ~1 endre|rette|oppdatere|fikse ~1 det|dette")
        b.erase(1.5, "slett*|fjern*|sletta ~2 meg ~2 helt|heilt|fullstendig", "få ~2 sletta|slettet|fjerna|fjernet ~3 \(data)|meg|alt",
                "ta ~1 bort ~4 \(data)|navn*|kontakt*|alt", "ta ~2 meg ~2 ut|bort ~2 av|fra|frå ~3 *register*|*system*|*database*",
                // "Jeg ønsker ikke lenger å stå i registrene deres."
                "ikke|ikkje ~2 lenger|lengre ~3 stå|være|vere|finnes|finnast ~2 i ~2 *register*|registr*|*system*|*database*|*base*|kartotek*",
                // "…at navnet mitt og telefonnummeret mitt forsvinner fra basen deres", "vil ha kontoen min sletta".
                "\(data)|meg|navnet|namnet|mitt|mine|alt ~3 forsvinn* ~3 fra|frå ~3 *register*|registr*|*system*|*database*|*base*|kartotek*",
                "ha ~1 \(data) ~2 min|mi|mitt|mine ~1 sletta|slettet|fjerna|fjernet",
                // "Stryk meg frå registeret dykkar."
                "stryk|stryke ~2 meg ~2 fra|frå|av|ut ~3 *register*|*system*|*database*|kartotek*",
                "makuler* ~4 \(data)|alt", "fjern* ~6 fra|frå ~3 *database*|*system*|*register*")
        // "Dere må ikke gi opplysningene mine videre til dem" (the sponsors named before).
        b.object(1.4, "ikke|ikkje ~2 gi|gje|dele ~3 *opplysning*|data|navnet|namnet ~2 mine|mitt|mi ~2 videre|vidare",
                 "ikke|ikkje ~2 gi|gje|dele ~2 mine|mitt ~2 *opplysning*|data|navn|namn ~2 videre|vidare")
        b.object(1.4, "fjern*|ta ~2 meg ~2 fra|frå|av ~3 *list*", "sier|seier ~1 nei ~2 til ~8 deles|delt|dele|delte|bruker|brukar|bruk",
                 "ikke|ikkje|itj ~3 ha ~4 telefonsalg*|sms*|spam|reklame|markedsføring*|tilbud|tilbod|mails|eposter|nyhetsbrev*|meldinger",
                 "ønsker|vil ~1 ikke|ikkje ~4 reklame|markedsføring*|nyhetsbrev*|sms*|telefonsalg*|profilering",
                 "ikke|ikkje ~3 bruk* ~5 til ~2 markedsføring|reklame|profilering|salg", "meld ~1 meg ~1 av",
                 "meld*|melde ~3 meg ~3 av ~4 nyhetsbrev*|*liste*|lista|listen|utsending*|markedsføring*|reklame|e|epost*|sms*|alt|alle")
        b.add(.passingMention, 1.0, "fikk|fått|mottatt|mottok ~3 innsyn|kopi|svar|oversikt*", "hvor|kor ~1 lang ~1 tid")
        b.access(1.2, "hvem ~4 delt|gitt|solgt|utlevert|videreformidlet|overført", "liste ~3 over ~4 utstiller*|partner*|mottaker*|sponsor*")
        b.access(1.4, "innsyn", "innsynsbegjæring*", "innsynskrav*", "kopi ~3 av ~4 \(data)",
                 "hvilke ~5 \(data) ~6 om|registrert|lagret ~2 meg|dere",
                 "hva ~4 dere ~4 lagrer|har|vet|registrert|behandler ~4 om|på ~1 meg",
                 "hvilke ~3 \(data) ~4 dere ~3 har|lagrer|behandler", "artikkel|art 15", "artikkel|art 20",
                 "dataportabilitet", "portabilitet", "maskinlesbar*", "utlevert ~4 \(data)", "oversikt ~4 \(data)",
                 "vite ~3 hva ~3 dere ~3 lagrer|har|vet",
                 "få ~3 se|vite ~4 hva|hvilke ~4 \(data) ~5 om ~1 meg", "eksport* ~3 \(mine) ~3 \(data)",
                 "send* ~2 meg ~3 \(mine) ~3 \(data)")
        b.access(1.2, "hva ~3 dere ~3 har ~2 lagret|registrert",
                 "hva ~1 slags|for ~3 \(data) ~4 lagret|registrert|lagrer|behandler|har")
        b.rectify(1.2, "i ~1 stedet ~1 for ~8 skal ~2 stå|være", "erstatt* ~6 med")
        b.rectify(0.8, "korriger*")
        b.rectify(0.7, "flyttet|flytta ~2 til")
        b.rectify(1.4, "rett* ~3 opp", "retting", "rette ~4 \(data)|navn*|adresse*|etternavn*|fornavn*",
                  "endr*|oppdater* ~4 \(mine) ~3 navn*|etternavn*|fornavn*|adresse*|e|epost*|telefon*|mobil*|nummer*|\(data)|tittel*|stilling*|arbeidsgiver*|firma*|nasjonalitet*|allergi*|kost*|matpreferanse*",
                  "endr*|oppdater* ~3 navn*|etternavn*|fornavn*|adresse*|e|epost*|telefon*|mobil*|nummer*|tittel*|stilling*|stillingstittel*|arbeidsgiver*|firma*|nasjonalitet*|allergi*|kost*|matpreferanse*|\(data)",
                  "\(data)|navn*|etternavn*|fornavn*|adresse*|telefon*|nummer*|e|epost*|tittel*|stilling*|arbeidsgiver*|nasjonalitet*|allergi* ~4 er|var ~3 feil|utdatert*|gammel|gamle|feilstavet",
                  "feilstavet", "stavet ~2 feil",
                  "feil ~3 i|på ~3 \(data)|navn*|etternavn*|fornavn*|adresse*|telefon*|nummer*|e|epost*|tittel*|stilling*|arbeidsgiver*|nasjonalitet*|allergi*",
                  "riktig|korrekt ~2 \(data)|navn*|etternavn*|fornavn*|adresse*|telefon*|nummer*|e|epost*|tittel*|stilling*|arbeidsgiver*|nasjonalitet*|allergi* ~2 er",
                  "ny|nye|nytt ~2 adresse*|telefonnummer*|mobilnummer*|e|epost*|etternavn*|navn*|arbeidsgiver*|stilling*|tittel* ~3 er",
                  "har ~2 endret ~3 til", "er ~1 endret ~1 til", "er ~1 nå|blitt ~2 vegetar*|veganer|vegansk|pescetar*|cøliaki*",
                  "bruk ~4 fra ~1 nå ~1 av", "kan|vil|kunne ~1 dere|de ~1 endre|rette|oppdatere|korrigere ~1 det|dette",
                  "bytt*|byte ~3 etternavn*|etternamn*|navn*|namn*|fornavn*|førenamn*|adresse*|adressa|e|epost*|epostadress*|telefonnummer*|mobilnummer*|nummer*|arbeidsgiver*|jobb",
                  "ny|nye|nytt ~1 telefonnummer*|mobilnummer*|nummer|adresse|e|epost*|etternavn", 
                  "jobber|arbeider ~1 nå ~1 i|hos|for", "nå ~2 jobber|arbeider ~1 i|hos|for",
                  "fått ~2 ny|nye|nytt ~2 telefonnummer*|mobilnummer*|nummer|adresse*|e|epost*|etternavn*|navn*|arbeidsgiver*|jobb",
                  "er ~2 utdatert*", "artikkel|art 16",
                  "feil ~2 adresse*|telefonnummer*|mobilnummer*|nummer*|e|epost*|navn*|etternavn*|tittel*|arbeidsgiver* ~3 på|om|for ~1 meg",
                  "bor ~1 nå ~1 i|på",
                  "telefonnummer*|mobilnummer*|nummer*|adresse*|e|epost*|etternavn*|navn*|arbeidsgiver*|tittel* ~2 er|har ~2 endret|endra|forandret|byttet",
                  "oppdater*|endr*|rett* ~1 det|den|dette ~1 til")
        b.erase(1.5, "slett*|fjern* ~4 \(mine) ~4 \(data)|alt|e|epost*|navn*|nummer*",
                "slett*|fjern* ~3 \(data)|alt", "\(data) ~4 slette|slettes|fjerne|fjernes|slettast|fjernast",
                "ha|få ~4 \(data) ~3 slettet|fjernet|sletta|fjerna",
                "sletting|slettingen ~3 av ~4 \(mine)|\(data)", "slettet ~3 fra ~3 database*|system*|register*|kunderegister*",
                "fjern* ~2 meg ~3 fra ~4 *database*|*system*|*register*|*registeret|crm",
                "slett*|fjern* ~2 meg ~3 fra|frå|i|av ~4 *database*|*system*|*register*|*registeret|crm|appen|nettsiden",
                "be ~2 om ~2 sletting", "ber ~3 om ~3 sletting", "krav ~3 om ~2 sletting",
                "!benytt*|bruke|utøve ~4 rett* ~4 sletting|glemt",
                "bli ~1 glemt", "artikkel|art 17", "anonymiser* ~4 \(mine)|\(data)")
        b.erase(0.9, "slett*|fjern* ~1 dem|disse|den|dei")
        b.erase(1.5, "alt|alle|alt ~2 slettes|slettet|fjernes|fjernet|sletta", "slett*|slette ~2 noe|noko|noen|noka|noget")
        b.erase(1.3, "slett*|fjern* ~2 etterpå|deretter", "\(data)|alt|det|dette ~2 skal|må ~1 slettes|fjernes|slettast")
        b.erase(1.5, "vil|ønsker ~3 at ~2 det|dette|alt|de|dei ~2 slettes|sletta|fjernes|fjerna|slettast",
                "ha ~2 det|dette|alt ~2 sletta|slettet|fjerna|fjernet",
                "slett*|fjern* ~5 *historikk*|resultat*|deltakelse*|deltaking*|påmeldingshistorikk*")
        b.add(.kind(.object), 1.4, negatable: true, "stryk|fjern|ta|slett ~2 meg ~3 fra|frå|av ~3 nyhetsbrev*|nyheitsbrev*|*list*|utsending*|epost*|sms*")
        b.withdraw("se ~1 bort ~1 fra|frå ~3 forespørsel*|henvendelse*|mail*|e|epost*|meldingen|kravet")
        b.add(.passingMention, 1.0, "det|den|jeg|eg ~1 selv|sjølv")
        // "…at opplysningene mine blir slettet", not "…at avtalegiroen stoppes og slettes":
        // what is to be deleted is named between, and it is the person or their data.
        b.erase(1.4, "at ~4 \(data)|meg|eg|jeg|alt|navnet|namnet|mine|mitt|min|han|hun|ho|henne|ham ~8 blir|bli|vert ~1 slettet|fjernet|sletta|fjerna")
        b.rectify(0.9, "fiks|fikse|fikset|fiksa|rett|rettet|retta|endre|endret|endra ~1 det|den|dette|opp")
        b.rectify(1.2, "riktig|rett|korrekt ~1 er|skal", "kan ~1 dere|de ~2 gjerne ~1 byte|bytte|endre|rette|oppdatere|fikse",
                  "registrere|registrer|bruk|bruke ~4 som ~2 kontaktadresse*|e|epost*|adresse*|telefonnummer*|mobilnummer*|nummer")
        b.object(1.4, "ikke|ikkje ~6 profil ~2 av ~1 meg|mæ", "ikke|ikkje ~6 profilering|analyse*|analyser*",
                 "ingen ~2 nyhetsbrev*|nyheitsbrev*|tilbud|tilbod|reklame|sms*|eposter|e-post",
                 "slippe|sleppe ~3 nyhetsbrev*|nyheitsbrev*|reklame*|markedsføring*|marknadsføring*|tilbud*|tilbod*|sms*|mail*",
                 "avmeldingslenk*|avmeldingslink*")
        b.object(1.0, "vil ~1 ikke|ikkje ~2 ha ~2 det|dem|den ~1 mer|meir|lenger")
        b.object(1.3, "slippe|sleppe ~12 sponsor*|utstiller*|utstillar*|partner*|samarbeidspartner*")
        b.object(1.4, "nok ~2 av ~2 reklame*|tilbud*|nyhetsbrev*|markedsføring*|spam|sms*",
                 "ikke|ikkje ~3 bli ~1 kontaktet|kontakta|ringt|oppringt|ringd", "slutt ~2 å ~1 ringe|ringje|kontakte|sende|dele",
                 "set|setter|sett ~2 meg ~1 imot|mot", "let|lot|la ~1 vere|være ~2 å ~4 sende|dele|gi|gje ~8 sponsor*|partner*|partnar*|utstillar*|utstiller*|vidare|videre",
                 "ikkje ~8 delast|delte|dela ~8 utstillar*|utstiller*|sponsor*|partnar*|partner*")
        b.access(1.3, "hvilke|kva|kven|hvem ~3 utstiller*|utstillar*|sponsor*|partner*|partnar*|firma* ~4 fikk|fekk|har ~3 deltakerlist*|deltakarlist*|navn*|namn*|opplysning*|lista",
                 "kven|hvem ~4 gjeve|gitt|delt|selt|solgt|utlevert")
        b.add(.passingMention, 1.0, "takk|tusen ~6 behandling*|svar*|innsyn*|oversikt*|kopi*")
        b.erase(1.5, "=slett|=slette|=sletta", "ha ~1 bort|vekk ~3 alt|meg|mæ|\(data)", "kvitt* ~4 \(data)|meg",
                "ønsker|vil ~3 at ~2 disse|dem|den|det|de ~2 makuleres|slettes|fjernes|sletta")
        b.erase(1.4, "at ~4 \(data)|meg|eg|jeg|alt|navnet|namnet|mine|mitt|min|han|hun|ho|henne|ham ~8 slettes|fjernes|makuleres",
                "at ~4 \(data)|meg|eg|jeg|alt|navnet|namnet|mine|mitt|min|han|hun|ho|henne|ham ~8 tas|vert|blir ~1 ned|bort", "vert|blir ~1 teke|tatt ~1 ned|bort")
        b.rectify(1.4, "\(field) ~3 endres|rettes|oppdateres|endrast|rettast", "få ~2 det ~1 rettet|retta|endret|endra|fikset|fiksa",
                  "\(field) ~3 skal ~2 vere|være")
        b.rectify(1.3, "ikke|ikkje ~1 lenger ~3 ansatt|tilsett|jobber|arbeider ~8 men")
        b.rectify(1.2, "stå|står ~1 riktig|rett|korrekt")
        b.erase(1.5, "alt ~6 skal ~1 bort|vekk", "ta ~1 bort|vekk ~3 heile|hele|alt ~2 greia|greiene|alt|sammen|saman",
                "ta ~1 vekk ~4 \(data)|alt", "ikke|ikkje ~2 finst|finnes|fins ~4 *system*|*register*|*database*")
        b.object(1.4, "tilbud*|tilbod*|nyhetsbrev*|nyheitsbrev*|reklame*|*tips* ~10 ikke|ikkje ~2 interessert*|interessa*",
                 "ikke|ikkje ~6 brukt|bruke|brukes|brukast|nytta ~6 reklame*|markedsføring*|marknadsføring*|annonse*|salg*|slags")
        b.object(1.2, "skru ~2 av ~3 den|det|dette|nyhetsbrev*|utsending*|tilbud*|tilbod*")
        b.access(1.3, "sitter|sit ~2 igjen|inne|att ~2 med ~4 \(data)|opplysning*|opplysingar")
        b.withdraw("se ~1 bort ~1 fra|frå ~2 det ~2 jeg|eg ~1 skrev|skreiv|sendte|sende")
        // "Dere skrev «Vi sletter kontoen din». Vennligst ikke gjør det!": the earlier request is taken back.
        b.withdraw("=ikke|ikkje ~1 gjør|gjer ~1 det|dette")
        b.withdraw("la ~2 alt ~2 være|vere ~2 som ~2 det ~1 er", "la ~1 kontoen|profilen|brukeren ~1 være|vere ~2 som ~2 den|det|han|ho ~1 er")
        // "Stopp slettingen av kontoen min", "avbryt slettinga".
        b.withdraw("stopp|stans|avbryt ~1 slettingen|slettinga|sletting")
        // A colleague or relative who will write or act themselves.
        b.add(.othersOwnAction, 1.0, "hun|han|ho ~2 skal|vil|kjem|kommer ~8 selv|sjølv")
        // "Dere trenger ikke sende kopien likevel" takes a request back; "dere
        // trenger ikke sende meg reklame lenger" is one: marketing in the match
        // makes it no withdrawal.
        b.foreign = [
            "reklame", "reklamen", "reklamer", "nyhetsbrev", "nyhetsbrevet", "nyhetsbrevene", "nyheitsbrev", "nyheitsbrevet",
            "markedsføring", "marknadsføring", "tilbud", "tilbudene", "tilbod", "tilboda", "kampanjer", "utsendelser",
        ]
        b.withdraw("trenger|treng ~1 ikke|ikkje ~3 sende|gjøre|gjere ~4 likevel|lenger")
        b.foreign = []
        b.object(1.4, "ikke|ikkje ~8 gitt|gis|delt|deles|sendt ~2 videre")
        b.access(1.2, "dere|de|dokker ~3 har ~3 \(data)|noe|noko ~3 om|på ~1 meg|mæ")
        // "en kopi av dataene mine, og at dere sletter dem etterpå": the erasure follows the copy.
        b.erase(1.3, "slett*|fjern* ~2 dem|det|den|alt|disse|dei ~2 etterpå|deretter|etterhvert|etterpaa")
        b.erase(1.2, "slett|fjern ~1 meg")
        b.erase(1.5, "begjæring|anmodning|forespørsel|krav ~2 om ~2 sletting")
        b.erase(1.5, "slett*|fjern* ~3 *nummer*|*adresse*|*posten|navn*|bilde*|konto*|profil*|bruker* ~1 min|mitt|mi|mine")
        b.erase(1.5, "slett*|fjern*|ta ~4 bilde*|bildet|bildene|bilete*|foto*|video*",
                "bilde*|bildet|bildene|foto*|video* ~8 fjernes|slettes|fjernet|slettet",
                "bilde*|bildet|bildene|foto*|video* ~8 tas ~1 ned",
                "brukeren|brukerkontoen|profilen|kontoen ~3 min|mi ~3 slettes|fjernes")
        b.object(1.4, "protester*|motsett*|reserver* ~4 mot", "motsett* ~2 meg", "innsigelse*", "artikkel|art 21",
                 "=avmeld*", "^avmeld* ~3 nyhetsbrev*|*list*|e|epost*|sms*|reklame|markedsføring*|alt|utsending*", "meg|ønsker|vil|ber|vennligst ~4 avmeld*", "avmeld* ~2 meg",
                 "avslutt* ~3 nyhetsbrev*|abonnement*|utsending*|markedsføring*",
                 "ikke ~4 motta ~4 nyhetsbrev*|markedsføring*|reklame|tilbud|e|epost*|sms*|eposter|meldinger",
                 "ikke ~5 del|dele|deler|deles|delt|utlever*|selge|selges|solgt|videreformidl*|gi|gis|gitt|overfør* ~8 partner*|samarbeidspartner*|tredjepart*|andre|sponsor*|utstiller*",
                 "=stopp", "stopp ~2 med ~2 reklame*|nyhetsbrev*|markedsføring*|marknadsføring*|spam|deling*|sms*|eposter",
                 "ta ~2 meg|mæ|mei ~2 vekk|bort ~3 fra|frå ~3 *list*|nyhetsbrev*|marknadsføring*|markedsføring*|reklame*|utsending*",
                 "stopp ~3 all ~2 deling|utsending|markedsføring",
                 "slutt* ~3 å ~3 sende|dele|selge", "del|selg|gi ~3 ikke ~8 partner*|samarbeidspartner*|tredjepart*|sponsor*|andre|utstiller*",
                 "stopp* ~3 markedsføring*|nyhetsbrev*|utsending*|deling*|utlevering*",
                 "direkte ~1 markedsføring", "ikke ~3 send* ~4 reklame|markedsføring*|nyhetsbrev*|tilbud|eposter|sms*", "begrens* ~3 behandling*", "behandling* ~6 begrenses|begrenset", "ikke|itj|ikkj ~3 ha ~3 nyhetsbrev*|reklame|markedsføring*")
        // "La meg være i fred med reklamen", "…ikke at lista med meg på sendes til utstillerne".
        b.object(1.4, "la|lat ~1 meg ~2 være|vere ~2 i ~1 fred",
                 "ikke|ikkje ~6 sendes|sendast|deles|delast|gis ~3 til|videre|vidare ~3 utstiller*|utstillar*|partner*|partnar*|sponsor*|tredjepart*")
        // Exercising a right by name is a request, though "rett til …" alone is a passing mention.
        b.access(1.5, "innsynsrett*", "!min ~1 rett ~2 til ~2 innsyn|dataportabilitet", "!benytt*|bruke|utøve ~4 rett* ~4 innsyn|dataportabilitet")
        b.rectify(1.5, "!benytt*|bruke|utøve ~4 rett* ~4 retting|korrigering")
        b.object(1.5, "!benytt*|bruke|utøve ~4 rett* ~4 protest*|innsigelse*|reservasjon|begrensning")
        b.add(.consentWithdrawal, 1.2, "trekk* ~4 tilbake ~4 samtykke*", "trekk* ~3 samtykke* ~8 tilbake", "trekker ~2 mitt|mine ~1 samtykke*",
              "tilbakekall* ~3 samtykke*", "samtykke* ~4 trekkes|tilbakekalles|trukket")
        b.add(.onBehalf, 1.0, "på ~1 vegne ~1 av", "på ~1 hans|hennes|deres ~1 vegne",
              "min|mitt ~1 sønn|datter|barn|mor|far|kone|mann|klient|ektefelle|samboer|bestemor|bestefar|bror|søster ~1 sin|sitt|sine ~1 \(data)|navn|bilde*",
              "min|mitt ~1 sønns|datters|barns|mors|fars|kones|manns|klients ~1 \(data)|navn|bilde*",
              "verge", "vergemål", "fullmakt", "for ~1 min|mitt ~1 sønn|datter|mor|far|barn|klient", "dødsbo*", "bobestyrer*",
              "arving*")
        b.add(.relative, 1.0, "sønnen|datteren|dattera|moren|mora|faren|kona|mannen|barnet|klienten ~1 min|mitt|mi|vår", "min|mitt ~1 sønn|datter|barn|mor|far|kone|mann|bestemor|bestefar",
                              "sønnen|datteren|dattera|moren|mora|faren|barnet",
              "mor|far|forelder|foresatt|foreldre|pappa|mamma ~1 til")
        b.add(.thirdPartyData, 1.0, "hans|hennes ~2 \(data)|navn|bilde*", "\(data)|navn|bilde*|kontoen|profilen ~1 hans|hennes|hennar",
                              "om ~1 henne|ham|han|hun|dem ~2 slett*|fjern*", "\(data) ~2 om ~1 henne|ham|han|hun")
        b.add(.dietary, 1.0, "*allergi*", "kosthold*", "matpreferanse*", "diett*", "matallergi*", "intoleranse*",
              "glutenfri*", "laktosefri*", "vegetar*", "veganer*", "vegansk", "halal", "nøtteallergi*", "spesialkost*",
              "matbehov")
        b.add(.complaint, 1.5, "herved ~4 klage*", "formell ~1 klage", "klage ~3 over|på|mot ~4 behandling*|selskap*|virksomhet*",
              "kjære ~1 datatilsynet", "sender ~3 klage ~3 til")
        b.add(.legalHold, 1.5, "bevar* ~4 dokument*|bevis*|opplysning*|logg*|opptak*|e",
                               "ikke ~3 slett* ~4 dokument*|bevis*|logg*",
              "rettslig ~1 tvist*", "sikre ~3 bevis*")
        b.add(.publicRecords, 1.5, "offentleglov*", "offentlighetslov*", "offentlegheitslov*",
              "innsyn ~3 i ~3 dokument*|avtale*|kontrakt*|journal*|saksdokument*|postjournal*|anskaffelse*")
        // Mail disclaimers ("if you received this in error, delete it") ask nothing of us.
        // "Delete my old e-mail address" replaces a value: a rectification, not an erasure.
        b.add(.nonErasureContext, 1.0, "gamle|gammel|gamla|tidligere|forrige ~1 e|epost*|adresse*|telefon*|mobil*|nummer*|navn*|etternavn*|tittel*|arbeidsgiver*")
        b.add(.passingMention, 2.5, "ved ~1 en ~1 feil", "ved ~1 feil", "konfidensiell*", "avsender*", "rette ~1 mottaker*")
        b.add(.passingMention, 2.5, "føre ~2 til", "fører ~2 til", "medfør*", "konsekvens*")
        b.add(.nonErasureContext, 1.0, "fra|frå ~3 nyhetsbrev*|utsending*|*list*|*gruppe*|gruppa|*chat*")
        // "Jeg ønsker å bli slettet hos dere"; "kvar de har fått det frå" asks for the source (Art. 15(1)(g)).
        b.erase(1.5, "ønsker|vil ~2 å ~1 bli ~1 slettet|sletta|fjernet|fjerna")
        b.access(1.2, "kvar|hvor ~2 de|dere ~2 har ~2 fått ~4 frå|fra")
        b.add(.eventList, 1.0, "deltakerlist*|deltakarlist*|deltagerlist*|påmeldingslist*|gjestelist*|venteliste*|ventelista|deltakaroversikt*|deltakeroversikt*|bestillingen|bookingen")
        b.add(.passingMention, 1.0, "jeg ~1 vet ~3 jeg ~2 kan", "kanskje|muligens|eventuelt ~4 senere", "på ~1 et ~1 senere ~1 tidspunkt", "foreløpig", "inntil ~1 videre",
              "på ~1 sikt", "dere ~1 har ~1 rett", "hvordan ~3 kan ~1 jeg",
              "personvernerklæring*", "hvis ~1 du ~4 ikke|ønsker|vil", "klikk*", "du ~2 kan ~3 melde|reservere|avslutte",
              "retningslinje*", "rett|retten|rettighet* ~5 retting|sletting|begrensning|innsigelse|protest*|klage|innsyn|dataportabilitet")
        b.add(.photo, 1.0, "bilde*|bildet|bildene|foto*|video*")
        b.add(.objectPhoto, 1.0, "produktbilde*|produktfoto*", "bilde*|bildet|bildene|foto* ~3 av ~2 stand|standen|logo|logoen|produkt*|lokal*|kontor* ~1 vår|vårt|våre",
              "bilde*|bildet|bildene|foto* ~3 av ~1 vår|vårt|våre ~2 stand|logo|produkt*|lokal*|kontor*")
        b.concepts(.bokmal)
        // Everyday wording: "alt dere har om meg kan dere bare kaste", "ingen grunn
        // til at dere har meg liggende i systemene", "rens adressen min ut av
        // systemet", "bli strøket fra utsendelseslista", "ikke del meg med flere
        // firmaer", "hva står det om meg hos dere?", "kan jeg få se dem?".
        b.erase(1.4, "om ~1 meg|mæ|mei ~5 kast*", "kast* ~3 alt|\(data) ~4 om ~1 meg|mæ|mei", "kast* ~3 \(mine) ~3 \(data)")
        b.erase(1.3, "ha|har ~2 meg ~2 liggende|liggjande ~3 i|hos", "rens*|rense ~3 \(data)|adress*|nummer*|meg|alt ~4 ut|bort")
        b.object(1.3, "strøket|strykes|stryk ~3 fra|frå|av ~3 utsendelse*|utsending*|*list*|nyhetsbrev*",
                 "slutt ~2 å|med ~2 spamme|spamming|mase", "spammer|spamme ~2 meg",
                 "ikke|ikkje ~2 del|dele ~4 med ~3 flere|fleire|andre|dem|firma*|utstiller*|utstillar*|partner*|sponsor*",
                 "ikke|ikkje ~3 havne|hamne ~4 utstiller*|utstillar*|partner*|sponsor*")
        b.access(1.3, "hvilke|hvilken|kva|hva ~5 sitter|sit ~2 dere|de|dokker ~3 med", "hva|kva ~3 står|ligger|ligg ~3 om ~1 meg|mæ|mei",
                 "hva|kva ~3 står|ligger|ligg ~3 i ~2 profil*|konto*")
        b.access(1.1, "få ~1 se ~2 dem|de|det|alt|bilde*|bildene")
        // "Ikke del opplysningene mine"; "namnet mitt skal ikkje givast vidare";
        // "den gamle (profilen) kan de slette"; "bli avregistrert".
        b.object(1.2, "ikke|ikkje ~1 del|dele ~2 \(data)|opplysingane|namn*|navn*|e|epost*|adress* ~2 mine|min|mitt|mi")
        b.object(1.3, "ikke|ikkje ~8 givast|gjevast|gjeve|gje|gis|delast|sendast ~2 vidare|videre")
        b.erase(1.3, "den gamle kan ~2 slett*|fjern*", "gamle ~1 profil*|konto*|kontoen|profilen|brukeren|brukaren ~4 slett*|fjern*|slet",
                "bli ~1 avregistrert|avregistrera", "avregistrer|avregistrere|avregistrera ~2 meg|mæ|mei")
        // "…kan dere gjerne kvitte dere med", "jeg vil at dere glemmer meg", "den
        // private profilen vil jeg ha bort"; "hva som ble lagret om meg", "kva
        // slags opplysningar ligg inne på meg", "hvilke data satt dere igjen med".
        b.erase(1.3, "\(data)|cv|attester|søknad*|alt ~8 kvitte ~3 med", "kvitte ~3 med ~3 \(data)|meg|alt", "bli ~1 kvitt ~3 \(data)|meg|alt", "glemme|glem|gløyme|gløym ~1 meg|mæ|mei", "vil ~1 at ~1 dere|de|dokker ~1 glemmer|gløymer ~1 meg|mæ|mei",
                "profil*|konto*|\(data) ~4 ha ~1 bort|vekk", "ha ~1 den|det|profilen|kontoen|\(data) ~2 bort|vekk")
        // "I holder mine data for jer selv", "makulert eller anonymisert", "en kopi
        // av det som er registrert på meg", "…skal ikkje bli liggjande hos dykk. Kast dei."
        b.object(1.3, "holder|holde|hold ~3 \(data)|mine|meg|mig|oplysning*|opplysning* ~3 for ~1 jer|dere|dykk|deg ~1 selv|sjølv|sjølve")
        // Asked, not told ("dokumentene blir makulert etter to år" says how it is done).
        b.erase(1.3, "makuler|makulere ~3 \(mine)|\(data)|meg|alt", "bli ~1 makulert|anonymisert", "ber|krever|ønsker ~2 om ~1 at ~12 blir|bli|vert ~1 makulert|anonymisert")
        b.erase(0.9, "kast ~1 dei|dem|de|det|den|dette|alt")
        b.erase(1.3, "at ~2 dere|de|dokker ~1 fjerner|sletter|slettar|fjernar ~3 alt|alle|\(data)|meg|mæ|mei|dem|det|dei")
        // "…skal ikkje bli liggjande hos dykk", not "vet ikke at resultatlister … kan bli liggende i årevis".
        b.add(.kind(.erase), 1.0, negatable: false, "ikke|ikkje ~2 bli|ble|vere|være ~1 liggende|liggjande ~2 hos|i",
              "ikke|ikkje ~2 ligge|liggje ~3 hos|i", "vil|ønsker|ønskjer ~2 ikke|ikkje ~1 at ~10 liggende|liggjande ~2 hos|i")
        // "Det dere har om meg, trenger dere ikke ta vare på lenger"; "jeg vil se alt dere har om meg".
        b.add(.passingMention, 1.0, "^vil|kommer ~2 bli ~1 slettet|sletta|fjernet|avsluttet")
        b.add(.kind(.erase), 1.3, negatable: false, "trenger|treng ~3 ikke|ikkje ~2 ta ~1 vare ~1 på lenger|lengre|meir|mer")
        b.access(1.2, "se|vite|få ~3 alt ~3 dere|de|dokker ~2 har|lagrer|vet|veit ~3 om|på ~1 meg|mæ|mei")
        b.access(1.4, "kopi|copy ~3 av ~6 registrert|registrerte|lagret|lagra|lagrede ~2 på|om ~1 meg|mig|mæ|mei")
        b.access(1.3, "hva|kva|hvad ~5 lagret|lagra|registrert|registreret|notert|noteret|gemt ~3 om|på ~1 meg|mig|mæ|mei",
                 "kva|hva ~4 \(data) ~3 ligg|ligger ~2 inne ~2 på|om ~1 meg|mæ|mei",
                 "hvilke|hva|kva ~4 satt|sitter|sit ~2 dere|de ~2 igjen|inne|att ~2 med")
        // "Stopp" in a subject asks to stop the mail, unless it is a payment
        // that is to stop ("Stopp trekket", "Dobbel faktura – stopp den ene").
        b.foreign = PhraseLexicon.paymentWords
        b.object(1.4, "^stopp")
        b.foreign = []
        b.articleLists("og|samt")
        return PhraseLexicon(
            language: .nb, rules: b.rules,
            negations: ["ikke", "aldri", "ingen", "intet", "ingenting", "uten", "verken", "unngå", "istedenfor", "ikkje", "itj", "ikkj"],
            requestMarkers: ["ber", "be", "bes", "ønsker", "ønske", "vil", "ville", "krever", "kreve", "gjerne", "vennligst", "snill", "snille",
                             "kan", "kunne", "må", "skal", "anmoder", "herved", "forlanger", "ønskes", "kreves"],
            hedges: ["vil", "ellers", "hvis", "dersom", "kan", "kommer", "forbeholder", "vurderer"]
        )
    }()
}
