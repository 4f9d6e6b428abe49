/// Subject wording of delivery failures and automatic replies in en, nb, nn,
/// sv, da, de and a few other languages, on the lowercased subject.
/// People write "my ticket delivery failed" or "på ferie" too, so most
/// phrases count only at the start of the subject, and a bounce phrase
/// that is not an MTA's fixed wording needs a second signal.
enum SubjectPatterns {
    enum Strength { case strong, weak }

    /// Subjects MTAs start bounces with; nobody else writes them.
    private static let bounceStarts = [
        "undelivered mail returned to sender", "delivery status notification", "mail delivery failed",
        "mail delivery failure", "returned mail:", "returned mail -", "failure notice", "undeliverable:",
        "undeliverable mail", "undeliverable message", "unzustellbar:", "nicht zustellbar:", "olevererbart:",
        "ej levererbart:", "kan ikke leveres:", "kunne ikke leveres:", "kunne ikkje leverast:", "ikke levert:",
        "non recapitabile:", "non remis:", "onbestelbaar:", "warning: could not send message",
        "message delivery failure", "delivery notification: delivery has failed", "delivery failure notification",
        "notice of delivery failure", "nondeliverable mail", "non-deliverable:", "mail system error - returned mail",
        "undelivered message", "undelivered mail", "delayed mail (still being retried)", "delivery delayed:",
        "zustellung fehlgeschlagen", "leveringsfejl:", "levering mislyktes:", "returnert e-post:",
    ]

    /// Phrases that suggest a bounce anywhere in the subject.
    private static let bouncePhrases = [
        "undeliverable", "undelivered", "delivery failure", "delivery failed", "delivery has failed",
        "could not be delivered", "unable to deliver", "returned mail", "unzustellbar", "olevererbart",
        "kan ikke leveres", "ikke levert", "non recapitabile", "message not delivered", "delivery status",
    ]

    private static let bounceStartPhrases = UTF8Phrases(bounceStarts)
    private static let bounceAnywhere = UTF8Phrases(bouncePhrases)

    static func bounce(_ lower: String) -> Strength? {
        let subject = String(lower.drop(while: { $0 == " " || $0 == "\t" }))
        if bounceStartPhrases.anyPrefix(of: subject) { return .strong }
        if bounceAnywhere.anyContained(in: subject) { return .weak }
        return nil
    }

    /// Wording only auto-responders use, wherever it stands.
    private static let autoReplyPhrases = [
        "out of office", "out of the office", "out-of-office", "automatic reply", "autoreply", "auto-reply",
        "auto reply", "automated reply", "auto response", "autoresponse", "auto-response", "autosvar",
        "automatisk svar", "automatiskt svar", "automatisk besvarelse", "fraværsmelding", "frånvaromeddelande",
        "abwesenheitsnotiz", "automatische antwort", "autoantwort", "automatisch antwoord",
        "réponse automatique", "respuesta automática", "risposta automatica", "automaattinen vastaus",
        "vacation reply",
    ]

    /// Wording that means an auto-reply only at the start of the subject.
    private static let autoReplyStarts = [
        "ikke til stede", "ikkje til stades", "ikke på kontoret", "ikkje på kontoret", "fraværende",
        "frånvarande", "på ferie", "on vacation", "on holiday", "away from the office", "away from office",
        "absent du bureau", "poza biurem", "abwesend", "afwezig", "inte på kontoret", "ude af kontoret",
        "außer haus", "ausser haus", "nicht im büro", "fråverande",
    ]

    /// Words that mean an auto-reply as the subject's first word.
    private static let autoReplyFirstWords: Set<String> = [
        "fravær", "fråvær", "ferie", "frånvaro", "semester", "absence", "vacation", "abwesenheit", "urlaub",
    ]

    private static let autoReplyAnywhere = UTF8Phrases(autoReplyPhrases)
    private static let autoReplyStartPhrases = UTF8Phrases(autoReplyStarts)

    static func isAutoReply(_ lower: String) -> Bool {
        if autoReplyAnywhere.anyContained(in: lower) { return true }
        let subject = lower.drop(while: { $0 == " " || $0 == "\t" })
        if autoReplyStartPhrases.anyPrefix(of: String(subject)) { return true }
        let first = subject.prefix(while: { $0.isLetterFast })
        return autoReplyFirstWords.contains(String(first))
    }
}
