import Foundation

/// A sentence as whitespace-separated words, original and folded (lowercase,
/// surrounding punctuation and quotes trimmed), with the field names found.
struct SentenceWords {
    let original: [String]
    let folded: [String]
    /// Where field names stand; whole-name words ("name", "navn") count as last name.
    let fieldPositions: [(index: Int, field: RectificationField, whole: Bool)]

    static let trimmed = CharacterSet.punctuationCharacters.union(.symbols).union(.whitespaces)
        .subtracting(CharacterSet(charactersIn: "+@"))

    init(_ text: String) {
        original = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let folded = original.map { word -> String in
            var lowered = word.lowercased()
            if lowered.hasSuffix(":") { lowered = String(lowered.dropLast()).trimmingCharacters(in: Self.trimmed) + ":" }
            else { lowered = lowered.trimmingCharacters(in: Self.trimmed) }
            return lowered
        }
        self.folded = folded
        var positions: [(index: Int, field: RectificationField, whole: Bool)] = []
        for (index, word) in folded.enumerated() {
            let bare = word.hasSuffix(":") ? String(word.dropLast()) : word
            if index + 1 < folded.count,
               let second = RectificationVocabulary.twoWordFields[bare]?[folded[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: ":"))] {
                positions.append((index + 1, second, false))
                continue
            }
            if RectificationVocabulary.nameWords.contains(bare) {
                if index > 0, RectificationVocabulary.twoWordFields[folded[index - 1]] != nil { continue }
                positions.append((index, .lastName, true))
                continue
            }
            if let field = RectificationVocabulary.fieldPrefixes.first(where: { _, prefixes in
                prefixes.contains { bare.hasPrefix($0) }
            })?.0 {
                // "email address", "phone number": the second word names no other field.
                if let last = positions.last, last.index == index - 1, last.field == .email || last.field == .phone { continue }
                positions.append((index, field, false))
            }
        }
        fieldPositions = positions
    }

    var isEmpty: Bool { original.isEmpty }

    /// The nearest field named before `index`.
    func field(before index: Int) -> RectificationField? {
        fieldPositions.last { $0.index < index }?.field
    }

    /// Whether the nearest field name before `index` is a whole-name word.
    func isWholeName(before index: Int) -> Bool {
        fieldPositions.last { $0.index < index }?.whole ?? false
    }

    /// A "new"/"correct" word up to four words before `index`.
    func newWord(before index: Int) -> Bool {
        let from = max(0, index - 4)
        return folded[from..<index].contains { RectificationVocabulary.newWords.contains($0) }
    }

    func containsPrefix(_ prefixes: [String]) -> Bool {
        folded.contains { word in prefixes.contains { word.hasPrefix($0) } }
    }

    /// Whether a cue ("correct is", "riktig er", "should be") follows `index`.
    func hasCue(after index: Int) -> Bool {
        guard index + 1 < folded.count else { return false }
        for position in (index + 1)..<folded.count {
            let word = folded[position]
            let previous = folded[position - 1]
            if RectificationVocabulary.isWords.contains(word) && RectificationVocabulary.newWords.contains(previous) { return true }
            if RectificationVocabulary.beWords.contains(word) && RectificationVocabulary.shouldWords.contains(previous) { return true }
            if RectificationVocabulary.toWords.contains(word) && folded[..<position].contains(where: { RectificationVocabulary.fromWords.contains($0) }) {
                return true
            }
        }
        return false
    }
}
