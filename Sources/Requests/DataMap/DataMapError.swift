import LogSafety

/// A data map that cannot be read or decoded, with the JSON path of the fault
/// (`tables[3].erasure.date_column`; empty for the whole file).
public struct DataMapError: LogSafeError, Sendable, Equatable {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(path: DataMapError.jsonPath(context.codingPath + [key]), message: "missing")
        case .typeMismatch(let type, let context):
            self.init(path: DataMapError.jsonPath(context.codingPath), message: "wrong type (expected \(DataMapError.jsonType(type)))")
        case .valueNotFound(let type, let context):
            self.init(path: DataMapError.jsonPath(context.codingPath), message: "null (expected \(DataMapError.jsonType(type)))")
        case .dataCorrupted(let context):
            let message = context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription
            self.init(path: DataMapError.jsonPath(context.codingPath), message: message)
        @unknown default:
            self.init(path: "", message: "cannot be decoded")
        }
    }

    public var description: String {
        path.isEmpty ? "data map: \(message)" : "data map: \(path): \(message)"
    }

    /// `tables[3].erasure.date_column` from a decoder's coding path.
    static func jsonPath(_ keys: [any CodingKey]) -> String {
        var path = ""
        for key in keys {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return path
    }

    private static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "a boolean"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
