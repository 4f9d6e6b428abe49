import Foundation
import MailCore

/// "joined Halden Grid AS as Head of Data Platforms", "begynt i Nordlys
/// Analyse AS som prosjektleder", "bei Skagerrak Analytics AS, dort als Head
/// of Data": a company's name (ending in AS, AB, GmbH…) and, after "as",
/// "som" or "als", the title held there.
extension RectificationExtractor {
    static func organizationWithTitle(_ sentences: [Sentence]) -> (organization: String, title: String)? {
        for sentence in sentences where !sentence.isSubject {
            if sentence.tokens.contains(where: signOffs.contains) { break }
            guard namesCompanyThenAs(sentence.tokens) else { continue }
            let words = SentenceWords(sentence.text).original
            for index in words.indices.dropFirst() {
                let suffix = words[index].trimmingScalars(in: punctuation)
                guard suffix.first?.isUppercase == true, RectificationVocabulary.companySuffixes.contains(suffix.lowercased()) else { continue }
                var next = index + 1
                if words[index].endsWithByte(UInt8(ascii: ",")), next < words.count, thereWords.contains(words[next].lowercased()) { next += 1 }
                guard next + 1 < words.count, RectificationVocabulary.asWords.contains(words[next].lowercased()),
                      !words[index].endsWithByte(UInt8(ascii: ".")), let title = title(words, from: next + 1) else { continue }
                var start = index
                while start > 0, isNameWord(words[start - 1]) { start -= 1 }
                guard start < index else { continue }
                let organization = words[start...index].joined(separator: " ").trimmingScalars(in: punctuation)
                return (organization, title)
            }
        }
        return nil
    }

    /// "nicht mehr bei A, sondern bei der B GmbH", "ikke lenger i A, men i
    /// B", "inte längre på A utan på B": the employer after the contrast.
    static func organizationAfterNoLonger(_ sentences: [Sentence]) -> String? {
        for sentence in sentences where !sentence.isSubject {
            if sentence.tokens.contains(where: signOffs.contains) { break }
            let tokens = sentence.tokens
            guard let longer = tokens.indices.first(where: { isNoLonger(tokens, at: $0) }),
                  tokens.indices.contains(where: { $0 > longer && $0 + 1 < tokens.count && contrastWords.contains(tokens[$0])
                      && RectificationVocabulary.workPrepositions.contains(tokens[$0 + 1]) }) else { continue }
            let words = SentenceWords(sentence.text).original
            for index in words.indices where index > longer && contrastWords.contains(words[index].lowercased().trimmingScalars(in: punctuation)) {
                var start = index + 1
                guard start < words.count, RectificationVocabulary.workPrepositions.contains(words[start].lowercased()) else { continue }
                start += 1
                if start < words.count, RectificationVocabulary.determiners.contains(words[start].lowercased()) { start += 1 }
                var end = start
                while end < words.count, isNameWord(words[end]) { end += 1 }
                // The last word may carry the stop: "… Grønnvik Kommunalteknikk AS."
                if end < words.count, words[end].first?.isUppercase == true { end += 1 }
                guard end > start else { continue }
                let organization = words[start..<end].joined(separator: " ").trimmingScalars(in: punctuation)
                if !organization.isEmpty { return organization }
            }
        }
        return nil
    }

    /// "no longer", "nicht mehr", "ikke lenger", "ikkje lenger", "inte längre", "ikke længere".
    static func isNoLonger(_ tokens: [String], at index: Int) -> Bool {
        // The "no" words have two to five bytes, checked before the sets are.
        index + 1 < tokens.count && (2...5).contains(tokens[index].utf8.count) && noWords.contains(tokens[index])
            && longerWords.contains(tokens[index + 1])
    }

    private static let noWords: WordSet = ["no", "nicht", "ikke", "ikkje", "inte", "not"]
    static let longerWords: WordSet = ["longer", "mehr", "lenger", "lengre", "längre", "længere", "lenge"]

    static let contrastWords: WordSet = ["sondern", "men", "utan", "but", "mens"]

    /// A company suffix right before "as"/"som"/"als" (or ", dort als"): a
    /// look at the folded tokens before the words are split out.
    private static func namesCompanyThenAs(_ tokens: [String]) -> Bool {
        // Suffixes have two to five bytes ("as", "gmbh", "inc."), checked before the set is.
        tokens.indices.dropLast().contains { index in
            guard (2...5).contains(tokens[index].utf8.count), RectificationVocabulary.companySuffixes.contains(tokens[index]) else { return false }
            var next = index + 1
            if tokens[next] == TextFolding.clauseBreak, next + 2 < tokens.count, thereWords.contains(tokens[next + 1]) { next += 2 }
            return RectificationVocabulary.asWords.contains(tokens[next])
        }
    }

    /// A lowercase title is one word ("prosjektleder", "seniorrådgjevar");
    /// a capitalised one runs over its capitalised words and the small words
    /// between them ("Head of Data Platforms", "Senior Project Manager").
    private static func title(_ words: [String], from start: Int) -> String? {
        let first = words[start].trimmingScalars(in: punctuation)
        guard let initial = first.first, initial.isLetterFast else { return nil }
        if initial.isLowercase {
            return first.count >= 4 && first.allSatisfy({ $0.isLetterFast || $0 == "-" }) ? first : nil
        }
        var parts = [first]
        var index = start
        while !endsClause(words[index]), index + 1 < words.count {
            let next = words[index + 1].trimmingScalars(in: punctuation)
            if next.first?.isUppercase == true {
                parts.append(next)
                index += 1
            } else if titleConnectors.contains(next), index + 2 < words.count,
                      words[index + 2].first?.isUppercase == true, !endsClause(words[index + 1]) {
                parts += [next, words[index + 2].trimmingScalars(in: punctuation)]
                index += 2
            } else {
                break
            }
        }
        return parts.count <= 6 ? parts.joined(separator: " ") : nil
    }

    private static func endsClause(_ word: String) -> Bool {
        word.last.map { ",.;:!?)".contains($0) } ?? false
    }

    private static func isNameWord(_ word: String) -> Bool {
        word == "&" || (word.first?.isUppercase == true && !endsClause(word))
    }

    private static let punctuation = ",.;:!?\"'«»()\u{201C}\u{201D}\u{201E}"
    private static let thereWords: WordSet = ["dort", "there", "der", "hvor", "där", "da", "dar", "kor"]
    private static let titleConnectors: WordSet = ["of", "for", "and", "&", "de", "für"]
}
