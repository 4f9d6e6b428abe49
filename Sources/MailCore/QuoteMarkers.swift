/// Recognises where quoted or forwarded material starts in a plain-text
/// body, and mobile "Sent from my ..." lines. Works line by line with
/// prefix and keyword checks (no backtracking patterns), so cost is linear.
enum QuoteMarkers {
    /// What starts at a line.
    enum Marker: Equatable {
        /// Quoted reply material: an attribution line (spanning `lines`
        /// lines), an "Original Message" banner or an Outlook header block.
        case reply(lines: Int)
        /// A forwarded message: a banner or intro, or an Outlook header
        /// block whose subject is a forward; its header lines follow.
        case forward
    }

    /// The lowercased "Key" of each "Key: value" line (nil for other lines),
    /// computed once so header-block checks stay linear.
    static func headerKeys(_ lines: [String]) -> [String?] {
        lines.map(headerKey)
    }

    /// The marker starting at `index`, if any.
    static func marker(_ lines: [String], keys: [String?], at index: Int) -> Marker? {
        let trimmed = lines[index].trimmingBlanks()
        guard let first = trimmed.unicodeScalars.first, trimmed.utf8.count <= 1200,
              mayStartMarker(trimmed, first: first) else { return nil }
        let lower = trimmed.lowercasedByScalar()
        if let banner = bannerKind(lower) { return banner }
        if isForwardIntro(lower) { return .forward }
        if isHeaderBlock(keys, at: index) {
            return blockSubjectIsForward(lines, keys: keys, at: index) ? .forward : .reply(lines: 1)
        }
        for span in 1...3 where index + span <= lines.count {
            // One line joined is the trimmed line itself, already lowercased.
            let joined = span == 1 ? trimmed : lines[index..<(index + span)].map { $0.trimmingBlanks() }.joined(separator: " ")
            let joinedLower = span == 1 ? lower : joined.lowercasedByScalar()
            if isAttribution(joinedLower, next: { nextNonBlank(lines, after: index + span - 1) }) {
                return .reply(lines: span)
            }
            if span == 1 && !startsLikeAttribution(lower) { break }
            if joined.endsWithByte(UInt8(ascii: ":")) { break }
        }
        return nil
    }

    /// The index after a forwarded message's banner and header lines
    /// ("From:", "Date:", ... with their continuations) and the blank line
    /// that ends them.
    static func endOfForwardHeaders(_ lines: [String], keys: [String?], from index: Int) -> Int {
        var position = index
        if keys[position] == nil { position += 1 }  // the banner itself
        while position < lines.count, lines[position].trimmingBlanks().isEmpty { position += 1 }
        var sawHeader = false
        while position < lines.count {
            let line = lines[position]
            if keys[position] != nil {
                sawHeader = true
            } else if sawHeader, line.first == " " || line.first == "\t", !line.trimmingBlanks().isEmpty {
                // a wrapped header value
            } else {
                break
            }
            position += 1
        }
        if position < lines.count, lines[position].trimmingBlanks().isEmpty { position += 1 }
        return position
    }

    /// Whether the header lines of a forwarded message (from `index`, its
    /// banner, to `end`) name a sender at one of `domains`: the company's own
    /// earlier mail, which the person passes on but does not write.
    static func forwardIsFrom(_ domains: Set<String>, lines: [String], keys: [String?], from index: Int, to end: Int) -> Bool {
        guard !domains.isEmpty else { return false }
        for offset in index..<min(end, lines.count) {
            guard let key = keys[offset], fromKeys.contains(key) else { continue }
            let line = lines[offset].lowercasedByScalar()
            return domains.contains { line.containsAddress(at: $0) }
        }
        return false
    }

