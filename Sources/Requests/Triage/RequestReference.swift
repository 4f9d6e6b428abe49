/// The reference people quote: `DSR-2026-7KQ3M`. Five characters of
/// Crockford's base32 (no I, L, O, U) after the year: easy to read aloud and
/// to type, 33 million per year; uniqueness is the database's job.
public struct RequestReference: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    public init(year: Int, using generator: inout some RandomNumberGenerator) {
        let code = String((0..<5).map { _ in Self.alphabet[Int(generator.next() % 32)] })
        value = "DSR-\(year)-\(code)"
    }

    public init(year: Int) {
        var generator = SystemRandomNumberGenerator()
        self.init(year: year, using: &generator)
    }

    private init(checked value: String) {
        self.value = value
    }

    public var description: String { value }

    /// Every reference written in a text (any case), in order, without repeats.
    public static func all(in text: String) -> [RequestReference] {
        let bytes = Array(text.utf8)
        var found: [RequestReference] = []
        var index = 0
        // D S R - d d d d - c c c c c = 14 bytes
        while index + 14 <= bytes.count {
            if let reference = match(bytes, at: index) {
                if !found.contains(reference) { found.append(reference) }
                index += 14
            } else {
                index += 1
            }
        }
        return found
    }

    private static func match(_ bytes: [UInt8], at start: Int) -> RequestReference? {
        func upper(_ byte: UInt8) -> UInt8 { (byte >= 97 && byte <= 122) ? byte - 32 : byte }
        guard upper(bytes[start]) == UInt8(ascii: "D"), upper(bytes[start + 1]) == UInt8(ascii: "S"),
              upper(bytes[start + 2]) == UInt8(ascii: "R"), bytes[start + 3] == UInt8(ascii: "-"),
              bytes[start + 8] == UInt8(ascii: "-") else { return nil }
        if start > 0 {
            let before = bytes[start - 1]
            if (before >= 48 && before <= 57) || (upper(before) >= 65 && upper(before) <= 90) { return nil }
        }
        for offset in 4..<8 where !(bytes[start + offset] >= 48 && bytes[start + offset] <= 57) { return nil }
        var code = ""
        for offset in 9..<14 {
            let character = Character(Unicode.Scalar(upper(bytes[start + offset])))
            guard alphabet.contains(character) else { return nil }
            code.append(character)
        }
        if start + 14 < bytes.count {
            let after = upper(bytes[start + 14])
            if (after >= 48 && after <= 57) || (after >= 65 && after <= 90) { return nil }
        }
        let year = String(decoding: bytes[(start + 4)..<(start + 8)], as: UTF8.self)
        return RequestReference(checked: "DSR-\(year)-\(code)")
    }
}
