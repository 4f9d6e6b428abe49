import Foundation

/// Message-IDs for outgoing mail, returned without angle brackets (they are
/// written as `<token@domain>`), the form `ParsedMessage` uses, so bounces
/// and replies can be matched by plain comparison.
public enum MessageIDGenerator {
    /// The same key and domain always give the same id, so a message that
    /// is sent again after an unknown outcome keeps its Message-ID. The key
    /// should name the message's purpose, e.g. a request id and reply kind;
    /// it is hashed, never shown.
    public static func stable(key: String, domain: String) -> String {
        let bytes = Array(key.utf8)
        let high = fnv1a(bytes, basis: 0xCBF2_9CE4_8422_2325)
        let low = fnv1a(bytes, basis: 0x84222325_CBF29CE4 ^ UInt64(bytes.count))
        return "\(base32(high))\(base32(low))@\(cleanDomain(domain))"
    }

    /// A new random id.
    public static func unique(domain: String) -> String {
        let token = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return "\(token)@\(cleanDomain(domain))"
    }

    private static func fnv1a(_ bytes: [UInt8], basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        // Final avalanche so that similar keys give unrelated tokens.
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }

    private static func base32(_ value: UInt64) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var output = ""
        var rest = value
        for _ in 0..<13 {
            output.append(alphabet[Int(rest & 31)])
            rest >>= 5
        }
        return output
    }

    /// Lowercased, only letters, digits, dots and hyphens; "localhost" when empty.
    private static func cleanDomain(_ domain: String) -> String {
        let allowed = domain.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        return allowed.isEmpty ? "localhost" : allowed
    }
}
