import MailCore

/// The mutations the fuzz tests apply to seed messages: byte flips,
/// truncation, duplicated lines, boundary damage, CR/LF injection, huge
/// lines, deep nesting, random bytes, pieces that break parsers, chunk
/// duplication or deletion, runs of NUL, and wrong or broken charsets.
public enum Mutation {
    public static let count = 12

    /// Pieces that tend to break mail parsers.
    public static let interesting: [[UInt8]] = [
        Array("\r\n".utf8), Array("\n\n".utf8), Array("\r".utf8), Array("--".utf8), Array("=?".utf8), Array("?=".utf8),
        Array("=?utf-8?b?".utf8), Array("=?iso-8859-1?q?=E6".utf8), Array("<".utf8), Array(">".utf8), Array("&#x".utf8),
        Array("\"".utf8), Array("(".utf8), Array(")".utf8), Array(";".utf8), Array("=".utf8), Array(":".utf8),
        [0x00], [0xFF], [0xC3], [0xE2, 0x80], Array("> ".utf8), Array("-- \n".utf8), Array("@".utf8),
        Array("Content-Type: multipart/mixed; boundary=x\n".utf8), Array("--x\n".utf8), Array("--x--\n".utf8),
        Array("Content-Transfer-Encoding: base64\n".utf8), Array("Content-Transfer-Encoding: quoted-printable\n".utf8),
        Array("Authentication-Results: mx.janteloppet.test; dmarc=pass (".utf8),
        Array("my registered address is ".utf8), Array("registrert på x@".utf8), Array("7KQ2-M9XD-0A1B-".utf8),
    ]

    public static func apply(_ kind: Int, to bytes: inout [UInt8], random: inout SeededGenerator) {
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
            let piece = interesting[random.below(interesting.count)]
            bytes.insert(contentsOf: piece, at: position)
        case 10:  // a run of NUL bytes
            bytes.insert(contentsOf: [UInt8](repeating: 0, count: 1 + random.below(64)), at: position)
        case 11:  // a wrong or broken charset
            damageCharset(&bytes, random: &random)
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

    static let charsets = ["x-unknown", "utf-7", "iso-2022-jp", "\"", "utf-8\"; charset=latin1", "", "utf-16",
                           "windows-1252", String(repeating: "u", count: 300)]

    /// Replaces the first declared charset with a wrong one (or adds one),
    /// and drops bytes that are invalid in UTF-8 into the text.
    private static func damageCharset(_ bytes: inout [UInt8], random: inout SeededGenerator) {
        let charset = Array(charsets[random.below(charsets.count)].utf8)
        let marker = Array("charset=".utf8)
        if let range = bytes.firstRange(of: marker) {
            var end = range.upperBound
            while end < bytes.count, ![0x0A, 0x0D, 0x3B, 0x20].contains(bytes[end]) { end += 1 }
            bytes.replaceSubrange(range.upperBound..<end, with: charset)
        } else {
            let header = Array("Content-Type: text/plain; charset=".utf8) + charset + [0x0A]
            bytes.insert(contentsOf: header, at: 0)
        }
        let invalid: [[UInt8]] = [[0xC3], [0xE2, 0x28, 0xA1], [0xF0, 0x9F], [0xFE, 0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF]]
        let at = random.below(bytes.count + 1)
        bytes.insert(contentsOf: invalid[random.below(invalid.count)], at: at)
    }

    private static func damageBoundaries(_ bytes: inout [UInt8], random: inout SeededGenerator) {
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
