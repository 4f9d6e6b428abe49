import Hashing
import Testing

@Test func sha256KnownVectors() {
    #expect(SHA256.hash(Array("".utf8)).hexString == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hash(Array("abc".utf8)).hexString == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    #expect(SHA256.hash(Array(twoBlocks.utf8)).hexString == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(SHA256.hash(million).hexString == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
}

@Test func hmacSHA256RFC4231Vectors() {
    let key1 = [UInt8](repeating: 0x0b, count: 20)
    #expect(HMACSHA256.authenticationCode(key: key1, message: Array("Hi There".utf8)).hexString
        == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    #expect(HMACSHA256.authenticationCode(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)).hexString
        == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    // Key longer than the block: hashed first.
    let longKey = [UInt8](repeating: 0xaa, count: 131)
    #expect(HMACSHA256.authenticationCode(key: longKey, message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)).hexString
        == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
}
