/// One thing wrong with a configuration or a data map: the path of the part
/// at fault and what is wrong with it, `imap.url: missing key (a string)` or
/// `tables[3].erasure.date_column: missing`. Never the value itself (it may
/// be a secret), so problems can be printed and logged.
public struct Problem: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A configuration key path (`imap.url`) or a data map's JSON path
    /// (`tables[3].erasure.date_column`).
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
