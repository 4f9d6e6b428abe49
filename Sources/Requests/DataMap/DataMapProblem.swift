/// One fault of a data map: the JSON path of the part at fault and what is
/// wrong with it. `tables[3].erasure.date_column: missing`.
public struct DataMapProblem: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
