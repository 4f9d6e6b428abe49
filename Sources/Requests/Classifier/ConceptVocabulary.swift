/// Word classes of one language, from which `RuleBuilder.concepts` writes
/// the general phrases of each kind: an erasure verb near the person's
/// data, a copy or overview of it, "what do you have about me", stopping
/// marketing, refusing that partners get one's name, a field changed or
/// wrong. The hand-written phrases of each lexicon cover the rest.
///
/// Written in the pattern syntax (`|` between words, `*` for a prefix).
struct ConceptVocabulary: Sendable {
    var eraseVerbs: String
    /// Present passives that ask ("at mine data slettes", "att allt raderas"),
    /// never past ones that report ("my account was deleted"); empty where
    /// the language has none apart from the hand-written phrases.
    var erasePassives: String
    /// The person's data as a whole: data, account, profile, "everything"
    /// (not a registration for an event: deleting that cancels it).
    var ownData: String
    var accessNouns: String
    /// "of", "av", "über": between a copy and what it is of.
    var of: String
    var giveVerbs: String
    var me: String
    var what: String
    var holdVerbs: String
    var about: String
    var stopVerbs: String
    /// Infinitives and present forms that ask marketing named before them to
    /// stop ("die Werbung soll aufhören"), never participles that report it.
    var stopAsked: String = ""
    var marketing: String
    var more: String
    var wantVerbs: String
    var negations: String
    var shareVerbs: String
    /// Named partners only: "others" or "companies" alone are too loose.
    var partners: String
    var changeVerbs: String
    var fields: String
    var beVerbs: String
    var wrong: String
    /// "your", "our", "we": the data or the act of someone else.
    var foreign: Set<String>
    /// "how", "hvordan": with "myself" words, a question about self-service.
    var how: String = "how|hvordan|korleis|hur|wie"
    var myself: String = "myself|selv|sjølv|själv|selbst"
    var doVerbs: String = "do|fix|change|gjøre|gjere|fikse|ordne|endre|göra|fixa|ändra|gøre|ordne|ændre|machen|ändern|erledigen"
    /// "from my profile", "ur ert system": where a part of the data is removed from.
    var from: String = "from|fra|frå|från|ur|af|aus|von"
    var places: String = "profile|account|system|systems|database|records|website|site|profil*|konto*|system*|database*|databas*|register*|hjemmeside*|nettside*|webbplats*|webseite|datenbank"
}

extension ConceptVocabulary {
    static let english = ConceptVocabulary(
        eraseVerbs: "delete|deleting|erase|erasing|remove|removing|wipe|purge|destroy|scrap|delate|deleat",
        erasePassives: "",
        ownData: "data|datas|information|info|details|records|profile|account|accounts|acct|acc|everything|stuff|membership|user|personal|traces|history|results",
        accessNouns: "copy|overview|export|summary|extract|printout|report|dump|insight",
        of: "of|on|about|with|from|for",
        giveVerbs: "send|give|provide|show|email|forward|mail",
        me: "me|us",
        what: "what|which|whatever|whit|wot",
        holdVerbs: "have|hold|holds|store|stores|stored|keep|kept|process|processed|know|collected|saved|registered|got|having|holding|keeping",
        about: "about|on|regarding|concerning",
        stopVerbs: "stop|cease|quit|halt",
        stopAsked: "stop|cease|end",
        marketing: "marketing|newsletter*|ads|advertising|advert*|offers|promotion*|promo*|spam|sms|texts|calls|mailings|campaign*",
        more: "more|longer|further",
        wantVerbs: "want|receive|get|like|wish",
        negations: "not|no|never",
        shareVerbs: "share|shared|sharing|sell|sold|selling|pass|passed|passing|give|given|giving|disclose*|transfer*|hand|handed|provide|provided",
        partners: "partner*|sponsor*|exhibitor*|vendors|advertisers|third",
        changeVerbs: "change|changing|update|updating|correct|correcting|fix|fixing|amend|amending|edit|modify|adjust|rectify",
        fields: "name|surname|address|email|phone|number|mobile|title|employer|company|organisation|organization|job|position|nationality|diet|dietary|allergy|allergies|language|birthday|postcode|club",
        beVerbs: "is|are|was|were",
        wrong: "wrong|incorrect|outdated|misspelled|misspelt|inaccurate|obsolete|mistaken",
        foreign: ["your", "yours", "their", "his", "her", "our", "we", "its"])

