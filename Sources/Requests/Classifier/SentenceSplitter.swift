import Foundation
import MailCore

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
        let lines = Self.lines(of: body).map { trimmedLine($0[...].unicodeScalars) }
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

    /// The text split at every "\n", "\r" and U+2028, on bytes (all three
    /// are scalars of their own, so this splits where the scalars would:
    /// grapheme breaking is slow, and "\r\n" is one Character).
    private static func lines(of text: String) -> [String] {
        UTF8Bytes.split(text, omittingEmpty: false) { bytes, index in
            switch bytes[index] {
            case 0x0A, 0x0D: 1
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA8: 3
            default: 0
            }
        }
    }

    /// A line ends its sentence when it ends with a stop or a colon, or when
    /// the next line starts anew (capital, digit, bullet) after a short line
    /// or a comma ("Hello,", "Name: Kari", "Thanks,").
    private static func endsSentence(_ line: String, next: String) -> Bool {
        guard let last = line.last else { return true }
        switch last {
        case ".", "!", "?", ":": return true
        default: break
        }
        guard let first = next.first else { return true }
        // "Nytt telefonnummer: +45 …" under "Ny adresse: …": each form line is its own.
        if isFormLine(next) { return true }
        let startsAnew = first.isUppercase || first.isNumberFast || isListItem(next) || !first.isLetterFast
        return startsAnew && (isShort(line) || last == "," || last == ";")
    }

    /// Fewer than `shortLine` Characters, counting no further than that.
    private static func isShort(_ line: String) -> Bool {
        line.utf8.count < shortLine || line.index(line.startIndex, offsetBy: shortLine, limitedBy: line.endIndex) == nil
    }

    /// "Label: value" or "Two words: value": one to three words, then a colon.
    private static func isFormLine(_ line: String) -> Bool {
        guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { return false }
        let label = line[..<colon]
        guard label.first?.isUppercase == true, label.count <= 30 else { return false }
        let words = label.split(separator: " ")
        return words.count <= 3 && words.allSatisfy { $0.allSatisfy { $0.isLetterFast || $0 == "-" } }
    }

    private static func isListItem(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if first == "-" || first == "*" || first == "\u{2022}" { return true }
        if first.isNumberFast, let dot = line.firstIndex(where: { !$0.isNumberFast }) {
            return line[dot] == "." || line[dot] == ")"
        }
        return false
    }

    /// A line without surrounding blanks.
    private static func trimmedLine(_ line: Substring.UnicodeScalarView) -> String {
        var start = line.startIndex
        var end = line.endIndex
        while start < end && isBlank(line[start]) { start = line.index(after: start) }
        while end > start && isBlank(line[line.index(before: end)]) { end = line.index(before: end) }
        return String(Substring(line[start..<end]))
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{A0}" || (!scalar.isASCII && scalar.properties.isWhitespace)
    }

    private static func splitParagraph(_ paragraph: String, into sentences: inout [String]) {
        var paragraph = paragraph
        paragraph.withUTF8 { bytes in
            // The scalars, decoded once, and where each ends in the bytes.
            var scalars: [Unicode.Scalar] = []
            var ends: [Int] = []
            scalars.reserveCapacity(bytes.count)
            ends.reserveCapacity(bytes.count)
            var offset = 0
            while offset < bytes.count {
                let (scalar, length) = bytes[offset] < 0x80
                    ? (Unicode.Scalar(bytes[offset]), 1) : UTF8Bytes.scalar(in: bytes, at: offset)
                scalars.append(scalar)
                offset += length
                ends.append(offset)
            }
            // Each sentence is a run of the bytes, from `start` to the end of the scalar that ends it.
            var start = 0
            for index in scalars.indices {
                let scalar = scalars[index]
                guard scalar == "." || scalar == "!" || scalar == "?", isSentenceEnd(scalars, at: index) else { continue }
                append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<ends[index]]), as: UTF8.self), to: &sentences)
                start = ends[index]
            }
            append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self), to: &sentences)
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value >= 97 && scalar.value <= 122) || (scalar.value >= 65 && scalar.value <= 90) }
        return scalar.properties.isAlphabetic
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 48 && scalar.value <= 57
    }

    /// A stop ends a sentence when a space and a non-digit follow; after a
    /// full stop the next word must be capitalised and the word before it no
    /// common abbreviation ("Art. 15", "z. B.", "ca. 3", "f.eks. noe").
    private static func isSentenceEnd(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        guard scalar == "." || scalar == "!" || scalar == "?" else { return false }
        guard index + 2 < scalars.count, scalars[index + 1] == " " else { return false }
        let following = scalars[index + 2]
        if isDigit(following) { return false }
        // "slett meg! vil ikke…": people who write in lowercase still end sentences.
        if scalar != "." { return true }
        if following.properties.isLowercase {
            // "…som jeg aldri har meldt meg på. hva slags info…": a word of
            // three letters or more that is no abbreviation ends the sentence.
            var start = index
            while start > 0 && isLetter(scalars[start - 1]) { start -= 1 }
            guard index - start >= 2 else { return false }
            return !abbreviations.contains(text(of: scalars[start..<index]).lowercasedByScalar()) && !(start > 0 && scalars[start - 1] == ".")
        }
        var start = index
        while start > 0 && isLetter(scalars[start - 1]) { start -= 1 }
        if start == index && index > 0 && ")\"'\u{201D}\u{00BB}".unicodeScalars.contains(scalars[index - 1]) { return true }
        if start == index {
            // After a number: "…is 934 56 780. Can you…" ends, "1. Februar" does not.
            var digitStart = index
            while digitStart > 0 && isDigit(scalars[digitStart - 1]) { digitStart -= 1 }
            return index - digitStart >= 3
        }
        // "…I prefer that you don't. Please destroy…": the letter after an
        // apostrophe ends a contraction, not an initial.
        if index - start == 1 && start > 0 && (scalars[start - 1] == "'" || scalars[start - 1] == "\u{2019}") { return true }
        let lowered = text(of: scalars[start..<index]).lowercasedByScalar()
        return scalars.distance(from: start, to: index) > 1 && !abbreviations.contains(lowered)
    }

    /// The scalars as a string, appended one by one (appending the slice at
    /// once goes through a slow generic path).
    private static func text(of scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        for scalar in scalars { text.unicodeScalars.append(scalar) }
        return text
    }

    private static let abbreviations: WordSet = [
        "art", "nr", "no", "ca", "bzw", "vgl", "ggf", "inkl", "jf", "jfr", "evt", "bl", "dvs",
        "mr", "mrs", "ms", "dr", "st", "abs", "lit", "ziff", "tel", "tlf", "mob", "ref", "osv",
        "ie", "f", "s", "z", "d", "h", "u", "resp", "mm", "fx", "pga", "ang",
    ]

    private static func append(_ sentence: String, to sentences: inout [String]) {
        let trimmed = trimmedLine(sentence[...].unicodeScalars)
        if !trimmed.isEmpty && sentences.count < maxSentences { sentences.append(trimmed) }
    }
}
