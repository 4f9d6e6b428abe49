import Hashing
import Requests

/// The keyed hash that stands for an address on the suppression list and in
/// `dsr.holds`: HMAC-SHA256 (lowercase hex) of the address's canonical form
/// (`AddressMatcher`, no alias stripped), so every spelling of one address
/// is one entry; text that is no address is hashed trimmed and lowercased.
/// For an ASCII address both are its lowercase form. Without the key the
/// hash cannot be linked back to the address.
public enum AddressHash {
    public static func hex(address: String, key: [UInt8]) -> String {
        let trimmed = address.trimmingCharactersInWhitespace()
        let normalized = Array((AddressMatcher().canonical(trimmed) ?? trimmed.lowercased()).utf8)
        return HMACSHA256.authenticationCode(key: key, message: normalized).hexString
    }
}
