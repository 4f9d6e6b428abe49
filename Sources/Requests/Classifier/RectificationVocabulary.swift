import MailCore

/// The words that name a customer-record field, and the cue words around a
/// new value, in all six languages. Matched against lowercased words with
/// punctuation trimmed; field names match as prefixes ("etternavnet").
enum RectificationVocabulary {
    /// Field name prefixes, checked in this order (e-mail before address).
    static let fieldPrefixes: [(RectificationField, [String])] = [
        (.email, ["email", "e-mail", "e-post", "epost", "mailadress", "e-mailadress", "emailadress"]),
        (.phone, ["phone", "telephone", "mobile", "mobil", "cell", "telefon", "tlf", "handy", "rufnummer", "mob"]),
        (.lastName, ["surname", "etternavn", "etternamn", "efternamn", "efternavn", "nachname", "familienname", "familjenamn"]),
        (.firstName, ["fornavn", "fornamn", "førenamn", "förnamn", "vorname", "forename"]),
        (.organization, ["company", "employer", "organisation", "organization", "firm", "workplace", "arbeidsgiver", "firma",
                         "bedrift", "organisasjon", "arbeidsplass", "arbetsgivare", "företag", "arbejdsgiver", "virksomhed",
                         "arbeitgeber", "unternehmen", "arbeidsgjevar"]),
        (.title, ["title", "position", "tittel", "stilling", "yrkestittel", "jobbtittel", "titel", "befattning", "jobbtitel",
                  "berufsbezeichnung", "jobtitel", "stillingsbetegnelse", "funktion"]),
        (.dietary, ["diet", "allerg", "food", "kosthold", "kostpref", "kostpræf", "kosthald", "matpreferanse", "diett", "specialkost", "matallergi", "diæt",
                    "ernährung", "unverträglichkeit", "intoleran", "matbehov", "spesialkost"]),
        (.nationality, ["nationality", "citizenship", "nasjonalitet", "statsborgerskap", "nationalitet", "medborgarskap",
                        "statsborgerskab", "staatsangehörigkeit", "nationalität", "statsborgarskap"]),
        (.address, ["address", "adress", "adresse", "anschrift", "postadresse", "bosted", "wohnort", "bostadsadress", "bopæl"]),
    ]

    /// Two-word field names whose first word alone means something else.
    static let twoWordFields: [String: [String: RectificationField]] = [
        "last": ["name": .lastName], "family": ["name": .lastName], "first": ["name": .firstName],
        "given": ["name": .firstName], "job": ["title": .title, "role": .title], "dietary": ["requirements": .dietary],
        "company": ["name": .organization], "organisation": ["name": .organization], "organization": ["name": .organization],
        "employer": ["name": .organization], "street": ["address": .address], "home": ["address": .address],
        // "Nytt nummer:", "my number": a phone; "start number" or "order number" is none.
        "new": ["number": .phone, "nr": .phone], "my": ["number": .phone], "ny": ["nummer": .phone, "nr": .phone],
        "nytt": ["nummer": .phone, "nr": .phone], "nye": ["nummer": .phone], "mitt": ["nummer": .phone, "nr": .phone],
        "mit": ["nummer": .phone], "nyt": ["nummer": .phone], "nya": ["nummer": .phone], "neue": ["nummer": .phone],
        "meine": ["nummer": .phone],
    ]

    /// Whole-name words: a value here is split into first and last name.
    static let nameWords: WordSet = ["name", "navn", "namn", "navnet", "namnet", "namen", "name:", "names"]

    /// "to" after a change verb or "from": "change my surname from A to B".
    static let toWords: WordSet = ["to", "til", "till", "zu", "auf", "into"]
    /// "update it to …", "oppdater det til …": the field was named before.
    static let pronouns: WordSet = ["it", "this", "that", "det", "den", "dette", "denne", "es", "sie", "ihn", "dies", "das"]
    /// "replace A with B", "erstatt A med B", "ersetzen Sie A durch B".
    static let withWords: WordSet = ["with", "med", "mit", "durch"]
    static let replaceVerbs: [String] = ["replac", "erstatt", "ersätt", "erstat", "ersetz"]
    static let fromWords: WordSet = ["from", "fra", "frå", "från", "von", "af"]
    /// Whether the word starts with a change verb.
    static func isChangeVerb(_ word: String) -> Bool { changeVerbPhrases.anyPrefix(of: word) }
    private static let changeVerbPhrases = UTF8Phrases(changeVerbs)

