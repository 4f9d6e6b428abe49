/// Replies whose new text only points down ("See below.", "se nedenfor",
/// "siehe unten"): the person's words stand between the lines they quote,
/// either as unquoted lines among `>` lines or as bracketed notes in an
/// unprefixed Outlook original ("[AV: This is wrong …]").
enum BelowPointer {
    /// Folded cues, in the six languages dsrd reads.
    static let cues = [
        "see below", "see my question below", "see my comments below", "see my answer below", "see inline", "see comments below",
        "comments inline", "answers inline", "se nedenfor", "se under", "sjå nedanfor", "sjå under", "se nedan", "se nedenunder",
        "se svar nedenfor", "se mine kommentarer", "siehe unten", "siehe weiter unten", "meine antwort unten", "se nedan för",
        "se længere nede", "se svar nedan", "svar nedenfor", "kommentarer nedenfor",
    ]

    /// Words of a note that forwards someone's mail ("Videresender på vegne
    /// af min kone"), folded.
    static let forwardCues = [
        "forwarding", "i forward", "i am forwarding", "forwarded", "videresender", "videresendt", "vidaresender",
        "sender videre", "sendar vidare", "skickar vidare", "vidarebefordrar", "videresendte", "leite ich weiter",
        "weitergeleitet", "weiterleitung", "leite weiter",
    ]

    /// The own text above a quote, read once for all the questions asked
    /// of it: nil when it is longer than a pointer or a note can be.
    struct Note {
        /// The text lowercased, every run of non-letters one space, with a space at each end.
        private let squeezed: String

        init?(_ kept: [String]) {
            // Words counted line by line first: a long letter is no pointer, whatever it says.
            var words = 0
            for line in kept {
                words += line.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
                if words > maximumWords { return nil }
            }
            // Letters kept, every run of anything else one space, in one pass.
            let text = kept.joined(separator: " ").lowercasedByScalar()
            var bytes: [UInt8] = [UInt8(ascii: " ")]
            bytes.reserveCapacity(text.utf8.count + 2)
            var sawLetter = false
            for scalar in text.unicodeScalars {
                let value = scalar.value
                let isLetter = scalar.isASCII
                    ? (value >= 97 && value <= 122) || (value >= 65 && value <= 90)
                    : scalar.properties.isAlphabetic
                if isLetter {
                    UTF8.encode(scalar) { bytes.append($0) }
                    sawLetter = true
                } else if bytes.last != UInt8(ascii: " ") {
                    bytes.append(UInt8(ascii: " "))
                }
            }
            // No letters at all: the two spaces the split and join gave.
            if bytes.last != UInt8(ascii: " ") || !sawLetter { bytes.append(UInt8(ascii: " ")) }
            squeezed = String(decoding: bytes, as: UTF8.self)
        }

        func contains(anyOf phrases: [String]) -> Bool {
            phrases.contains { squeezed.containsBytes(" \($0) ") }
        }

        /// Whether the short text above an "Original Message" block forwards it.
        var isForwardNote: Bool { contains(anyOf: forwardCues) }
        var isResend: Bool { contains(anyOf: resendCues) && !contains(anyOf: withdrawalCues) }
        var isPointer: Bool { contains(anyOf: cues) || isResend }
    }


    /// "I sent the message below on 3 March and had no reply": a reminder
    /// above the person's own earlier request, which is read whole.
    static let resendCues = [
        "message below", "mail below", "email below", "e mail below", "request below", "meldingen nedenfor", "mailen nedenfor",
        "e posten nedenfor", "henvendelsen nedenfor", "meldinga nedanfor", "mailen nedan", "meddelandet nedan",
        "beskeden nedenfor", "nachricht unten", "mail unten", "anfrage unten", "e mail unten", "untenstehende",
    ]

    /// "Please ignore my e-mail below": a withdrawal points down too, and
    /// what it points at is taken back, not read.
    static let withdrawalCues = [
        "ignore", "disregard", "never mind", "changed my mind", "glem", "ignorer", "se bort fra", "ombestemt", "gløym",
        "strunta", "bortse", "ångrat", "fortrudt", "ignorieren", "vergessen sie", "anders überlegt",
    ]


    /// At most this many words of own text: a pointer is a line, not a letter.
    static let maximumWords = 60


    /// The person's own lines below `start`: unquoted lines between `>`
    /// lines, or, when the original is not quoted with `>`, bracketed notes
    /// and what follows a separator line ("--", "---") after the original.
    static func ownLines(_ lines: [String], keys: [String?], after start: Int, resend: Bool = false) -> [String] {
        let rest = lines[min(start, lines.count)...]
        let quoted = rest.contains { $0.trimmingBlanks().hasPrefix(">") }
        if resend && !quoted {
            // An Outlook "Original Message" block: its header lines, then the earlier request.
            var first = rest.startIndex
            while first < rest.endIndex && (keys[first] != nil || rest[first].trimmingBlanks().isEmpty) { first += 1 }
            let body = rest[first...].map { $0.trimmingBlanks() }.prefix { $0 != "--" }
            return body.isEmpty ? [] : [""] + body
        }
        var own: [String] = []
        var inNote = false
        var index = rest.startIndex
        while index < rest.endIndex {
            let trimmed = rest[index].trimmingBlanks()
            index += 1
            if quoted {
                if trimmed == "--" { break }
                if trimmed.hasPrefix(">") {
                    // A reminder's own earlier request, quoted, is read.
                    if resend { own.append(String(trimmed.drop { $0 == ">" || $0 == " " })) }
                    continue
                }
                if QuoteMarkers.marker(lines, keys: keys, at: index - 1) != nil { break }
                own.append(trimmed)
            } else if !trimmed.isEmpty && QuoteMarkers.isSeparator(trimmed) {
                own += rest[index...].map { $0.trimmingBlanks() }.prefix { $0 != "--" }
                break
            } else {
                if trimmed.hasPrefix("[") { inNote = true }
                if inNote { own.append(trimmed.hasPrefix("[") ? String(trimmed.dropFirst()) : trimmed) }
                if trimmed.hasSuffix("]") && inNote {
                    inNote = false
                    if let last = own.popLast() { own.append(String(last.dropLast())) }
                }
            }
        }
        return own.isEmpty ? [] : [""] + own
    }
}