    static let bokmal = ConceptVocabulary(
        eraseVerbs: "slett|slette|sletta|slettar|sletter|fjern|fjerne|fjerna|fjernar|makuler*|utslett*",
        erasePassives: "slettes|slettast|fjernes|fjernast",
        ownData: "*opplysning*|data|dataa|dataene|persondata|personinfo|info|informasjon*|*konto*|profil*|bruker*|brukar*|medlemskap*|alt|*historikk*|resultat*",
        accessNouns: "kopi|oversikt*|utskrift|eksport|utdrag|rapport|innsikt",
        of: "av|over|om|på|fra|med",
        giveVerbs: "send|sende|sender|gi|gje|vis|vise",
        me: "meg|mæ|mei|oss",
        what: "hva|kva|ka|hvilke|hvilken|hvilket|kva",
        holdVerbs: "har|lagrer|lagret|lagra|vet|veit|registrert|behandler|behandlar|oppbevarer|sitter|samlet|samla",
        about: "om|på|angående",
        stopVerbs: "stopp|stoppe|slutt|slutte|kutt|kutte|dropp",
        stopAsked: "stoppe|slutte|opphøre|stoppes",
        marketing: "nyhetsbrev*|nyheitsbrev*|reklame*|markedsføring*|marknadsføring*|tilbud*|tilbod*|sms*|telefonsalg*|spam|eposter|mails|utsending*|kampanje*|brosjyre*|katalog*|papirpost",
        more: "flere|fleire|mer|meir|mere|lenger|lengre",
        wantVerbs: "ha|motta|få|ønske|ønsker",
        negations: "ikke|ikkje|itj|ingen|aldri",
        shareVerbs: "del|dele|deler|deles|delt|delte|gi|gis|gitt|gir|selg|selge|selges|solgt|utlever*|videreformidl*|overfør*|gå|går|videre|vidare",
        partners: "partner*|samarbeidspartner*|partnar*|tredjepart*|sponsor*|utstiller*|utstillar*|annonsører",
        changeVerbs: "endre|endr*|oppdater*|rett|rette|retta|korriger*|fiks|fikse|bytt*|byte|skift*|juster*",
        fields: "navn*|namn*|etternavn*|etternamn*|fornavn*|førenamn*|adresse*|adressa|postnummer*|telefonnummer*|telefonnr*|mobilnummer*|mobilnr*|nummer*|epost*|tittel*|stilling*|arbeidsgiver*|arbeidsgjevar*|klubb*|fødselsdato*|kosthold*|matbehov*|allergi*|nasjonalitet*|språk",
        beVerbs: "er|var|står",
        wrong: "feil|galt|gal|utdatert*|feilstavet|feilstava|uriktig*",
        foreign: ["din", "dine", "ditt", "deres", "hans", "hennes", "vår", "våre", "vi", "dykkar", "hennar"])

    static let danish = ConceptVocabulary(
        eraseVerbs: "slet|slette|sletter|fjern|fjerne|fjerner|makuler*|nedlæg|nedlægge|nedlægger",
        erasePassives: "slettes|fjernes",
        ownData: "*oplysning*|data|persondata|*konto*|profil*|bruger*|medlemskab*|alt|info|information*|*historik*|resultat*",
        accessNouns: "kopi|oversigt|udskrift|eksport|udtræk|rapport",
        of: "af|over|om|på|med",
        giveVerbs: "send|sende|giv|give|vis|vise",
        me: "mig|os|mæ",
        what: "hvad|hva|hvilke|hvilken|hwad",
        holdVerbs: "har|hår|gemmer|gemt|ved|registreret|registrerer|behandler|opbevarer|indsamlet",
        about: "om|på|angående",
        stopVerbs: "stop|stoppe|ophør|afslut*",
        stopAsked: "stoppe|ophøre|stoppes|ophører",
        marketing: "nyhedsbrev*|reklame*|markedsføring*|tilbud*|sms*|telefonsalg*|spam|mails|udsendelse*|kampagne*",
        more: "flere|mere|længere",
        wantVerbs: "have|modtage|få|ønske|ønsker",
        negations: "ikke|ikk|ingen|aldrig",
        shareVerbs: "del|dele|deler|deles|delt|giv|give|gives|givet|videre|ud|sælg|sælge|sælges|solgt|videregiv*|overfør*",
        partners: "partner*|samarbejdspartner*|tredjepart*|sponsor*|udstiller*|annoncører",
        changeVerbs: "ændr*|opdater*|ret|rette|retter|korriger*|skift*|byt*|juster*",
        fields: "navn*|efternavn*|fornavn*|adresse*|postnummer*|telefonnummer*|mobilnummer*|nummer*|mail*|titel*|stilling*|arbejdsgiver*|klub*|fødselsdato*|kost*|allergi*|nationalitet*|sprog",
        beVerbs: "er|var|står",
        wrong: "forkert*|fejl|forældet|ukorrekt*",
        foreign: ["din", "dine", "dit", "jeres", "hans", "hendes", "vores", "vi"])

