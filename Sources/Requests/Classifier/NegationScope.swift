/// Decides whether a matched phrase is negated.
///
/// A negation word counts when it stands up to five words before the phrase
/// in the same clause ("I do not want you to delete…", "skal ikke slettes"),
/// inside the phrase, or right after it ("löschen Sie meine Daten nicht").
/// A clause break stops the look-back, except before a complementizer
/// ("Ich möchte nicht, dass Sie… löschen").
enum NegationScope {
    static let lookBack = 5
    static let lookAhead = 2
    private static let complementizers: WordSet = ["dass", "daß", "at", "att", "that", "som"]
    static let trailingNegations: WordSet = [
        "not", "never", "nicht", "nie", "ikke", "ikkje", "inte", "ej", "aldri", "aldrig",
    ]

    /// Prepositions that open the thing a negation sets against a phrase ("…about me, not about him").
    private static let contrastPrepositions: WordSet = [
        "om", "about", "on", "of", "for", "til", "to", "från", "from", "frå", "fra", "von", "über", "av", "af", "hos", "bei",
    ]

    /// "Or" in the six languages.
    private static let alternativeWords: WordSet = ["or", "eller", "oder"]

    /// "I have not received a copy of my data" complains that a request went
    /// unanswered; it negates the receiving, not the request.
    private static let receiptWords: WordSet = [
        "received", "receive", "got", "gotten", "heard", "fått", "mottatt", "mottat", "motteke", "erhalten", "bekommen",
        "modtaget", "fået", "hørt", "svar", "answer", "reply", "response", "antwort", "svaret",
    ]

    /// "Kan I ikke lige slette…?", "Kan ni inte bara radera…?", "Can't you
    /// delete…?": a negation right after a modal and "you" at the start of a
    /// sentence is a polite request, not a refusal.
    private static func isPoliteNegativeQuestion(_ index: Int, in tokens: [String]) -> Bool {
        index >= 2 && SentenceCues.modalWords.contains(tokens[index - 2]) && SentenceCues.addressWords.contains(tokens[index - 1])
            && (index == 2 || tokens[index - 3] == TextFolding.clauseBreak)
    }

    /// "…raderar utan onödigt dröjsmål", "without undue delay": the law's
    /// own wording in a formal request; "without" there negates nothing.
    private static let withoutWords: WordSet = ["without", "uten", "utan", "uden", "ohne"]
    private static let delayStems = ["delay", "dröjsmål", "opphald", "opphold", "ophold", "forsinkelse", "forseinking",
                                     "verzögerung", "verzug", "zögern"]

    private static func negates(_ index: Int, in tokens: [String], negations: WordSet) -> Bool {
        guard negations.contains(tokens[index]), !isPoliteNegativeQuestion(index, in: tokens) else { return false }
        let following = tokens[(index + 1)..<min(tokens.count, index + 4)]
        if withoutWords.contains(tokens[index]),
           following.contains(where: { word in delayStems.contains { word.hasPrefix($0) } }) {
            return false
        }
        return !following.contains(where: receiptWords.contains)
    }

    static func isNegated(_ range: Range<Int>, in tokens: [String], negations: WordSet) -> Bool {
        for index in range where negates(index, in: tokens, negations: negations) { return true }
        var index = range.lowerBound - 1
        var looked = 0
        while index >= 0 && looked < lookBack {
            let token = tokens[index]
            if token == TextFolding.clauseBreak {
                let next = index + 1 < tokens.count ? tokens[index + 1] : ""
                if !complementizers.contains(next) { break }
            } else {
                if negates(index, in: tokens, negations: negations) { return true }
                looked += 1
            }
            index -= 1
        }
        var ahead = range.upperBound
        while ahead < tokens.count && ahead < range.upperBound + lookAhead {
            let token = tokens[ahead]
            if token == TextFolding.clauseBreak { break }
            // "…delete my account or not?" asks; the negation after "or" is a question tag.
            // "…om MIG (inte om Bosse)": a negation before a preposition sets another thing against the phrase.
            if trailingNegations.contains(token) && !alternativeWords.contains(tokens[ahead - 1])
                && !(ahead + 1 < tokens.count && contrastPrepositions.contains(tokens[ahead + 1])) {
                return true
            }
            ahead += 1
        }
        return false
    }
}
