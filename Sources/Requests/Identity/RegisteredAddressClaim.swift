import MailCore

/// Finds an address that a writer says is "their registered address", e.g.
/// "my registered address is kari@example.no", "registrert på …",
/// "min e-post hos dere er …", "registered under …", "meine registrierte
/// Adresse …", "min registrerade adress …".
///
/// A claim is only ever a candidate: dsrd acts on it after that address has
/// confirmed. Pass the new text of a message (quotes removed), so an
/// address quoted from an earlier letter is not taken for a claim.
public enum RegisteredAddressClaim {
    /// How far after a phrase the address may stand (in characters).
    static let window = 80

    /// Phrases, lowercased with blanks single, in nb, nn, sv, da, en, de.
    static let phrases: [String] = [
        // en
        "my registered address is", "my registered e-mail address is", "my registered email address is",
        "my registered e-mail is", "my registered email is", "registered address", "registered e-mail address",
        "registered email address", "registered under", "registered with", "registered as",
        "address you have on file", "address on file is", "the address i registered with",
        // nb / nn
        "registrert på", "registrert med", "registrert under", "registrert hos dere med", "registrert e-post",
        "registrert epost", "registrerte e-postadresse", "registrerte adresse", "min e-post hos dere er",
        "min epost hos dere er", "min e-postadresse hos dere er", "e-postadressen min hos dere er",
        "e-posten min hos dere er", "min e-post hjå dykk er", "e-posten min hjå dykk er",
        "e-postadressa mi hjå dykk er", "registrert på adressa",
        // sv
        "min registrerade adress", "min registrerade e-postadress", "min registrerade mejladress",
        "registrerad på", "registrerad med", "registrerad under", "min e-post hos er är",
        // da
        "min registrerede adresse", "min registrerede e-mail", "registreret på", "registreret med",
        "registreret under", "min e-mail hos jer er",
        // de
        "meine registrierte adresse", "meine registrierte e-mail-adresse", "meine registrierte e-mail",
        "registriert unter", "registriert mit", "registriert auf", "meine bei ihnen hinterlegte adresse",
        "meine hinterlegte e-mail-adresse",
    ]

    /// The claimed addresses in order of appearance, each once, as written
    /// (the local part keeps its case). Empty when there is no claim.
    public static func find(in text: String) -> [String] {
        // Most mail cannot hold a claim: none without an "@", nor without a
        // word every phrase has one of ("regist…", "file", "hos", "hjå", "hinterlegt").
        guard text.containsByte(UInt8(ascii: "@")), Self.stems.anyContained(in: text.lowercasedByScalar()) else { return [] }
        let folded = FoldedText(text)
        var found: [String] = []
        var seen: Set<String> = []
        let phrases = phrasesByFirstScalar
        var position = 0
        while position < folded.count {
            guard let phraseEnd = phraseEnding(at: position, in: folded, phrases: phrases) else {
                position += 1
                continue
            }
            if let address = firstAddress(from: phraseEnd, in: folded) {
                let key = address.lowercased()
                if seen.insert(key).inserted { found.append(address) }
            }
            position = phraseEnd
        }
        return found
    }

    private static let stems = UTF8Phrases(["regist", "file", "hos", "hjå", "hinterlegt"])

    /// The phrases as scalars, by their first scalar.
    private static let phrasesByFirstScalar: [Unicode.Scalar: [[Unicode.Scalar]]] = {
        var byFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for phrase in phrases {
            let scalars = Array(phrase.unicodeScalars)
            guard let first = scalars.first else { continue }
            byFirst[first, default: []].append(scalars)
        }
        return byFirst
    }()

    /// The end of the longest phrase starting at a word start, if any.
    private static func phraseEnding(
        at position: Int, in text: FoldedText, phrases: [Unicode.Scalar: [[Unicode.Scalar]]]
    ) -> Int? {
        guard position == 0 || !text.isWordScalar(at: position - 1), text.isWordScalar(at: position),
              let candidates = phrases[text.lower[position]] else { return nil }
        var best: Int?
        for phrase in candidates where text.matches(phrase, at: position) {
            let end = position + phrase.count
            if end < text.count, text.isWordScalar(at: end), phrase.last.map(Self.isLetter) == true { continue }
            best = max(best ?? end, end)
        }
        return best
    }

    /// The first `local@domain.tld` starting within the window after a phrase.
    private static func firstAddress(from start: Int, in text: FoldedText) -> String? {
        let limit = min(text.count, start + window)
        var index = start
        while index < limit {
            if text.original[index] == "@", let address = text.address(around: index) {
                return address
            }
            if text.original[index] == "\n" && index > start && text.original[index - 1] == "\n" { return nil }
            index += 1
        }
        return nil
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }
}
