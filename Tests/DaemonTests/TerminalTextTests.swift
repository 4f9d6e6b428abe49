import Foundation
import Testing
@testable import Daemon

/// What reaches an operator's terminal from mail: never a control character
/// a terminal would act on.
@Suite struct TerminalTextTests {
    /// Every kind of scalar a terminal acts on, as an attacker would put them in a subject.
    static let hostile = "a\u{1B}[8mb\u{1B}[1A\u{1B}[2Kc\u{9B}2Kd\u{85}e\u{7F}f\u{2028}g\u{2029}h\u{202E}i\u{2066}j\u{2069}"
        + "k\u{200F}l\u{061C}m\n\r\t\u{0}\u{7}"

    @Test func everyControlIsWrittenOutAndNothingElseChanges() {
        let escaped = TerminalText.escaped(Self.hostile)
        #expect(!escaped.unicodeScalars.contains(where: TerminalText.isUnsafe))
        #expect(!escaped.utf8.contains(0x1B) && !escaped.utf8.contains(0xC2))
        #expect(escaped == "a\\u001b[8mb\\u001b[1A\\u001b[2Kc\\u009b2Kd\\u0085e\\u007ff\\u2028g\\u2029h\\u202ei\\u2066j"
            + "\\u2069k\\u200fl\\u061cm\\n\\r\\t\\u0000\\u0007")
        let plain = "Innsyn og sletting – æøå ÆØÅ ß 😀 <id@example.com> \"quoted\" back\\slash"
        #expect(TerminalText.escaped(plain) == plain)
        #expect(TerminalText.escaped("") == "")
    }

    /// The byte-level check agrees with the scalar rule for every scalar of
    /// the first three planes, alone and inside text.
    @Test func theByteCheckFindsExactlyTheUnsafeScalars() {
        for value in UInt32(0)...0x3_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "å" + String(Character(scalar)) + "–"
            if TerminalText.holdsUnsafe(text) != TerminalText.isUnsafe(scalar) {
                Issue.record("U+\(String(value, radix: 16)) read wrongly")
                return
            }
        }
        #expect(TerminalText.holdsUnsafe(Self.hostile))
    }

    @Test func aJSONTextStaysTheSameJSON() throws {
        let object: [String: Any] = ["subject": Self.hostile, "n": 1]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let escaped = TerminalText.escaped(String(decoding: data, as: UTF8.self))
        #expect(!escaped.unicodeScalars.contains(where: TerminalText.isUnsafe))
        let back = try #require(try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: Any])
        #expect(back["subject"] as? String == Self.hostile)
    }

    @Test func strippedKeepsOnlyWhatIsShownAsItIs() {
        #expect(TerminalText.stripped("<x\u{1B}[8m\u{9B}2K\u{202E}@attacker.example>") == "<x[8m2K@attacker.example>")
        #expect(TerminalText.stripped("<plain.id@example.com>") == "<plain.id@example.com>")
    }

    @Test func storedMessageIDsCarryNoControls() {
        #expect(StorableText.identifier("<x\u{1B}[8m@attacker.example>") == "<x[8m@attacker.example>")
        #expect(StorableText.identifier("<a\u{0}\u{85}\u{2066}b@example.org>") == "<ab@example.org>")
        #expect(StorableText.identifier("\u{1B}\u{9B}") == nil)
    }
}

/// `dsrd` prints only through `Terminal` (Sources/dsrd/Terminal.swift), which
/// escapes every line; a new `print` elsewhere would bypass it.
@Test func dsrdPrintsOnlyThroughTerminal() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/dsrd")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
    #expect(files.contains("Terminal.swift") && files.count > 5)
    for file in files where file != "Terminal.swift" {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        for needle in ["print(", "FileHandle.standard", "write(1", "write(2", "fputs("] {
            #expect(!text.contains(needle), "\(file) writes with \(needle)")
        }
    }
}