    static let changeVerbs: [String] = [
        "change", "update", "correct", "amend", "set", "endr", "oppdater", "korriger", "rett", "ändr", "uppdater",
        "korrigera", "ændr", "opdater", "ret", "änder", "aktualisier", "berichtig", "korrigier", "sett",
        "bytt", "byt", "skift", "byta", "bytte", "switch", "replac", "erstatt", "ersätt", "erstat", "ersetz", "umstell", "umgestellt",
        "swap",
    ]
    /// Words after which a change verb's new value follows: "oppdater profilen min med …", "swap it for …".
    static let valueIntroducers: WordSet = ["with", "med", "mit", "for", "mot", "gegen", "durch"]
    /// Words without which a mail that asks no rectification cannot name a new value.
    static let valueHints: WordSet = [
        "new", "ny", "nye", "nytt", "nya", "nyt", "neue", "neuen", "neuer", "now", "nå", "no", "nu", "jetzt", "nun",
        "moved", "flyttet", "flytta", "flyttat", "flyttede", "umgezogen", "work", "jobber", "arbeider", "arbetar",
        "arbejder", "arbeite", "correct", "riktig", "korrekt", "rätt", "richtig", "rigtig", "changed", "endret",
        "from", "fra", "frå", "från", "von", "ændret", "ändrat", "geändert", "updated", "skiftet", "byttet", "bytt", "bytte", "switched", "use", "replace", "instead", "stedet", "stället", "statt", "should", "skal", "ska", "soll", "sollte", "lautet", "must", "bør",
    ]

    /// "my number has changed: B", "use B from now on".
    static let changedWords: WordSet = ["changed", "geändert", "endret", "ændret", "ändrats", "ändrat", "updated", "oppdatert"]
    static let useWords: WordSet = ["use", "bruk", "bruke", "använd", "använda", "brug", "bruge", "verwenden", "nutzen",
                                        "registrere", "registrer", "registrera", "skrive", "skriv", "skriva", "write", "schreiben", "mail", "mejla"]

    /// "ich heiße jetzt B", "jeg heter nå B": the value is the (whole) name.
    static let namingWords: WordSet = ["heiße", "heisse", "heißt", "heter", "heiter", "hedder", "called", "named"]