    static let swedish = ConceptVocabulary(
        eraseVerbs: "radera|raderar|rensa|avlägsna|stryk|stryka",
        erasePassives: "raderas|rensas",
        ownData: "*uppgift*|data|datan|*konto*|profil*|användar*|medlemskap*|allt|information*|info|*historik*|resultat*",
        accessNouns: "kopia|översikt|utdrag|export|sammanställning|redogörelse|rapport",
        of: "av|på|över|om|med",
        giveVerbs: "skicka|skickar|ge|visa|mejla|maila",
        me: "mig|oss|mej|maj",
        what: "vad|va|vilka|vilken|vilket",
        holdVerbs: "har|lagrar|lagrat|lagrade|sparar|sparat|sparade|vet|registrerat|registrerade|behandlar|samlat|bevarar",
        about: "om|på|angående|kring",
        stopVerbs: "sluta|stoppa|stopp|avsluta|upphör|upphöra",
        stopAsked: "upphöra|upphör|sluta|stoppas|avslutas|stoppa",
        marketing: "nyhetsbrev*|reklam*|marknadsföring*|erbjudande*|sms*|telefonförsäljning*|spam|mejl|utskick*|kampanj*|säljsamtal*",
        more: "fler|mer|mera|längre",
        wantVerbs: "ha|få|motta|önskar",
        negations: "inte|ej|inga|ingen|aldrig",
        shareVerbs: "dela|delar|delas|delat|sälja|säljer|säljs|sålt|lämna|lämnar|lämnas|lämnat|ges|gett|överför*",
        partners: "partner*|samarbetspartner*|tredje*|sponsor*|utställar*|annonsörer",
        changeVerbs: "ändra*|uppdatera*|rätta*|korrigera*|byt|byta|byter|bytt|justera*",
        fields: "namn*|efternamn*|förnamn*|adress*|postnummer*|telefonnummer*|mobilnummer*|nummer*|mejl*|titel*|befattning*|arbetsgivare*|klubb*|födelsedatum*|kost*|specialkost*|allergi*|nationalitet*|språk",
        beVerbs: "är|var|står",
        wrong: "fel|felaktig*|inaktuell*|felstavat",
        foreign: ["din", "dina", "ditt", "era", "ert", "hans", "hennes", "vår", "våra", "vi"])

    static let german = ConceptVocabulary(
        eraseVerbs: "lösch*|entfern*|vernicht*|tilg*|plattmach*|entsorg*",
        erasePassives: "",
        ownData: "daten|personenbezogenen|informationen|infos|angaben|konto|kundenkonto|benutzerkonto|account|profil|kundenprofil|nutzerprofil|alles|datensätze|mitgliedschaft|ergebnisse|historie",
        accessNouns: "kopie|übersicht|auszug|export|zusammenstellung|aufstellung",
        of: "über|von|zu|meiner|meinen|aller",
        giveVerbs: "schick*|send*|geben|gib|zeig*|übermittel*",
        me: "mir|mich|uns",
        what: "was|welche|welcher|welches",
        holdVerbs: "habt|haben|hat|gespeichert|speichert|speichern|wisst|wissen|weiß|verarbeitet|verarbeiten|vorliegen|erfasst|gesammelt|besitzen",
        about: "über|zu|von",
        stopVerbs: "stopp*|stop|beend*|einstell*",
        stopAsked: "aufhören|einstellen|beenden|stoppen|unterlassen|enden",
        marketing: "newsletter*|werbung|werbe*|marketing*|angebot*|sms|anrufe|spam|mails|mailings|rundschreiben|kampagne*",
        more: "mehr|weitere|weiteren",
        wantVerbs: "erhalten|bekommen|haben|möchte|will",
        negations: "nicht|ned|net|kein|keine|keinen|keiner|nie|niemals|nichts",
        shareVerbs: "teil*|geteilt|weitergeb*|weitergegeben|weiter|weiterleit*|verkauf*|übermittel*|übertrag*",
        partners: "partner*|dritte*|sponsor*|aussteller*|werbepartner*|kooperationspartner*|eventpartner*",
        changeVerbs: "änder*|aktualisier*|korrigier*|berichtig*|anpass*|umstell*|umgestellt",
        fields: "name*|nachname*|vorname*|adresse|anschrift|mailadresse|telefon*|handy*|nummer|titel|position|anrede|arbeitgeber*|firma|sprache|geburtsdatum|staatsangehörigkeit|ernährung*|allergie*|postleitzahl",
        beVerbs: "ist|sind|war|steht",
        wrong: "falsch*|veraltet*|fehlerhaft*|unrichtig*|inkorrekt*",
        foreign: ["ihre", "ihren", "ihrer", "ihres", "deine", "deinen", "seine", "seinen", "unsere", "unseren", "wir"])
}

