/// Message-IDs for outgoing mail, returned without angle brackets (they are
/// written as `<token@domain>`), the form `ParsedMessage` uses, so bounces
/// and replies can be matched by plain comparison.
///
/// Every id is 160 random bits from the system's secure generator and is
/// stored with the message it names: an id is never derived from the
/// request's reference or anything else a stranger could know, so nobody can
/// forge a reply "to" or a bounce "of" a message they have not seen. A
/// message sent again after an unknown outcome keeps its stored id.
public enum MessageIDGenerator {
    /// Random bits per id (32 base32 symbols).
    public static let randomBits = 160

    /// A new id under `domain`.
    public static func random(domain: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return random(domain: domain, using: &generator)
    }

    /// A new id from `generator` (tests pass a seeded one).
    public static func random<Generator: RandomNumberGenerator>(domain: String, using generator: inout Generator) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var token = ""
        for _ in 0..<(randomBits / 40) {
            var word = generator.next() & 0xFF_FFFF_FFFF
            for _ in 0..<8 {
                token.append(alphabet[Int(word & 31)])
                word >>= 5
            }
        }
        return "\(token)@\(cleanDomain(domain))"
    }

    /// Lowercased, only letters, digits, dots and hyphens; "localhost" when empty.
    private static func cleanDomain(_ domain: String) -> String {
        let allowed = domain.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        return allowed.isEmpty ? "localhost" : allowed
    }
}
