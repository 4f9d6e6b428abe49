/// Recognises where quoted or forwarded material starts in a plain-text
/// body, and mobile "Sent from my ..." lines. Works line by line with
/// prefix and keyword checks (no backtracking patterns), so cost is linear.
enum QuoteMarkers {
    /// The index of the first line that starts quoted or forwarded material
    /// after some new text, or nil. Markers at the very top (a bare forward)
    /// are passed over so the forwarded text stays readable.
    static func firstQuoteStart(in lines: [String]) -> Int? {
        var sawText = false
        let keys = lines.map(headerKey)
        for index in lines.indices {
            let trimmed = lines[index].trimmingBlanks()
            guard let first = trimmed.unicodeScalars.first else { continue }
            if trimmed.utf8.count <= 1200, mayStartMarker(trimmed, first: first), isMarker(lines, keys: keys, at: index) {
                if sawText { return index }
                continue
            }
            if first != ">" && !isSeparator(trimmed) { sawText = true }
        }
        return nil
    }

    /// A cheap test that rules out most lines: every marker has a colon,
    /// starts with a banner character, or starts like an attribution.
    private static func mayStartMarker(_ trimmed: String, first: Unicode.Scalar) -> Bool {
        if first == "-" || first == "_" || first == "=" || first == "*" { return true }
        if trimmed.utf8.contains(UInt8(ascii: ":")) { return true }
        return startsLikeAttribution(trimmed.prefix(12).lowercased())
    }

    /// Whether quoted or forwarded material starts at `index`: a banner, a
    /// forward intro, a header block, or an attribution over up to 3 lines.
    private static func isMarker(_ lines: [String], keys: [String?], at index: Int) -> Bool {
        let line = lines[index].trimmingBlanks()
        let lower = line.lowercased()
        if isSeparatorBanner(lower) || isForwardIntro(lower) { return true }
        if isHeaderBlock(keys, at: index) { return true }
        for span in 1...3 where index + span <= lines.count {
            let joined = lines[index..<(index + span)].map { $0.trimmingBlanks() }.joined(separator: " ")
            if isAttribution(joined.lowercased(), next: nextNonBlank(lines, after: index + span - 1)) { return true }
            if span == 1 && !startsLikeAttribution(lower) { break }
            if joined.hasSuffix(":") { break }
        }
        return false
    }

    /// "-----Original Message-----", "---------- Forwarded message ----------"
    /// and their translations.
    private static func isSeparatorBanner(_ lower: String) -> Bool {
        guard lower.hasPrefix("--") || lower.hasPrefix("__") || lower.hasPrefix("==") || lower.hasPrefix("**") else { return false }
        let core = lower.trimmingCharacters(in: ["-", "_", "=", "*", " ", "\t"])
        return banners.contains(core)
    }

    private static let banners: Set<String> = [
        "original message", "opprinnelig melding", "opphavleg melding", "forwarded message",
        "videresendt melding", "vidaresendt melding", "ursprüngliche nachricht", "weitergeleitete nachricht",
        "originalmeddelelse", "oprindelig meddelelse", "videresendt meddelelse", "videresendt besked",
        "ursprungligt meddelande", "vidarebefordrat meddelande", "message d'origine", "message transféré",
        "mensaje original", "mensaje reenviado", "mensagem original", "messaggio originale",
        "oorspronkelijk bericht", "doorgestuurd bericht", "alkuperäinen viesti", "original-nachricht",
        "reply message", "svar", "original",
    ]

    /// Apple Mail and others: "Begin forwarded message:".
    private static let forwardIntros = [
        "begin forwarded message", "start på videresendt melding", "videresendt melding:",
        "videresendt e-post:", "början på vidarebefordrat brev", "vidarebefordrat brev:",
        "start på videresendt besked", "videresendt besked:", "anfang der weitergeleiteten nachricht",
        "weitergeleitete nachricht:", "début du message réexpédié",
    ]

    private static func isForwardIntro(_ lower: String) -> Bool {
        lower.utf8.count < 120 && forwardIntros.contains { lower.hasPrefix($0) }
    }

    private static let fromKeys: Set<String> = ["from", "fra", "frå", "från", "von", "de", "van", "da", "od", "lähettäjä"]
    private static let otherKeys: Set<String> = [
        "sent", "sendt", "skickat", "gesendet", "date", "dato", "datum", "to", "til", "till", "an",
        "subject", "emne", "ämne", "betreff", "envoyé", "objet", "cc", "kopi", "kopia", "sent at", "reply-to",
        "à", "onderwerp", "verzonden", "aan", "oggetto", "inviato", "asunto", "enviado", "para", "emne:",
    ]

