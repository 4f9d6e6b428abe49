/// One header field: the name as written and the value unfolded and
/// RFC 2047-decoded.
public struct HeaderField: Sendable, Equatable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
