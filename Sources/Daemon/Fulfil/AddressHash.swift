/// The keyed hash that stands for an address on the suppression list and in
/// `dsr.holds`: HMAC-SHA256 (lowercase hex) of the trimmed, lowercased
/// address. Without the key it cannot be linked back to the address.
public enum AddressHash {
    public static func hex(address: String, key: [UInt8]) -> String {
        let normalized = Array(address.trimmingCharactersInWhitespace().lowercased().utf8)
        return HMACSHA256.authenticationCode(key: key, message: normalized).hexString
    }
}
