/// Text from a message made fit for the database. PostgreSQL text cannot
/// hold NUL, and an indexed value longer than about 2,700 bytes is refused;
/// either would fail the whole recording transaction, and the message would
/// come back every round and never be recorded. So values from mail are
/// cleaned before they are stored, never trusted to be.
enum StorableText {
    /// Longest address kept (RFC 5321 allows 254).
    static let maximumAddressBytes = 320
    /// Longest Message-ID kept (a header line may be 998 bytes).
    static let maximumIdentifierBytes = 998

    /// The text without NUL.
    static func clean(_ text: String) -> String {
        text.utf8.contains(0) ? String(text.unicodeScalars.filter { $0 != "\0" }.map(Character.init)) : text
    }

    /// A name for people to read (an attachment's, say): control characters
    /// (CR, LF, NUL …) become spaces, and it is cut to `characters`.
    static func label(_ text: String, characters: Int) -> String {
        let scalars = text.unicodeScalars.map { scalar -> Character in
            scalar.properties.generalCategory == .control ? " " : Character(scalar)
        }
        return String(String(scalars).prefix(characters))
    }

    /// An address fit to store and to answer: nil when it holds control
    /// characters, spaces or is absurdly long (no reply may go to it).
    static func address(_ address: String?) -> String? {
        guard let address, !address.isEmpty, address.utf8.count <= maximumAddressBytes,
              address.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return nil }
        return address
    }

    /// A Message-ID fit to store; nil when there is none worth keeping.
    /// Control characters (NUL, ESC, C1, bidi controls: `TerminalText`) are
    /// removed: an identifier is matched and shown to operators, and one
    /// carrying `ESC[8m` would hide what a terminal prints after it.
    static func identifier(_ identifier: String?) -> String? {
        guard let identifier else { return nil }
        let cleaned = TerminalText.stripped(identifier)
        guard !cleaned.isEmpty, cleaned.utf8.count <= maximumIdentifierBytes else { return nil }
        return cleaned
    }
}