    /// A cheap test that rules out most lines: every marker has a colon,
    /// starts with a banner character, or starts like an attribution.
    private static func mayStartMarker(_ trimmed: String, first: Unicode.Scalar) -> Bool {
        if first == "-" || first == "_" || first == "=" || first == "*" { return true }
        if trimmed.containsByte(UInt8(ascii: ":")) { return true }
        // An ASCII start is read on bytes; anything else as Characters.
        let head = trimmed.utf8.prefix(13)
        if head.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            let lower = head.prefix(12).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            return asciiAttributionPrefixes.contains { lower.starts(with: $0) } || lower.contains { $0 >= 0x30 && $0 <= 0x39 }
        }
        return startsLikeAttribution(trimmed.prefix(12).lowercasedByScalar())
    }

    /// "-----Original Message-----", "---------- Forwarded message ----------"
    /// and their translations.
    private static func bannerKind(_ lower: String) -> Marker? {
        guard lower.hasPrefix("--") || lower.hasPrefix("__") || lower.hasPrefix("==") || lower.hasPrefix("**") else { return nil }
        let core = lower.trimmingScalars(in: "-_=* \t")
        if replyBanners.contains(core) { return .reply(lines: 1) }
        if forwardBanners.contains(core) { return .forward }
        return nil
    }

    private static let forwardBanners: Set<String> = [
        "forwarded message", "videresendt melding", "vidaresendt melding", "weitergeleitete nachricht",
        "videresendt meddelelse", "videresendt besked", "vidarebefordrat meddelande", "message transféré",
        "mensaje reenviado", "doorgestuurd bericht", "forwarded message follows",
    ]

    /// Subject keys of header blocks and the forward prefixes of their values.
    private static let subjectKeys: Set<String> = ["subject", "emne", "ämne", "betreff", "objet", "onderwerp", "oggetto", "asunto"]
    private static let forwardPrefixes = ["fw:", "fwd:", "vs:", "wg:", "tr:", "vb:", "enc:", "doorst:", "fv:"]

    private static func blockSubjectIsForward(_ lines: [String], keys: [String?], at index: Int) -> Bool {
        var offset = index + 1
        while offset < lines.count && offset <= index + 6 {
            if let key = keys[offset], subjectKeys.contains(key), let colon = lines[offset].firstIndex(of: ":") {
                let value = lines[offset][lines[offset].index(after: colon)...]
                    .drop(while: { $0 == " " || $0 == "*" }).prefix(10).lowercasedByScalar()
                return forwardPrefixes.contains { value.hasPrefix($0) }
            }
            offset += 1
        }
        return false
    }

    private static let replyBanners: Set<String> = [
        "original message", "opprinnelig melding", "opphavleg melding", "ursprüngliche nachricht",
        "originalmeddelelse", "oprindelig meddelelse", "ursprungligt meddelande", "message d'origine",
        "mensaje original", "mensagem original", "messaggio originale", "oorspronkelijk bericht",
        "alkuperäinen viesti", "original-nachricht", "reply message", "svar", "original",
    ]

    /// Apple Mail and others: "Begin forwarded message:".
    private static let forwardIntros = [
        "begin forwarded message", "start på videresendt melding", "videresendt melding:",
        "videresendt e-post:", "början på vidarebefordrat brev", "vidarebefordrat brev:",
        "start på videresendt besked", "videresendt besked:", "anfang der weitergeleiteten nachricht",
        "weitergeleitete nachricht:", "début du message réexpédié",
    ]

    private static func isForwardIntro(_ lower: String) -> Bool {
        lower.utf8.count < 120 && forwardIntroPhrases.anyPrefix(of: lower)
    }

    private static let forwardIntroPhrases = UTF8Phrases(forwardIntros)

    private static let fromKeys: Set<String> = ["from", "fra", "frå", "från", "von", "de", "van", "da", "od", "lähettäjä"]
    private static let otherKeys: Set<String> = [
        "sent", "sendt", "skickat", "gesendet", "date", "dato", "datum", "to", "til", "till", "an",
        "subject", "emne", "ämne", "betreff", "envoyé", "objet", "cc", "kopi", "kopia", "sent at", "reply-to",
        "à", "onderwerp", "verzonden", "aan", "oggetto", "inviato", "asunto", "enviado", "para",
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
        // Most lines hold no colon at all.
        guard line.containsByte(UInt8(ascii: ":")) else { return nil }
        if let key = asciiHeaderKey(line) { return key }
        return characterHeaderKey(line)
    }

    /// `headerKey` read by Characters, for any line.
    static func characterHeaderKey(_ line: String) -> String? {
        let head = line.prefix(24).drop(while: { $0 == " " || $0 == "\t" || $0 == "*" })
        guard let colon = head.firstIndex(of: ":") else { return nil }
        var key = head[..<colon]
        while let last = key.last, last == "*" || last == " " { key = key.dropLast() }
        guard !key.isEmpty, key.count <= 12, !key.contains(where: { $0.isNumberFast }) else { return nil }
        return key.lowercasedByScalar()
    }

    /// `headerKey` on bytes, for a line whose first 25 bytes are ASCII
    /// other than CR (each then a Character of its own, the 24 looked at
    /// and the one after them); `.some(nil)` for no key, nil to ask Characters.
    private static func asciiHeaderKey(_ line: String) -> String?? {
        var line = line
        return line.withUTF8 { bytes -> String?? in
            let head = UnsafeBufferPointer(rebasing: bytes.prefix(24))
            guard !bytes.prefix(25).contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) else { return nil }
            var start = 0
            while start < head.count, head[start] == 0x20 || head[start] == 0x09 || head[start] == UInt8(ascii: "*") { start += 1 }
            guard let colon = head[start...].firstIndex(of: UInt8(ascii: ":")) else { return .some(nil) }
            var end = colon
            while end > start, head[end - 1] == UInt8(ascii: "*") || head[end - 1] == 0x20 { end -= 1 }
            let key = UnsafeBufferPointer(rebasing: head[start..<end])
            guard !key.isEmpty, key.count <= 12, !key.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return .some(nil) }
            return .some(String(decoding: key.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self))
        }
    }

    private static let attributionPrefixes = ["on ", "den ", "am ", "le ", "el ", "op ", "il ", "em ", "på ", "d. ", "dne "]
    private static let asciiAttributionPrefixes = attributionPrefixes.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
    private static let attributionVerbs = [" wrote", " skrev", " skreiv", " schrieb", " skrivit", " a écrit", " escribió",
                                           " scrisse", " schreef", " kirjoitti", " napisał", " írta", " escreveu"]

    private static func startsLikeAttribution(_ lower: String) -> Bool {
        attributionPhrases.anyPrefix(of: lower) || startsWithNumber(lower)
    }

    private static let attributionPhrases = UTF8Phrases(attributionPrefixes)

    /// Whether a number stands among the first 12 characters. ASCII ones are
    /// read on bytes; from the first other byte on, as Characters.
    private static func startsWithNumber(_ lower: String) -> Bool {
        var seen = 0
        for byte in lower.utf8 {
            guard seen < 12 else { return false }
            guard byte < 0x80 && byte != UInt8(ascii: "\r") else {
                return lower.prefix(12).contains(where: { $0.isNumberFast })
            }
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return true }
            seen += 1
        }
        return false
    }

    /// "On Mon, 4 Mar 2024 at 09:15, Name <a@b> wrote:", "Den 4. mars 2024
    /// kl. 09:15 skrev Name <a@b>:", "Am 04.03.2024 um 09:15 schrieb Name:".
    /// Mail programs write a time or an address into it; a letter's own
    /// "Den 3. mars skrev jeg til dere:" has neither and is not cut.
    private static func isAttribution(_ lower: String, next: () -> String?) -> Bool {
        guard lower.endsWithByte(UInt8(ascii: ":")), lower.utf8.count <= 600,
              attributionVerbs.contains(where: { lower.containsBytes($0) }) else { return false }
        if next()?.startsWithByte(UInt8(ascii: ">")) ?? false { return true }
        let hasTimeOrAddress = lower.utf8.contains(UInt8(ascii: "@")) || containsClockTime(lower)
        return hasTimeOrAddress && startsLikeAttribution(lower)
    }

    /// A time such as "9:15", "09.15" or "21:05:33".
    private static func containsClockTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4 else { return false }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        for index in 1..<(bytes.count - 2) where bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: ".") {
            // Not the day and month of "04.03.2024".
            let after = index + 3 >= bytes.count || !(isDigit(bytes[index + 3]) || bytes[index + 3] == UInt8(ascii: "."))
            if isDigit(bytes[index - 1]) && isDigit(bytes[index + 1]) && isDigit(bytes[index + 2]) && after {
                return true
            }
        }
        return false
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
        // On bytes: the marks are ASCII, and a mark with a combining mark after it is neither.
        trimmed.utf8.allSatisfy { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "*") }
    }

    /// "Sent from my iPhone", "Sendt fra min iPhone", "Von meinem iPhone
    /// gesendet", "Get Outlook for iOS" and similar one-line tags.
    static func isMobileSignature(_ trimmed: String) -> Bool {
        guard trimmed.utf8.count < 120, let first = trimmed.utf8.first, mobileFirstBytes[Int(first)] else { return false }
        let lower = trimmed.lowercasedByScalar()
        if mobilePhrases.anyPrefix(of: lower) { return true }
        return lower.hasPrefixBytes("von meinem ") && lower.containsBytes("gesendet")
    }

    /// Per byte, whether a tag may start with it.
    private static let mobileFirstBytes: [Bool] = (0..<256).map { "sShHgGvVeEiI".utf8.contains(UInt8($0)) }
    private static let mobilePhrases = UTF8Phrases(mobilePrefixes)

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
