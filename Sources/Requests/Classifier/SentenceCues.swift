import MailCore

/// Cue words that tell how a sentence asks: a polite question ("Can you…"),
/// a command ("Delete my account."), the writer's own earlier request in a
/// reminder, or data-protection talk at all.
enum SentenceCues {
    /// Words that address the reader ("you"): a question with one is a request.
    static let addressWords: WordSet = ["you", "dere", "de", "dykk", "ni", "i", "sie", "ihr", "jer", "er"]
    static let modalWords: WordSet = [
        "can", "could", "would", "will", "kan", "kunne", "vil", "ville", "kann", "können", "könnten", "würden",
        "kunde", "skulle", "möchten", "vill", "wollt", "wollen", "könnt", "kannst", "kunna",
    ]
    /// "Kan jeg få…", "can I get…", "kan jag få…": asking to be given something.
    static let receiveWords: WordSet = ["få", "get", "have", "bekommen", "erhalten", "faa"]
    static let askingFirstPerson: WordSet = ["i", "jeg", "eg", "jag", "ich", "æ", "me", "we"]
    static let possibilityWords: WordSet = ["possible", "mulig", "mogleg", "möjligt", "muligt", "möglich"]
    static let possibilitySubjects: WordSet = ["it", "det", "es"]
    /// "Once" in the languages where it opens a condition, not a report
    /// ("når jeg har fått svar", "sobald ich … erhalten habe").
    static let onceWords: WordSet = ["når", "once", "sobald", "naar"]

    static let pleaseWords: WordSet = ["please", "pls", "plz", "vennligst", "venligst", "vänligen", "bitte", "gjerne", "gerne", "gärna"]

    /// Words after which a verb starts a new command: "…and delete my phone number".
    static let clauseStarts: WordSet = [TextFolding.clauseBreak, "and", "og", "och", "und", "samt", "then", "så", "dann"]

    /// A phrase at the start of a sentence or clause is a command ("Delete my account.").
    /// A phrase that opens with "that" ("Att uppgifterna raderas…") is a
    /// clause, not a command.
    static func isImperative(_ range: Range<Int>, in tokens: [String]) -> Bool {
        guard range.lowerBound < tokens.count, !thatWords.contains(tokens[range.lowerBound]) else { return false }
        return range.lowerBound <= 1 || clauseStarts.contains(tokens[range.lowerBound - 1])
    }

    private static let thatWords: WordSet = ["att", "at", "that", "dass"]

    /// "Takk for at dere slettet meg", "Thanks, all deleted": thanks beside
    /// an erasure already done. Under our confirmation's old subject, such a
    /// reply asks for nothing.
    static let thanksWords: WordSet = ["thanks", "thank", "takk", "tak", "tack", "danke", "dank", "tusen", "tusind"]
    static let erasedWords: WordSet = [
        "deleted", "erased", "removed", "slettet", "slettede", "sletta", "fjernet", "fjernede", "fjerna", "raderade",
        "raderad", "raderats", "raderat", "borttagen", "borttagna", "gelöscht", "entfernt",
    ]

    /// "alt vart sletta", "everything was deleted", "alles wurde gelöscht": a
    /// deletion reported in the past passive, an erased word right after one of
    /// these, within the match.
    static func reportsPassiveDeletion(_ tokens: [String], in range: Range<Int>) -> Bool {
        range.contains { index in
            index > tokens.startIndex && erasedWords.contains(tokens[index]) && pastPassiveAuxiliaries.contains(tokens[index - 1])
        }
    }

    private static let pastPassiveAuxiliaries: WordSet = [
        "ble", "blei", "vart", "vorte", "blitt", "blev", "blevet", "blivit", "was", "were", "wurde", "wurden", "worden",
    ]

    static let pastRequestVerbs: WordSet = [
        "asked", "requested", "ba", "bad", "krevde", "begärde", "anmodede", "gebeten", "aufgefordert", "beantragt",
    ]
    static let firstPerson: WordSet = ["i", "jeg", "eg", "jag", "ich"]

    /// "I asked you to delete…", "habe ich Sie gebeten…": the writer's own
    /// earlier request, repeated in a reminder, is a request (someone else's is not).
    static func isOwnEarlierRequest(_ tokens: [String]) -> Bool {
        firstPersonDid(pastRequestVerbs, in: tokens)
    }

    /// "On Monday I wrote asking you to erase…", "Eg bad dykk i førre veke om
    /// å slette…": the writer reports an earlier mail of theirs.
    static func reportsOwnEarlierMail(_ tokens: [String]) -> Bool {
        firstPersonDid(pastRequestVerbs, in: tokens) || firstPersonDid(pastWritingVerbs, in: tokens)
    }

