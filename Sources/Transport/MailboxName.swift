/// An IMAP mailbox name dsrd is willing to put into a URL and a command.
///
/// curl URL-decodes mailbox paths and custom commands and does not convert
/// names to IMAP's modified UTF-7, so names are limited to printable ASCII
/// without quotes, backslashes or `%`; `/` separates levels.
public struct MailboxName: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ name: String) {
        guard !name.isEmpty, name.count <= 200,
              name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }),
              !name.contains(where: { "\"\\%*{}".contains($0) }),
              !name.hasPrefix("/"), !name.hasSuffix("/")
        else { return nil }
        rawValue = name
    }

    private init(known name: String) {
        rawValue = name
    }

    public static let inbox = MailboxName(known: "INBOX")

    public var description: String { rawValue }

    /// The name as a URL path segment (spaces and other specials %-encoded).
    var urlPath: String {
        var path = ""
        for byte in rawValue.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "/"):
                path.append(Character(Unicode.Scalar(byte)))
            default:
                path += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return path
    }

    /// The name as an IMAP quoted string inside a custom command. The
    /// command string is URL-decoded by curl, so spaces are encoded too.
    var quotedForCommand: String {
        "\"" + rawValue.replacingOccurrences(of: " ", with: "%20") + "\""
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
