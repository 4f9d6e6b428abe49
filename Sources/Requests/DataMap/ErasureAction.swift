/// What an erasure does to a mapped table's rows of the person. In JSON an
/// object with `"action": "delete" | "nullify" | "hold"` and the action's fields.
public enum ErasureAction: Sendable, Codable, Equatable {
    /// Delete the rows.
    case delete
    /// Set `columns` NULL and the columns named in `set` to fixed values.
    case nullify(columns: [String], set: [String: FixedValue])
    /// Keep the rows until the law lets them go (see `HoldRule`).
    case hold(HoldRule)

    /// The action's name as the JSON spells it.
    public var name: String {
        switch self {
        case .delete: return "delete"
        case .nullify: return "nullify"
        case .hold: return "hold"
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case action, columns, set
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let action = try container.decode(String.self, forKey: .action)
        switch action {
        case "delete":
            self = .delete
        case "nullify":
            let columns = try container.decodeIfPresent([String].self, forKey: .columns) ?? []
            let set = try container.decodeIfPresent([String: FixedValue].self, forKey: .set) ?? [:]
            self = .nullify(columns: columns, set: set)
        case "hold":
            self = .hold(try HoldRule(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .action, in: container,
                debugDescription: "unknown action \"\(action)\" (expected delete, nullify or hold)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .action)
        switch self {
        case .delete:
            break
        case .nullify(let columns, let set):
            try container.encode(columns, forKey: .columns)
            try container.encode(set, forKey: .set)
        case .hold(let rule):
            try rule.encode(to: encoder)
        }
    }
}
