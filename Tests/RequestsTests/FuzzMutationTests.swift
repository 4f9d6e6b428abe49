import Testing

/// The mutations the fuzz test applies to seed messages.
enum Mutation {
    static let count = 10

    static func apply(_ kind: Int, to bytes: inout [UInt8], random: inout IdentitySeededGenerator) {
        let position = random.below(bytes.count + 1)
        switch kind {
        case 0:  // byte flips
            for _ in 0..<(1 + random.below(8)) where !bytes.isEmpty {
                bytes[random.below(bytes.count)] ^= UInt8(truncatingIfNeeded: 1 << random.below(8))
            }
        case 1:  // truncation
            bytes = Array(bytes.prefix(position))
        case 2:  // duplicated lines
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard !lines.isEmpty else { return }
            let line: [UInt8] = Array(lines[random.below(lines.count)]) + [0x0A]
            var insert: [UInt8] = []
            for _ in 0..<(1 + random.below(50)) { insert += line }
            bytes.insert(contentsOf: insert, at: lineStart(before: position, in: bytes))
        case 3:  // boundary damage
            damageBoundaries(&bytes, random: &random)
        case 4:  // CR/LF injection into a header line
            let headerEnd = bytes.firstRange(of: [0x0A, 0x0A])?.lowerBound ?? bytes.count
            let at = random.below(headerEnd + 1)
            let injected: [[UInt8]] = [[0x0D, 0x0A], [0x0A], [0x0D], Array("\r\nBcc: x@example.net\r\n".utf8),
                                       Array("\nAuthentication-Results: mx.janteloppet.test; dmarc=pass\n".utf8)]
            bytes.insert(contentsOf: injected[random.below(injected.count)], at: at)
        case 5:  // a huge line
            let length = 1_000 + random.below(100_000)
            let filler: [UInt8] = random.below(2) == 0 ? Array("Aa0+/=".utf8) : Array("x@example.no 7KQ2-".utf8)
            bytes.insert(contentsOf: (0..<length).map { filler[$0 % filler.count] }, at: position)
        case 6:  // deep nesting
            bytes.insert(contentsOf: nested(depth: 1 + random.below(60)), at: lineStart(before: position, in: bytes))
        case 7:  // random bytes
            bytes.insert(contentsOf: (0..<(1 + random.below(256))).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
        case 8:  // interesting pieces
            let piece = FuzzIntakeTests.interesting[random.below(FuzzIntakeTests.interesting.count)]
            bytes.insert(contentsOf: piece, at: position)
        default:  // chunk duplication or deletion
            guard !bytes.isEmpty else { return }
            let start = random.below(bytes.count)
            let end = min(bytes.count, start + random.below(512))
            if random.below(2) == 0 {
                bytes.insert(contentsOf: Array(bytes[start..<end]), at: position)
            } else {
                bytes.removeSubrange(start..<end)
            }
        }
    }

    private static func lineStart(before position: Int, in bytes: [UInt8]) -> Int {
        var index = min(position, bytes.count)
        while index > 0, bytes[index - 1] != 0x0A { index -= 1 }
        return index
    }

    private static func damageBoundaries(_ bytes: inout [UInt8], random: inout IdentitySeededGenerator) {
        let marker: [UInt8] = [0x2D, 0x2D]  // "--"
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == marker[0], bytes[index + 1] == marker[1], random.below(3) == 0 {
                switch random.below(3) {
                case 0: bytes.remove(at: index)
                case 1: bytes.insert(0x20, at: index + 2)
                default: bytes.insert(contentsOf: [0x2D, 0x2D], at: index + 2)
                }
            }
            index += 1
        }
    }

    /// Headers and bodies of `depth` nested multiparts, never closed.
    private static func nested(depth: Int) -> [UInt8] {
        var text = ""
        for level in 0..<depth {
            text += "Content-Type: multipart/mixed; boundary=n\(level)\n\n--n\(level)\n"
        }
        text += "Content-Type: text/plain\n\nSlett meg. My registered address is deep@example.org\n"
        return Array(text.utf8)
    }
}

@Test func fuzzMutationsChangeTheirInput() {
    var random = IdentitySeededGenerator(seed: 3)
    let seed = Array(FuzzSeedMessages.mixedWithAttachment.utf8)
    var changed = 0
    for kind in 0..<Mutation.count {
        var bytes = seed
        for _ in 0..<5 { Mutation.apply(kind, to: &bytes, random: &random) }
        if bytes != seed { changed += 1 }
    }
    #expect(changed == Mutation.count)
}
