import Foundation
import MailCore

/// A sentence as whitespace-separated words, original and folded (lowercase,
/// surrounding punctuation and quotes trimmed), with the field names found.
struct SentenceWords {
    let original: [String]
    let folded: [String]
    /// Where field names stand; whole-name words ("name", "navn") count as last name.
    let fieldPositions: [(index: Int, field: RectificationField, whole: Bool)]

    /// A field prefix: its field, the field's place in
    /// `RectificationVocabulary.fieldPrefixes` (the first wins), and where
    /// its bytes stand in `prefixBytes`. Plain values, so that checking a
    /// word against them counts no references.
    private struct FieldPrefix {
        let field: RectificationField
        let order: Int
        let start: Int
        let length: Int
    }

    /// Every field prefix's UTF-8 bytes, one after another.
    private static let prefixBytes: [UInt8] = RectificationVocabulary.fieldPrefixes.flatMap { $0.1.flatMap(\.utf8) }

    /// Field prefixes by their first byte, so a word is checked against a
    /// few (a superset of those sharing its first character; `firstField`
    /// compares whole prefixes).
    private static let prefixesByFirstByte: [[FieldPrefix]] = {
        var table = [[FieldPrefix]](repeating: [], count: 256)
        var start = 0
        for (field, prefixes) in RectificationVocabulary.fieldPrefixes {
            let order = RectificationVocabulary.fieldPrefixes.firstIndex { $0.0 == field } ?? 0
            for prefix in prefixes {
                let length = prefix.utf8.count
                if let first = prefix.utf8.first { table[Int(first)].append(FieldPrefix(field: field, order: order, start: start, length: length)) }
                start += length
            }
        }
        return table
    }()

    /// `RectificationVocabulary.twoWordFields`, asked about every word.
    private static let twoWordFields = WordTable(RectificationVocabulary.twoWordFields)

    /// Letters, digits, "+" and "@" stay; other characters at either end go.
    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "+" || scalar == "@" { return true }
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 97 && value <= 122) || (value >= 65 && value <= 90) || (value >= 48 && value <= 57)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Lowercased, with punctuation and quotes trimmed from both ends.
    static func trim(_ word: String) -> String {
        let scalars = word.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, !(keeps(first) && keeps(last)) else { return word }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end && !keeps(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            if keeps(scalars[before]) { break }
            end = before
        }
        return String(scalars[start..<end])
    }

    init(_ text: String) {
        original = Self.words(of: text)
        let folded = original.map(Self.fold)
        self.folded = folded
        var positions: [(index: Int, field: RectificationField, whole: Bool)] = []
        for (index, word) in folded.enumerated() {
            let bare = Self.withoutColon(word)
            if index + 1 < folded.count,
               let second = Self.twoWordFields.value(of: bare)?[Self.withoutColon(folded[index + 1])] {
                positions.append((index + 1, second, false))
                continue
            }
            if RectificationVocabulary.nameWords.contains(bare) {
                if index > 0, Self.twoWordFields.value(of: folded[index - 1])?[bare] != nil { continue }
                positions.append((index, .lastName, true))
                continue
            }
            if let first = bare.utf8.first, case let candidates = Self.prefixesByFirstByte[Int(first)], !candidates.isEmpty,
               let field = Self.firstField(bare, among: candidates) {
                // "email address", "phone number": the second word names no other field.
                if let last = positions.last, last.index == index - 1, last.field == .email || last.field == .phone { continue }
                positions.append((index, field, false))
            }
        }
        fieldPositions = positions
    }

    var isEmpty: Bool { original.isEmpty }

    /// The text split at spaces, tabs and other white space, read on bytes
    /// (a scalar that is no ASCII byte is decoded and asked).
    static func words(of text: String) -> [String] {
        UTF8Bytes.split(text, omittingEmpty: true) { bytes, index in
            let byte = bytes[index]
            if byte < 0x80 { return byte == 0x20 || byte == 0x09 ? 1 : 0 }
            // A lead byte starts a scalar; continuation bytes start none.
            guard byte >= 0xC0 else { return 0 }
            let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
            return scalar.properties.isWhitespace ? length : 0
        }
    }

    /// Lowercased, with punctuation and quotes trimmed from both ends (a
    /// closing colon kept): ASCII words on bytes, others by scalar.
    private static func fold(_ word: String) -> String {
        let ascii: String?? = word.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var end = bytes.count
            let colon = end > 0 && bytes[end - 1] == UInt8(ascii: ":")
            if colon { end -= 1 }
            var start = 0
            while start < end && !keeps(bytes[start]) { start += 1 }
            while end > start && !keeps(bytes[end - 1]) { end -= 1 }
            var folded = String(unsafeUninitializedCapacity: end - start + (colon ? 1 : 0)) { buffer in
                for offset in start..<end {
                    let byte = bytes[offset]
                    buffer[offset - start] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                }
                return end - start
            }
            if colon { folded.append(":") }
            return folded
        }
        if let ascii, let folded = ascii { return folded }
        let lowered = word.lowercasedByScalar()
        return lowered.endsWithByte(UInt8(ascii: ":")) ? trim(String(lowered.dropLast())) + ":" : trim(lowered)
    }

    /// An ASCII byte that `keeps(_: Unicode.Scalar)` keeps.
    private static func keeps(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "+") || byte == UInt8(ascii: "@")
            || (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
    }

    /// The folded word without its closing colon.
    private static func withoutColon(_ word: String) -> String {
        guard word.utf8.last == UInt8(ascii: ":") else { return word }
        // An ASCII word's last Character is its last byte.
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: word.utf8.dropLast(), as: UTF8.self) }
        return word.endsWithByte(UInt8(ascii: ":")) ? String(word.dropLast()) : word
    }

    /// The field of the first listed prefix the word starts with (list order
    /// matters: e-mail before address).
    private static func firstField(_ word: String, among candidates: [FieldPrefix]) -> RectificationField? {
        var word = word
        return word.withUTF8 { bytes in
            prefixBytes.withUnsafeBufferPointer { prefixes in
                var best: (order: Int, field: RectificationField)?
                for candidate in candidates where candidate.length <= bytes.count
                    && UTF8Bytes.hasPrefix(bytes, UnsafeBufferPointer(rebasing: prefixes[candidate.start..<(candidate.start + candidate.length)])) {
                    if best == nil || candidate.order < best?.order ?? 0 { best = (candidate.order, candidate.field) }
                }
                return best?.field
            }
        }
    }

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
        folded.contains { word in prefixes.contains { word.hasPrefixBytes($0) } }
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
