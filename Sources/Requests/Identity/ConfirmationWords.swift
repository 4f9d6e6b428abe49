/// The words a reply to a confirmation message may consist of, in the
/// languages dsrd reads (nb, nn, en, sv, da, de), lowercased; "don't" is
/// written with `'`. A confirmation needs an explicit yes: a word outside
/// these sets ("who", "didn't", "unsubscribe", "but") makes the answer
/// unclear, and a person looks at it.
enum ConfirmationWords {
    /// Words that say yes on their own.
    static let yes: Set<String> = [
        // nb, nn, da, sv
        "ja", "jo", "jada", "jepp", "japp", "jajamen", "okei", "oki", "bekreft", "bekrefter", "bekreftet", "bekrefta",
        "bekreftar", "bekreftes", "stadfest", "stadfester", "stadfestar", "stadfesta", "stemmer", "stemmar", "riktig",
        "korrekt", "rett", "bekræft", "bekræfter", "bekræftet", "bekræftes", "passer", "bekräfta", "bekräftar",
        "bekräftat", "bekräftas", "stämmer", "gjerne", "gjarne", "gärna", "gerne", "selvfølgelig", "självklart",
        // en
        "yes", "yep", "yeah", "yup", "ok", "okay", "confirm", "confirmed", "confirming", "correct", "right", "agreed",
        "sure", "proceed", "ahead", "affirmative", "absolutely", "certainly",
        // de
        "richtig", "stimmt", "bestätige", "bestätigt", "bestätigen", "einverstanden", "genau", "jawohl",
    ]

    /// Words that may stand beside a yes without changing it: greetings,
    /// thanks, "it is me", and the request's own words repeated ("yes,
    /// please delete my data").
    static let neutral: Set<String> = [
        // greetings and thanks
        "hei", "hallo", "hi", "hello", "hey", "hej", "dear", "kjære", "kære", "god", "morgen", "dag", "good", "morning",
        "afternoon", "guten", "tag", "takk", "tusen", "mange", "tack", "tak", "thanks", "thank", "you", "danke",
        "vielen", "dank", "bitte", "please", "så", "mye", "veldig", "very", "much", "so",
        // "this is right", "it is me"
        "det", "dette", "den", "er", "var", "was", "war", "är", "ist", "das", "es", "it", "it's", "its", "is", "this", "that",
        "that's", "thats", "all", "alt", "alles", "helt", "fine", "fint", "greit", "bra", "gut", "perfect", "perfekt",
        "jeg", "eg", "jag", "ich", "i", "i'm", "me", "meg", "mig", "mich", "og", "och", "und", "and", "med", "with",
        "min", "mi", "mitt", "mine", "mina", "mit", "my", "meine", "mein", "meinen", "go", "do", "gjør", "gjer",
        "gör", "gør", "mach", "machen", "also", "også", "òg", "både",
        // the request's words
        "slett", "slette", "sletta", "slet", "radera", "löschen", "delete", "erase", "remove", "data", "opplysninger",
        "opplysningane", "personopplysninger", "personopplysningar", "personopplysningane", "oplysninger",
        "personoplysninger", "uppgifter", "personuppgifter", "daten", "information", "info", "forespørsel",
        "forespørselen", "førespurnad", "førespurnaden", "henvendelse", "henvendelsen", "begäran",
        "anmodning", "anmodningen", "anfrage", "request", "kopi", "copy", "kopia", "kopie", "send", "sende", "senden",
        "skicka", "konto", "kontoen", "account", "endre", "endring", "oppdater", "oppdatere", "update", "change",
        "ändra", "ændre", "ändern", "aktualisieren", "nummer", "number", "telefonnummer", "phone", "navn", "name",
        "namn", "adresse", "address", "adress", "objection", "protest", "innsigelse", "innvending",
    ]

    /// Words that say no when they open the answer.
    static let no: Set<String> = [
        "nei", "no", "nej", "nein", "nope", "avbryt", "avbryte", "cancel", "stop", "stopp", "aldri", "never", "ikke",
        "ikkje", "inte", "not", "don't", "dont", "nicht", "annuller", "annullér", "abbrechen", "feil", "wrong", "fel",
        "falsch",
    ]

    /// Two words that say yes although the first alone says no.
    static let yesPhrases: Set<[String]> = [
        ["no", "problem"], ["no", "problemo"], ["ingen", "problem"], ["inga", "problem"], ["intet", "problem"],
        ["kein", "problem"], ["ikke", "noe", "problem"],
    ]

    /// Words that open a sign-off ("Mvh", "Best regards", "Sendt fra …").
    static let signOff: Set<String> = [
        "mvh", "mvh.", "hilsen", "hilsner", "helsing", "helsingar", "vennlig", "venleg", "vänliga", "venlig",
        "hälsningar", "hälsning", "mfg", "gruß", "grüße", "viele", "liebe", "regards", "best", "kind", "cheers",
        "sincerely", "yours", "sent", "sendt", "skickat", "gesendet", "von", "beste", "bh", "br",
    ]

    /// Words that name the code or the reference when a person types them.
    static let codeLabels: Set<String> = [
        "kode", "koden", "code", "the", "bekreftelseskode", "bekreftelseskoden", "stadfestingskode", "kod",
        "bestätigungscode", "confirmation", "referanse", "reference", "referens", "here", "her", "här", "hier", "is",
    ]
}