    /// "I now work for B", "jobber nå i B": the value is an organisation.
    static let workWords: WordSet = ["work", "working", "works", "jobber", "jobbar", "arbeider", "arbeidar", "arbetar",
                                         "begynt", "byrja", "startet", "starta", "started", "joined", "börjat", "begyndt",
                                         "arbejder", "arbeite", "employed", "ansatt", "anställd", "ansat", "angestellt", "tilsett"]
    static let workPrepositions: WordSet = ["for", "at", "i", "hos", "på", "bei", "für", "ved", "with"]
    /// "I have moved to B", "flyttet til B": the value is an address.
    static let movedWords: WordSet = ["moved", "relocated", "flyttet", "flytta", "flyttat", "flyttede", "umgezogen", "gezogen", "flytt"]
    static let movedPrepositions: WordSet = ["to", "til", "till", "nach", "in", "into"]
    /// "I now live at …", "jeg bor nå i …", "ich wohne jetzt in …" (with "now", never alone).
    static let liveWords: WordSet = ["live", "living", "bor", "bur", "wohne", "wohnen"]
    static let livePrepositions: WordSet = ["at", "in", "i", "på", "pa"]
    /// "is", "er", "är", "ist", "lautet": a value follows when the field is new or correct, or "now" follows.
    static let isWords: WordSet = ["heiße", "heisse", "heißt", "heter", "heiter", "hedder", "called", "named", "is", "am", "er", "är", "ist", "lautet", "blir", "bliver", "wird", "wäre", "becomes", "blei", "vart", "it's", "it\u{2019}s", "that's", "bin", "i'm", "i\u{2019}m", "e"]
    static let nowWords: WordSet = ["now", "nå", "no", "nu", "jetzt", "nun", "nowadays", "heretter", "fremover", "blitt", "blevet", "blivit",
                                        "numera", "nuförtiden", "inzwischen", "mittlerweile", "nuomdage"]
    /// "geschrieben:", "spelled:": the correct spelling follows.
    static let spelledWords: WordSet = ["geschrieben", "spelled", "spelt", "written", "stavet", "stavas", "stavat", "skrevet", "skrivs", "staves"]
    /// Words that start a phrase, not a value ("in Ihrem System", "to the list").
    static let determiners: WordSet = ["ihrem", "ihrer", "ihren", "ihr", "meinem", "meiner", "meinen", "dem", "der", "den", "die",
                                           "das", "einem", "einer", "your", "the", "my", "our", "deres", "jeres", "era", "er"]
    static let newWords: WordSet = [
        "new", "correct", "right", "proper", "ny", "nye", "nytt", "riktig", "riktige", "korrekt",
        "korrekte", "rett", "rette", "nya", "rätt", "rätta", "nyt", "neue", "neuer", "neues", "neuen", "richtige",
        "richtiger", "korrekter", "updated", "richtig", "rigtig", "rigtige", "korrekta", "korrekt", "changed",
    ]
    /// "should be": a value follows.
    static let beWords: WordSet = ["be", "være", "vere", "vera", "vær", "ver", "vara", "sein", "lauten", "read", "stå", "stå:", "say", "heißen", "stehen"]
    static let shouldWords: WordSet = ["should", "must", "skal", "ska", "skall", "soll", "sollte", "må", "bør", "ought"]
    /// Label words of form lines: "Correct value:", "Riktig verdi:".
    static let valueWords: WordSet = [
        "new", "correct", "ny", "nytt", "riktig", "korrekt", "rigtig", "rätt", "richtig", "neu", "value", "verdi",
        "värde", "wert", "værdi", "data", "angabe", "information", "is", "er", "är", "ist",
    ]
    /// Headings that open a block of changes, or a block identifying the writer.
    static let changeHeadingWords: [String] = ["correct", "change", "rett", "endr", "følgende", "ändr", "berichtig",
                                               "korrig", "ret", "änder", "update", "oppdater", "new", "ny", "neu", "wrong", "feil",
                                               "uppdater", "aktualis", "opdater", "ændr", "bytt", "byt", "skift",
                                               "rätt", "riktig", "korrekt", "richtig", "rigtig", "right", "korrektur", "rettelse", "rättelse"]
    static let identityHeadingWords: [String] = ["identif", "identit", "personlig", "legitim", "contact", "kontakt",
                                                 "current", "nåværende", "old", "gammel", "registrert", "registered", "aktuell"]
    static let negations: WordSet = ["not", "ikke", "ikkje", "inte", "nicht", "never", "no", "kein", "keine"]
    /// "my surname", "mitt etternavn", "meine Adresse": the writer's own field.
    static let possessives: WordSet = ["my", "min", "mitt", "mi", "mine", "mein", "meine", "meinen", "mina", "mit"]
    /// Words after "my address is" that say something of it, not what it is.
    static let notValues: WordSet = [
        "wrong", "incorrect", "outdated", "also", "still", "not", "feil", "fel", "forkert", "falsch", "dessutom", "også",
        "ikke", "inte", "nicht", "i", "in", "registered", "registrert", "registrerad", "registreret", "misspelled", "feilstavet",
    ]
    static let firstPersonWords: WordSet = ["i", "jeg", "eg", "jag", "ich", "i'm", "i\u{2019}m", "æ"]
    /// "…men det er B", "but it's B", "richtig ist aber B".
    static let contrastWords: WordSet = ["men", "but", "aber", "sondern", "utan", "mens"]
    static let actuallyWords: WordSet = ["actually", "faktisk", "egentlig", "eigentlich", "faktiskt", "egentligen", "really", "aber"]
    /// "Gammel adresse:", "Old phone:", "Bisherige Adresse:": an old value's label.
    static let oldWords: WordSet = ["gammel", "gamle", "gammelt", "gamalt", "gammalt", "old", "previous", "former", "tidligere", "forrige", "alt", "alte", "alter",
                                        "bisherige", "bisheriger", "gammal", "gamla", "tidigare", "förra", "current", "nåværende", "nuværende", "nuvarande"]
    /// "a new job as B at C", "ny jobb som B i C": B is a title, C an organisation.
    static let jobWords: WordSet = ["job", "jobb", "stilling", "position", "role", "rolle", "roll", "stelle", "tjeneste",
                                        "tilsett", "ansatt", "ansat", "anställd", "angestellt", "employed", "hired", "arbeider", "jobber"]
    static let asWords: WordSet = ["as", "som", "als"]
    /// "började den 1 februari som B", "joined X as B": a start in a job, before "as".
    static let startedWords: WordSet = ["började", "begynte", "begyndte", "byrja", "started", "began", "joined", "angefangen",
                                         "begonnen", "startet", "starta", "startede", "tiltrådte", "tiltrådde", "tiltrådt"]
    /// "You have me registered as employed at A, but …": a report of the record, whose value is the old one.
    static let recordedWords: WordSet = ["registreret", "registrert", "registrerad", "registriert", "registered", "listed",
                                          "oppført", "opført", "eingetragen", "angegeben", "noteret", "notert"]
    /// Words that end a company's name ("Fjellkraft AS"): a value with one is an organisation.
    static let companySuffixes: WordSet = ["as", "asa", "aps", "ab", "gmbh", "ag", "ltd", "ltd.", "oy", "a/s", "sa", "inc", "inc.", "llc", "plc", "kg", "se"]
    /// Words naming a company right before "name": "firmaet har skiftet navn".
    static let companyWords: WordSet = ["firmaet", "firma", "selskapet", "company", "bedriften", "firmanavn", "företaget", "virksomheden", "unternehmen", "arbeidsgiveren", "arbeidsgiver", "employer"]
}
