/// Subject wording of delivery failures and automatic replies in en, nb, nn,
/// sv, da, de and a few other languages. Matching is on the lowercased
/// subject; short, ambiguous words must stand at the start or alone.
enum SubjectPatterns {
    private static let bouncePhrases = [
        "undelivered mail", "undeliverable", "undeliverable:", "delivery status notification",
        "mail delivery failed", "mail delivery failure", "delivery failure", "returned mail", "failure notice",
        "unzustellbar", "nicht zustellbar", "zustellung fehlgeschlagen", "olevererbart", "ej levererat",
        "kunde inte levereras", "kan ikke leveres", "kunne ikke leveres", "ikke levert", "levering mislyktes",
        "kunne ikkje leverast", "could not be delivered", "delivery has failed", "message not delivered",
        "undelivered message", "mail system error", "nondeliverable", "non-deliverable", "non remis",
        "non recapitabile", "onbestelbaar", "unable to deliver", "delivery notification: delivery",
        "warning: could not send message", "delayed mail", "delivery delayed", "message delivery failure",
        "delivery failed", "mail could not be delivered", "rejected message",
        "mail delivery system", "delivery report", "notice of delivery failure", "undelivered:",
        "ej levererbart", "ikke leveret", "leveringsfejl",
    ]

    private static let autoReplyPhrases = [
        "out of office", "out of the office", "automatic reply", "auto reply", "autoreply", "auto-reply",
        "automated reply", "auto response", "autoresponse", "auto-response", "autosvar", "automatisk svar",
        "automatisk besvarelse", "automatiskt svar", "fraværende", "frånvarande", "frånvaro",
        "abwesenheitsnotiz", "automatische antwort", "abwesend", "ikke til stede", "ikkje til stades",
        "ikke på kontoret", "ikkje på kontoret", "on vacation", "on holiday", "away from the office",
        "away from office", "automatisch antwoord", "afwezig", "réponse automatique", "absent du bureau",
        "respuesta automática", "risposta automatica", "poza biurem", "automaattinen vastaus",
        "ferie til", "på ferie", "ferien", "out-of-office", "vacation reply", "abwesenheit",
        "fraværsmelding", "fraværsmeldning", "autoantwort",
    ]

    /// Words that mean an auto-reply only as the subject's first word.
    private static let autoReplyLeadWords = ["fravær", "ferie", "absence", "vacation", "abwesenheit", "semester", "frånvaro"]

    static func isBounce(_ lower: String) -> Bool {
        bouncePhrases.contains { lower.contains($0) }
    }

    static func isAutoReply(_ lower: String) -> Bool {
        if autoReplyPhrases.contains(where: { lower.contains($0) }) { return true }
        let first = lower.split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
        return autoReplyLeadWords.contains(first)
    }
}
