import Foundation

/// Splits a mail body into sentences.
///
/// Mail wraps lines at arbitrary places, so lines of a paragraph are joined;
/// a new sentence starts after `.`, `!` or `?` followed by a space, at a blank
/// line, at a list item, and after a short line followed by a capitalised
/// one (a greeting, a heading or a `Field: value` line).
enum SentenceSplitter {
    /// Lines shorter than this end their sentence (greetings, headings, form lines).
    static let shortLine = 45
    /// Bound on the number of sentences looked at, so huge bodies stay cheap.
    static let maxSentences = 400

    static func split(_ body: String) -> [String] {
        var sentences: [String] = []
        var paragraph = ""
        func flush() {
            if !paragraph.isEmpty {
                splitParagraph(paragraph, into: &sentences)
                paragraph = ""
            }
        }
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        for (number, line) in lines.enumerated() {
            if sentences.count >= maxSentences { break }
            if line.isEmpty {
                flush()
                continue
            }
            if isListItem(line) { flush() }
            paragraph += paragraph.isEmpty ? line : " " + line
            let next = number + 1 < lines.count ? lines[number + 1] : ""
            if endsSentence(line, next: next) { flush() }
        }
        flush()
        return sentences
    }

    /// A line ends its sentence when it ends with a stop or a colon, or when
    /// the next line starts anew (capital, digit, bullet) after a short line
    /// or a comma ("Hello,", "Name: Kari", "Thanks,").
    private static func endsSentence(_ line: String, next: String) -> Bool {
        guard let last = line.last else { return true }
        if ".!?:".contains(last) { return true }
        guard let first = next.first else { return true }
        let startsAnew = first.isUppercase || first.isNumber || isListItem(next) || !first.isLetter
        return startsAnew && (line.count < shortLine || ",;".contains(last))
    }

    private static func isListItem(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if first == "-" || first == "*" || first == "\u{2022}" { return true }
        if first.isNumber, let dot = line.firstIndex(where: { !$0.isNumber }) {
            return line[dot] == "." || line[dot] == ")"
        }
        return false
    }

    private static func splitParagraph(_ paragraph: String, into sentences: inout [String]) {
        let characters = Array(paragraph)
        var current = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            current.append(character)
            if isSentenceEnd(characters, at: index) {
                append(current, to: &sentences)
                current = ""
            }
            index += 1
        }
        append(current, to: &sentences)
    }

    /// A stop ends a sentence when a space and a non-digit follow, and the
    /// word before it is no common abbreviation ("Art. 15", "z. B.", "ca. 3").
    private static func isSentenceEnd(_ characters: [Character], at index: Int) -> Bool {
        let character = characters[index]
        guard character == "." || character == "!" || character == "?" else { return false }
        guard index + 2 < characters.count, characters[index + 1] == " " else { return false }
        let following = characters[index + 2]
        if following.isNumber || following.isLowercase { return false }
        if character != "." { return true }
        var start = index
        while start > 0 && characters[start - 1].isLetter { start -= 1 }
        if start == index && index > 0 && ")\"'\u{201D}\u{00BB}".contains(characters[index - 1]) { return true }
        if start == index {
            // After a number: "…is 934 56 780. Can you…" ends, "1. Februar" does not.
            var digitStart = index
            while digitStart > 0 && characters[digitStart - 1].isNumber { digitStart -= 1 }
            return index - digitStart >= 3
        }
        let word = String(characters[start..<index]).lowercased()
        return word.count > 1 && !abbreviations.contains(word)
    }

    private static let abbreviations: Set<String> = [
        "art", "nr", "no", "ca", "bzw", "vgl", "ggf", "inkl", "jf", "jfr", "evt", "bl", "dvs",
        "mr", "mrs", "ms", "dr", "st", "abs", "lit", "ziff", "tel", "tlf", "mob", "ref", "osv",
        "ie", "f", "s", "z", "d", "h", "u", "resp", "mm", "fx", "pga", "ang",
    ]

    private static func append(_ sentence: String, to sentences: inout [String]) {
        let trimmed = sentence.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty && sentences.count < maxSentences { sentences.append(trimmed) }
    }
}
