import FuzzSupport
import Testing
@testable import MailCore

@Suite struct MutationTests {
    /// Bytes that tend to break parsers when dropped into mail.
    private static let interesting: [[UInt8]] = [
        Array("\r\n".utf8), Array("\n\n".utf8), Array("--".utf8), Array("=?".utf8), Array("?=".utf8),
        Array("=?utf-8?b?".utf8), Array("<".utf8), Array(">".utf8), Array("&#x".utf8), Array("\"".utf8),
        Array("(".utf8), Array(";".utf8), Array("=".utf8), Array(":".utf8), [0x00], [0xFF], [0xC3], [0x0D],
        Array("Content-Type: multipart/mixed; boundary=x\n".utf8), Array("--x\n".utf8),
        Array("Content-Transfer-Encoding: base64\n".utf8), Array("> ".utf8), Array("-- \n".utf8),
    ]

    private static func mutate(_ input: [UInt8], with random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + random.below(8)) {
            let position = random.below(bytes.count + 1)
            switch random.below(6) {
            case 0 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
            case 1 where !bytes.isEmpty:
                let end = min(bytes.count, position + random.below(64))
                bytes.removeSubrange(min(position, end)..<end)
            case 2:
                bytes.insert(contentsOf: interesting[random.below(interesting.count)], at: position)
            case 3 where !bytes.isEmpty:
                let start = random.below(bytes.count)
                let chunk = bytes[start..<min(bytes.count, start + random.below(200))]
                bytes.insert(contentsOf: chunk, at: position)
            case 4:
                bytes = Array(bytes.prefix(position))
            default:
                bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
            }
        }
        return bytes
    }

    @Test func thousandMutationsNeverCrashAndStayBounded() {
        var random = SeededGenerator(seed: 0x5EED_2024)
        let limits = ReaderLimits(maxBytes: 64 * 1024, maxParts: 50, maxDepth: 8, maxHeaders: 200, maxLineLength: 4096)
        for round in 0..<1000 {
            let source = MailFixtures.all[round % MailFixtures.all.count]
            let input = Self.mutate(source, with: &random)
            let message = MessageReader.read(input, limits: limits)
            _ = ReplyText.newText(message.text)
            _ = ReplyText.cleanSubject(message.subject)
            _ = AutoMailDetector.detect(message)
            #expect(message.headers.count <= limits.maxHeaders)
            #expect(message.text.utf8.count <= 4 * input.count + 16)
        }
    }

    @Test func hostileShapesAreRead() {
        let hostile: [[UInt8]] = [
            [],
            Array(repeating: 0x0A, count: 10_000),
            Array(repeating: 0x0D, count: 10_000),
            Array("Subject: ".utf8) + Array(repeating: UInt8(ascii: "="), count: 20_000) + Array("?".utf8),
            Array("Subject: ".utf8) + Array(String(repeating: "=?a?q?", count: 5_000).utf8),
            Array("Content-Type: text/html\n\n".utf8) + Array(String(repeating: "<a \"", count: 5_000).utf8),
            Array("Content-Type: text/html\n\n".utf8) + Array(String(repeating: "<head>", count: 5_000).utf8),
            Array((0..<3_000).map { "Content-Type: multipart/mixed; boundary=b\($0)\n\n--b\($0)\n" }.joined().utf8),
            Array("To: ".utf8) + Array(String(repeating: "\"(<", count: 5_000).utf8),
        ]
        for input in hostile {
            let message = MessageReader.read(input)
            _ = AutoMailDetector.detect(message)
            _ = ReplyText.newText(message.text)
        }
        let nested = MessageReader.read(hostile[7])
        #expect(nested.limitsReached.contains("maxDepth"))
    }
}
