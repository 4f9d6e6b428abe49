/// Crockford's base32: digits and upper-case letters without I, L, O and U,
/// so a token survives being read aloud, retyped, lower-cased or quoted.
/// Reading is forgiving: lower case is accepted, `O` reads as `0`, and `I`
/// and `L` read as `1`.
enum CrockfordBase32 {
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// The canonical symbol for a written character, or nil when it is none.
    static func canonical(_ character: Character) -> Character? {
        guard let ascii = character.asciiValue else { return nil }
        let upper = Character(Unicode.Scalar(ascii >= 97 && ascii <= 122 ? ascii - 32 : ascii))
        switch upper {
        case "O": return "0"
        case "I", "L": return "1"
        case "U": return nil
        default: return alphabet.contains(upper) ? upper : nil
        }
    }

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