    /// An Outlook-style block: "From:"/"Fra:" followed within a few lines
    /// by "Sent:"/"Sendt:"/"To:"/"Subject:" and the like.
    private static func isHeaderBlock(_ keys: [String?], at index: Int) -> Bool {
        guard let key = keys[index], fromKeys.contains(key) else { return false }
        var offset = index + 1
        while offset < keys.count && offset <= index + 6 {
            if let other = keys[offset], otherKeys.contains(other) { return true }
            offset += 1
        }
        return false
    }

    /// The lowercased key of a "Key: value" line, also in "*Key:*" bold form.
    /// Only the first 24 characters are looked at.
    static func headerKey(_ line: String) -> String? {
        let head = line.prefix(24).drop(while: { $0 == " " || $0 == "\t" || $0 == "*" })
        guard let colon = head.firstIndex(of: ":") else { return nil }
        var key = head[..<colon]
        while let last = key.last, last == "*" || last == " " { key = key.dropLast() }
        guard !key.isEmpty, key.count <= 12, !key.contains(where: { $0.isNumber }) else { return nil }
        return key.lowercased()
    }

    private static let attributionPrefixes = ["on ", "den ", "am ", "le ", "el ", "op ", "il ", "em ", "på ", "d. ", "dne "]
    private static let attributionVerbs = [" wrote", " skrev", " schrieb", " skrivit", " a écrit", " escribió",
                                           " scrisse", " schreef", " kirjoitti", " napisał", " írta", " escreveu"]

    private static func startsLikeAttribution(_ lower: String) -> Bool {
        attributionPrefixes.contains { lower.hasPrefix($0) } || lower.prefix(12).contains(where: { $0.isNumber })
    }

    /// "On Mon, 4 Mar 2024 at 09:15, Name <a@b> wrote:", "Den 4. mars 2024
    /// kl. 09:15 skrev Name <a@b>:", "Am 04.03.2024 um 09:15 schrieb Name:".
    private static func isAttribution(_ lower: String, next: String?) -> Bool {
        guard lower.hasSuffix(":"), lower.count <= 400,
              attributionVerbs.contains(where: { lower.contains($0) }) else { return false }
        let followedByQuote = next?.hasPrefix(">") ?? false
        let hasDateOrAddress = lower.contains("@") || lower.contains(where: { $0.isNumber })
        if followedByQuote { return true }
        return hasDateOrAddress && startsLikeAttribution(lower)
    }

    private static func nextNonBlank(_ lines: [String], after index: Int) -> String? {
        var offset = index + 1
        while offset < lines.count && offset <= index + 3 {
            let trimmed = lines[offset].trimmingBlanks()
            if !trimmed.isEmpty { return trimmed }
            offset += 1
        }
        return nil
    }

    static func isSeparator(_ trimmed: String) -> Bool {
        trimmed.allSatisfy { $0 == "_" || $0 == "-" || $0 == "=" || $0 == "*" }
    }

    /// "Sent from my iPhone", "Sendt fra min iPhone", "Von meinem iPhone
    /// gesendet", "Get Outlook for iOS" and similar one-line tags.
    static func isMobileSignature(_ trimmed: String) -> Bool {
        guard trimmed.utf8.count < 120, let first = trimmed.first, "sShHgGvVeEiI".contains(first) else { return false }
        let lower = trimmed.lowercased()
        if mobilePrefixes.contains(where: { lower.hasPrefix($0) }) { return true }
        return lower.hasPrefix("von meinem ") && lower.contains("gesendet")
    }

    private static let mobilePrefixes = [
        "sent from my ", "sendt fra min ", "sendt fra mi ", "sendt frå min ", "sendt fra mitt ",
        "skickat från min ", "skickat från mitt ", "sendt fra outlook", "sent from outlook",
        "skickat från outlook", "get outlook for ", "hent outlook for ", "skaff outlook for ",
        "sent from mail for windows", "sendt fra e-post for windows", "sent from samsung",
        "sent from yahoo mail", "envoyé de mon ", "enviado desde mi ", "inviato da ",
        "verzonden vanaf mijn ", "sent via the samsung", "sendt fra samsung", "sent from proton mail",
        "sent with proton mail",
    ]
}
