import Hashing

/// How logs name a person: a keyed hash of their address, stable for one
/// key, meaningless without it. Operators find the person with
/// `dsrd requests` (which reads PostgreSQL), never from a log line.
public struct PersonRef: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    public init(address: String, key: [UInt8]) {
        let normalized = Array(address.trimmingCharactersInWhitespace().lowercased().utf8)
        value = "p-" + String(HMACSHA256.authenticationCode(key: key, message: normalized).hexString.prefix(16))
    }

    public var description: String { value }
}

extension String {
    func trimmingCharactersInWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
