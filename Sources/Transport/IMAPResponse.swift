import Foundation

/// Parsers for the untagged IMAP lines dsrd asks for. Pure: tested without
/// a server. They work on bytes, since "\r\n" is one Swift Character.
public enum IMAPResponse {
    /// `* STATUS INBOX (MESSAGES 3 UIDNEXT 42 UIDVALIDITY 1795582199)`
    public static func parseStatus(_ bytes: [UInt8]) -> MailboxStatus? {
        for line in lines(bytes) where line.uppercased().hasPrefix("* STATUS ") {
            guard let open = line.lastIndex(of: "("), let close = line.lastIndex(of: ")"), open < close else { continue }
            let items = line[line.index(after: open)..<close].split(separator: " ")
            var values: [String: UInt64] = [:]
            var index = 0
            while index + 1 < items.count {
                if let value = UInt64(items[index + 1]) { values[items[index].uppercased()] = value }
                index += 2
            }
            guard let validity = values["UIDVALIDITY"], let next = values["UIDNEXT"] else { continue }
            return MailboxStatus(uidValidity: validity, uidNext: next, messages: values["MESSAGES"].map { Int($0) })
        }
        return nil
    }

    /// `* SEARCH 4 7 9` (several lines possible; an empty result has none).
    public static func parseSearch(_ bytes: [UInt8]) -> [UInt64] {
        var uids: [UInt64] = []
        for line in lines(bytes) where line.uppercased().hasPrefix("* SEARCH") {
            var tokens = line.split(separator: " ").dropFirst(2)
            // curl cuts a response line over ~8 KB: the last number of a long
            // line may be cut short ("1734" read as "17", a UID that is gone).
            // Every number before it is whole, so a long line gives a sure
            // prefix; the rest is found by a later search.
            if line.utf8.count >= cutLineLength { tokens = tokens.dropLast() }
            uids += tokens.compactMap { UInt64($0) }
        }
        return uids.sorted()
    }

    /// From this length on a response line may have been cut by curl.
    static let cutLineLength = 4_000

    /// Whether a `* LIST (…) "/" name` line names the mailbox.
    public static func listContains(_ bytes: [UInt8], mailbox: MailboxName) -> Bool {
        for line in lines(bytes) where line.uppercased().hasPrefix("* LIST ") {
            var name = line.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) ?? ""
            if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 {
                name = String(name.dropFirst().dropLast())
            }
            if name == mailbox.rawValue || (mailbox.rawValue.contains(" ") && line.hasSuffix("\"\(mailbox.rawValue)\"")) {
                return true
            }
        }
        return false
    }

    /// `* 5 FETCH (UID 9 INTERNALDATE "25-Nov-2026 04:49:59 +0000")`
    public static func parseInternalDate(_ bytes: [UInt8]) -> String? {
        for line in lines(bytes) {
            guard let range = line.range(of: "INTERNALDATE \"") else { continue }
            let rest = line[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { continue }
            return String(rest[..<end])
        }
        return nil
    }

    /// `* 5 FETCH (UID 9 FLAGS (\\Seen $Keyword))` → the flags.
    public static func parseFlags(_ bytes: [UInt8]) -> [String]? {
        for line in lines(bytes) {
            guard let range = line.range(of: "FLAGS (") else { continue }
            let rest = line[range.upperBound...]
            guard let end = rest.firstIndex(of: ")") else { continue }
            return rest[..<end].split(separator: " ").map(String.init)
        }
        return nil
    }

    /// `* 5 FETCH (UID 9 INTERNALDATE "…" RFC822.SIZE 1234)` lines, by UID:
    /// the date as written and the size. Lines without a UID (or with
    /// neither item, such as a flag change another session made) are left
    /// out.
    public static func parseMetadata(_ bytes: [UInt8]) -> [UInt64: (internalDate: String?, size: Int?)] {
        var found: [UInt64: (internalDate: String?, size: Int?)] = [:]
        for line in lines(bytes) where line.hasPrefix("* ") && line.contains(" FETCH (") {
            guard let uidRange = line.range(of: "UID "),
                  let uid = UInt64(line[uidRange.upperBound...].prefix { $0.isASCII && $0.isNumber }) else { continue }
            let date = parseInternalDate(Array(line.utf8))
            let size = parseSize(Array(line.utf8))
            guard date != nil || size != nil else { continue }
            found[uid] = (date, size)
        }
        return found
    }

    /// `RFC822.SIZE 1234` in a FETCH response.
    public static func parseSize(_ bytes: [UInt8]) -> Int? {
        for line in lines(bytes) {
            guard let range = line.range(of: "RFC822.SIZE ") else { continue }
            let digits = line[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if let size = Int(digits) { return size }
        }
        return nil
    }

    static func lines(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: UInt8(ascii: "\n")).map { line in
            var slice = line[...]
            if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
            return String(decoding: slice, as: UTF8.self)
        }
    }
}

/// What `STATUS` says of a mailbox.
public struct MailboxStatus: Sendable, Equatable {
    public let uidValidity: UInt64
    public let uidNext: UInt64
    public let messages: Int?

    public init(uidValidity: UInt64, uidNext: UInt64, messages: Int?) {
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.messages = messages
    }
}


/// What the server says of a message before it is fetched.
public struct MessageMetadata: Sendable, Equatable {
    public let internalDate: Date?
    public let size: Int?

    public init(internalDate: Date?, size: Int?) {
        self.internalDate = internalDate
        self.size = size
    }
}
