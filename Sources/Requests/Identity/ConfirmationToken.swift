import Hashing

/// The single-use secret of a confirmation message: 28 Crockford base32
/// symbols (140 random bits), written in groups of four
/// (`7KQ2-M9XD-…`) so mail clients neither wrap nor link it.
///
/// Only `hashed(_:)` is stored; the token itself exists in the
/// outgoing message alone and is never logged.
public struct ConfirmationToken: Sendable, Equatable {
    public static let symbolCount = 28
    public static let groupSize = 4
    public static let randomBits = symbolCount * 5

    /// The canonical symbols, without separators.
    public let symbols: String

    private init(symbols: String) {
        self.symbols = symbols
    }

    /// A new token. Pass a cryptographically secure generator
    /// (`SystemRandomNumberGenerator`); tests may pass a seeded one.
    ///
    /// A token always holds a digit, so prose (which has none) is never read
    /// as one: a draw without a digit (about 1 in 35,000) is drawn again.
    /// This removes far less than one bit of the 140.
    public static func generate<Generator: RandomNumberGenerator>(using generator: inout Generator) -> ConfirmationToken {
        var symbols = CrockfordBase32.randomSymbols(count: symbolCount, using: &generator)
        var attempts = 1
        while !symbols.contains(where: \.isNumber) {
            guard attempts < 16 else {
                // Only a broken generator gets here: make the first symbol a digit.
                let first = symbols.first?.asciiValue.map { Character(Unicode.Scalar(48 + $0 % 10)) } ?? "0"
                symbols = String(first) + symbols.dropFirst()
                break
            }
            symbols = CrockfordBase32.randomSymbols(count: symbolCount, using: &generator)
            attempts += 1
        }
        return ConfirmationToken(symbols: symbols)
    }

    /// A token as written (any case, with or without `-` or blanks), when it
    /// has exactly the right number of symbols.
    public init?(_ written: String) {
        guard let symbols = Self.normalized(written) else { return nil }
        self.symbols = symbols
    }

    /// The symbols in groups of four joined by `-`.
    public var displayed: String {
        var text = ""
        for (offset, symbol) in symbols.enumerated() {
            if offset > 0 && offset % Self.groupSize == 0 { text.append("-") }
            text.append(symbol)
        }
        return text
    }

    /// The canonical symbols of a written token: case folded, `O` → `0`,
    /// `I`/`L` → `1`, blanks and hyphens dropped. Nil when anything else is
    /// in it or the count is wrong.
    public static func normalized(_ written: String) -> String? {
        var symbols = ""
        for character in written {
            if character == "-" || character == " " || character == "\t" || character == "\u{2010}"
                || character == "\u{2011}" || character == "\u{2013}" { continue }
            guard let symbol = CrockfordBase32.canonical(character) else { return nil }
            symbols.append(symbol)
            if symbols.count > symbolCount { return nil }
        }
        return symbols.count == symbolCount ? symbols : nil
    }

    /// What is stored: the SHA-256 (lowercase hex) of the canonical
    /// symbols, so every way of writing one token gives the same value. A
    /// string that is no token is hashed as written.
    public static func hashed(_ token: String) -> String {
        sha256Hex(normalized(token) ?? token)
    }

    public func hashed() -> String {
        Self.sha256Hex(symbols)
    }

    private static func sha256Hex(_ text: String) -> String {
        SHA256.hash(Array(text.utf8)).hexString
    }

    /// Candidates looked at per text at most (a bound on look-ups for
    /// hostile mail).
    public static let maxCandidates = 20

    /// Token candidates written in a text, canonical and in order, each
    /// once, at most `maxCandidates`. Every token in the text is among them;
    /// a four-letter word next to a token can add an overlapping candidate,
    /// which matches no stored hash. See `ConfirmationTokenScanner`.
    public static func find(in text: String) -> [String] {
        ConfirmationTokenScanner.tokens(in: text, limit: maxCandidates)
    }
}
