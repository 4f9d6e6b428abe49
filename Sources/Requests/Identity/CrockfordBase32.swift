/// Crockford's base32: digits and upper-case letters without I, L, O and U,
/// so a token survives being read aloud, retyped, lower-cased or quoted.
/// Reading is forgiving: lower case is accepted, `O` reads as `0`, and `I`
/// and `L` read as `1`.
enum CrockfordBase32 {
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// The canonical symbol for a written character, or nil when it is none.
    static func canonical(_ character: Character) -> Character? {
        guard let ascii = character.asciiValue, let symbol = canonical(ascii: ascii) else { return nil }
        return Character(Unicode.Scalar(symbol))
    }

    /// The canonical symbol (an ASCII code) for an ASCII code, or nil.
    static func canonical(ascii: UInt8) -> UInt8? {
        guard ascii < 128 else { return nil }
        let symbol = table[Int(ascii)]
        return symbol == 0 ? nil : symbol
    }

    /// ASCII code → canonical symbol code, 0 for "not a symbol".
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        for symbol in alphabet {
            guard let code = symbol.asciiValue else { continue }
            table[Int(code)] = code
            if symbol.isLetter { table[Int(code) + 32] = code }
        }
        for (written, meant) in [("O", "0"), ("I", "1"), ("L", "1")] {
            guard let from = Character(written).asciiValue, let to = Character(meant).asciiValue else { continue }
            table[Int(from)] = to
            table[Int(from) + 32] = to
        }
        return table
    }()

    /// Symbols for `count` five-bit groups taken from the random source.
    static func randomSymbols<Generator: RandomNumberGenerator>(count: Int, using generator: inout Generator) -> String {
        var symbols = ""
        var bits: UInt64 = 0
        var available = 0
        for _ in 0..<count {
            if available < 5 {
                bits = generator.next()
                available = 64
            }
            symbols.append(alphabet[Int(bits & 0x1F)])
            bits >>= 5
            available -= 5
        }
        return symbols
    }
}