    /// Whether one of the verbs stands with "I" beside it: "I asked", "habe
    /// ich Sie gebeten", and inverted "ba jeg".
    private static func firstPersonDid(_ verbs: WordSet, in tokens: [String]) -> Bool {
        for index in tokens.indices where verbs.contains(tokens[index]) {
            let near = tokens[max(0, index - 3)..<min(tokens.count, index + 2)]
            if near.contains(where: firstPerson.contains) { return true }
        }
        return false
    }

    private static let pastWritingVerbs: WordSet = [
        "wrote", "sent", "skrev", "skreiv", "sendte", "sende", "skickade", "schrieb", "geschrieben", "geschickt", "sendt",
    ]

    /// "Can you…", "kan dere…", "Könnten Sie…", or a "please": a question that asks us to act.
    /// "Is it possible to have my profile removed?", "Er det mulig å få
    /// fjernet…?", "Wäre es möglich…?": to a privacy mailbox, a request.
    static func asksIfPossible(_ tokens: [String]) -> Bool {
        tokens.indices.dropFirst().contains { index in
            possibilityWords.contains(tokens[index]) && tokens[max(0, index - 2)..<index].contains(where: possibilitySubjects.contains)
        }
    }

    static func isPoliteRequest(_ tokens: [String]) -> Bool {
        if tokens.contains(where: pleaseWords.contains) || asksIfPossible(tokens) { return true }
        for index in tokens.indices.dropLast() where modalWords.contains(tokens[index]) {
            if addressWords.contains(tokens[index + 1]) { return true }
            if index + 2 < tokens.count && askingFirstPerson.contains(tokens[index + 1]) && receiveWords.contains(tokens[index + 2]) {
                return true
            }
        }
        return false
    }

    /// Words of data-protection talk in the six languages: mail that uses
    /// them but asks for nothing is vague, for a person to look at.
    static let privacyPrefixes = [
        "data", "personal", "privacy", "gdpr", "erasure", "delet", "rectif", "consent", "personvern", "opplysning",
        "oplysning", "uppgift", "personuppgift", "datenschutz", "daten", "dsgvo", "sletting", "sletning", "innsyn",
        "indsigt", "radera", "löschung", "auskunft", "samtykke", "samtycke", "einwilligung", "registerutdrag", "persondata",
        "personopplys", "personoplys", "personenbezog", "personuppgift", "opplysing", "kontaktinfo", "kontaktopplys",
    ]

    private static let privacyPhrases = UTF8Phrases(privacyPrefixes)

    static func isPrivacyWord(_ token: String) -> Bool {
        privacyPhrases.anyPrefix(of: token)
    }

    /// Whether an old value stands at an erasure phrase: "delete the old
    /// number", "die alte Nummer löschen", "det gamle kan dere fjerne fra
    /// profilen"; not "my old account", "de gamle opplysningene", which name
    /// the person's data, nor "den gamle kan de slette" of two profiles.
    static func namesOldValue(_ tokens: [String], near range: Range<Int>) -> Bool {
        // Back to 8 words: "die alte Nummer (069 90009 233) aus meinem Profil löschen"; to the
        // sentence's start when a pronoun is what is deleted: "Det gamle (482 19 930) er ikkje
        // mitt lenger, så ver venleg og slett det frå profilen min".
        let pronounObject = tokens[range].dropFirst().first.map(objectPronouns.contains) ?? false
        let window = (pronounObject ? 0 : max(0, range.lowerBound - 8))..<min(tokens.count, range.upperBound + 2)
        let removedFrom = tokens[window].contains { RectificationVocabulary.fromWords.contains($0) || $0 == "aus" }
        return window.contains { index in
            guard oldValueWords.contains(tokens[index]),
                  pronounObject || !tokens[min(index, range.lowerBound)..<range.lowerBound].contains(TextFolding.clauseBreak)
            else { return false }
            let next = index + 1 < tokens.count ? tokens[index + 1] : ""
            if recordStems.contains(where: { next.hasPrefixBytes($0) }) { return false }
            return removedFrom || fieldStems.contains { next.hasPrefixBytes($0) }
        }
    }

    /// "it", "det", "es": what an erasure phrase deletes when it names nothing itself.
    private static let objectPronouns: WordSet = ["it", "det", "den", "es", "ihn", "sie", "dem", "them"]

    private static let oldValueWords: WordSet = ["gamle", "gammel", "gamla", "gammal", "old", "previous", "alte", "alten", "alter",
                                                 "altes", "bisherige", "bisherigen", "forrige", "förra"]
    /// Fields whose old value a correction replaces: the field names, and the
    /// plain words for a number or a name ("the old number", "det gamle navnet").
    private static let fieldStems = RectificationVocabulary.fieldPrefixes.flatMap(\.1)
        + ["nummer", "number", "numret", "nr", "mail", "navn", "namn", "name"]
    /// Words of a whole record, or of the person's data as such.
    private static let recordStems = ["konto", "account", "profil", "bruker", "user", "kundeforhold", "medlemskap", "data", "daten",
                                      "opplysning", "oplysning", "uppgift", "angaben", "information", "info", "registrering", "kunde"]
}
