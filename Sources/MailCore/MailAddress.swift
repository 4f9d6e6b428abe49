/// One mailbox of an address header: an optional display name and the
/// `local@domain` address itself.
public struct MailAddress: Sendable, Hashable {
    public var displayName: String?
    public var address: String

    public init(displayName: String? = nil, address: String) {
        self.displayName = displayName
        self.address = address
    }

    /// The part after the last `@`, lowercased; empty when there is none.
    public var domain: String {
        guard let at = lastAt else { return "" }
        return address[address.utf8.index(after: at)...].lowercasedByScalar()
    }

    /// The part before the last `@`, unchanged (local parts are case-sensitive).
    public var localPart: String {
        guard let at = lastAt else { return address }
        return String(address[..<at])
    }

    /// The last `@`, found on the address's bytes rather than its characters
    /// (a walk by characters from the end costs more than all the rest).
    private var lastAt: String.Index? { address.utf8.lastIndex(of: UInt8(ascii: "@")) }
}