extension RuleBuilder {
    /// The general phrases of each kind, written from the language's word classes.
    mutating func concepts(_ v: ConceptVocabulary) {
        foreign = v.foreign
        defer { foreign = [] }
        erase(1.5, "\(v.eraseVerbs) ~4 \(v.ownData)")
        add(.bareCue(.erase), 1.0, v.erasePassives.isEmpty ? v.eraseVerbs : "\(v.eraseVerbs)|\(v.erasePassives)")
        if !v.erasePassives.isEmpty { erase(1.4, "\(v.ownData) ~4 \(v.erasePassives)") }
        access(1.4, "\(v.accessNouns) ~3 \(v.of) ~4 \(v.ownData)|\(v.what)", "\(v.giveVerbs) ~3 \(v.me) ~4 \(v.accessNouns)")
        access(1.3, "\(v.accessNouns) ~3 \(v.of) ~2 det|that|what|dem|das|vad|hvad|hva|kva|alt|allt|alles|everything ~4 \(v.holdVerbs)")
        access(1.2, "\(v.what) ~5 \(v.holdVerbs) ~6 \(v.about) ~1 \(v.me)", "\(v.what) ~6 \(v.about) ~1 \(v.me) ~4 \(v.holdVerbs)",
               "\(v.giveVerbs) ~3 \(v.me) ~8 \(v.holdVerbs) ~4 \(v.about) ~1 \(v.me)")
        // "all reklam från er ska upphöra": the marketing named first, then a verb that asks it to stop (not "beendet").
        if !v.stopAsked.isEmpty { object(1.3, "\(v.marketing) ~6 \(v.stopAsked)") }
        object(1.4, "\(v.stopVerbs) ~4 \(v.marketing)", "\(v.negations) ~3 \(v.more) ~3 \(v.marketing)",
               "\(v.negations) ~4 \(v.wantVerbs) ~5 \(v.marketing)",
               "\(v.negations) ~8 \(v.shareVerbs) ~8 \(v.partners)", "\(v.shareVerbs) ~6 \(v.negations) ~6 \(v.partners)",
               "\(v.negations) ~8 \(v.partners) ~8 \(v.shareVerbs)")
        rectify(1.4, "\(v.changeVerbs) ~4 \(v.fields)", "\(v.fields) ~5 \(v.beVerbs) ~3 \(v.wrong)")
        rectify(1.2, "\(v.wrong) ~2 \(v.fields)", "\(v.fields) ~4 \(v.wrong)")
        // "Please remove my date of birth and home address from your system":
        // "your" names the place here, not the data.
        foreign = []
        erase(1.4, "\(v.eraseVerbs) ~8 \(v.from) ~3 \(v.places)")
        // "Is it possible to delete my account myself?" asks how, as "how" does
        // (the words that make "is it possible…?" a request otherwise).
        let possible = SentenceCues.possibilityWords.sorted().joined(separator: "|")
        add(.selfService, 1.0, "\(v.how) ~8 \(v.myself)", "\(v.doVerbs) ~2 it|det|den|es|das ~1 \(v.myself)",
            "\(possible) ~8 \(v.myself)")
        add(.passingMention, 1.0, "\(possible) ~8 \(v.myself)")
    }
}
