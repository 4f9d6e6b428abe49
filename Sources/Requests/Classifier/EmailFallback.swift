import MailCore

/// The new e-mail address of a mail that speaks of changing its address but
/// names it with no cue the value readers know: "Stellt mein Konto bitte auf
/// B um", "Fremover vil jeg at dere bruker B", "skift den ud med min private: B".
///
/// Taken only when the person's text speaks of mail, and holds exactly one
/// address in a sentence that speaks of a change (or after a line that does
/// and ends in a colon), not called old or going away ("meine bisherige
/// Adresse A läuft aus", "A wird abgeschaltet") and not the company's own,
/// read up to where a signature may start: never an identification block's
/// "Email: A" or a duplicate account named in passing. A new e-mail
/// address is confirmed at that address before it is stored, so a misreading
/// here changes nothing by itself.
extension RectificationExtractor {
    static func fallbackEmail(_ sentences: [Sentence], language: Language, ownDomains: Set<String>) -> String? {
        var mentionsMail = false
        var candidates: [String] = []
        var previousAnnounces = false
        for sentence in sentences where !sentence.isSubject {
            if sentence.tokens.contains(where: signOffs.contains) || mayStartSignature(sentence) { break }
            if sentence.tokens.contains(where: isMailWord) { mentionsMail = true }
            // The change is said beside the address: in its sentence, or in a line before it that ends in a colon.
            let speaksOfAChange = sentence.tokens.contains { isChangeWord($0) || mailChangeWords.contains($0) }
            defer { previousAnnounces = speaksOfAChange && sentence.text.endsWithByte(UInt8(ascii: ":")) }
            guard speaksOfAChange || previousAnnounces, sentence.text.utf8.contains(UInt8(ascii: "@")) else { continue }
            let words = SentenceWords(sentence.text)
            for index in words.original.indices where words.original[index].utf8.contains(UInt8(ascii: "@")) {
                // "<id@host>", "From: a@b", "Message-ID: …": a header's text that came down into the body.
                if words.original[index].hasPrefix("<") || index > 0 && headerLabels.contains(words.folded[index - 1]) { continue }
                guard ValueReader.guessField(words, from: index) == .email,
                      let value = ValueReader.read(words, from: index, field: .email, language: language),
                      looksLikeAddress(value), !isAddress(value, atOneOf: ownDomains) else { continue }
                let before = words.folded[max(0, index - 4)..<index]
                let after = words.folded[(index + 1)..<min(words.folded.count, index + 7)]
                if before.contains(where: oldWords.anyPrefix) || after.contains(where: goingAway.anyPrefix) { continue }
                if !candidates.contains(value) { candidates.append(value) }
            }
        }
        return mentionsMail && candidates.count == 1 ? candidates.first : nil
    }

    /// One "@" with something before it and a dotted domain after it.
    private static func looksLikeAddress(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }

    private static let headerLabels: WordSet = ["from:", "to:", "cc:", "message-id:", "received:", "sender:", "reply-to:", "von:", "an:", "fra:", "til:", "från:", "till:"]

    /// "meine alte Adresse", "min gamle", "the current one", "bisherige": an old address's words.
    private static let oldWords = UTF8Phrases(["alt", "gaml", "gamm", "old", "bisherig", "tidliger", "tidigar", "forrig", "förr",
                                               "current", "nåvær", "nuvær", "nuvar", "aktuell", "previous", "former"])

    /// "e-post", "Mailadresse", "jobbadressa", "mejl": a word with one of these inside.
    private static func isMailWord(_ token: String) -> Bool {
        ["mail", "adress", "e-post", "epost", "mejl"].contains { token.containsBytes($0) }
    }

    /// "künftig", "fortan", "ab sofort", "stellt … um": a change of address said without a change verb.
    /// (The now words, "fremover", "heretter", are change words already.)
    private static let mailChangeWords: WordSet = ["künftig", "zukünftig", "fortan", "sofort", "um", "wechsle", "wechseln",
                                                   "forward", "framover", "fremadrettet", "framöver"]

    /// "läuft … aus", "wird abgeschaltet", "legges ned", "is being shut down", "will be closed".
    private static let goingAway = UTF8Phrases(["läuft", "abgeschalt", "abschalt", "ausläuft", "deaktiv", "deactiv", "legges", "nedlagt",
                                                "nedlægg", "stopper", "slutter", "ophør", "closed", "closing", "shut", "expir", "stengt",
                                                "stenges", "lukk", "stängs", "avslut"])
}
