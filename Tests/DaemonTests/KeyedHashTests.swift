import Hashing
import Testing
@testable import Daemon

@Test func personRefIsKeyedStableAndCaseInsensitive() {
    let key = Array("k1".utf8)
    let a = PersonRef(address: "Kari.Nordmann@Example.no", key: key)
    let b = PersonRef(address: " kari.nordmann@example.no ", key: key)
    let c = PersonRef(address: "kari.nordmann@example.no", key: Array("k2".utf8))
    #expect(a == b)
    #expect(a != c)
    #expect(a.value.hasPrefix("p-") && a.value.count == 18)
    #expect(!a.value.contains("kari"))
}

@Test func theSuppressionHashKeysOnTheCanonicalForm() {
    let key = Array("k1".utf8)
    // An ASCII address hashes as before: its trimmed lowercase form.
    #expect(AddressHash.hex(address: " Kari.Nordmann@Example.NO ", key: key)
        == HMACSHA256.authenticationCode(key: key, message: Array("kari.nordmann@example.no".utf8)).hexString)
    #expect(AddressHash.hex(address: "Kari@Blåbær.no", key: key) == AddressHash.hex(address: "kari@xn--blbr-roah.no", key: key))
    #expect(AddressHash.hex(address: "\u{212A}ari@example.no", key: key) != AddressHash.hex(address: "kari@example.no", key: key))
}
