import Foundation

/// How dsrd finds and treats a person's data in the customer database. dsrd
/// names no customer table or column in code: everything comes from this map,
/// read from the JSON file the config key `data_map` names.
public struct DataMap: Sendable, Codable, Equatable {
    public var version: Int
    public var subject: DataMapSubject
    public var tables: [MappedTable]
    /// The companies that process personal data on the controller's behalf;
    /// the access reply names every one (Art. 15(1)(c), CJEU C-154/21).
    public var processors: [Processor]
    /// Whether personal data leaves the EEA, and on what terms, as the
    /// access reply states it (Art. 15(1)(c), 15(2)). Required.
    public var transfers: LocalizedText?

    /// The format version this code reads.
    public static let supportedVersion = 1

    public init(version: Int = DataMap.supportedVersion, subject: DataMapSubject, tables: [MappedTable],
                processors: [Processor] = [], transfers: LocalizedText? = nil) {
        self.version = version
        self.subject = subject
        self.tables = tables
        self.processors = processors
        self.transfers = transfers
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, subject, tables, processors, transfers
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        subject = try container.decode(DataMapSubject.self, forKey: .subject)
        tables = try container.decode([MappedTable].self, forKey: .tables)
        processors = try container.decodeIfPresent([Processor].self, forKey: .processors) ?? []
        transfers = try container.decodeIfPresent(LocalizedText.self, forKey: .transfers)
    }

    /// Reads and decodes the map at `path`.
    public static func load(from path: String) throws -> DataMap {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataMapError(path: "", message: "cannot read the data map file")
        }
        return try decode(Array(data))
    }

    /// Decodes a map from JSON bytes; errors name the JSON path (`tables[3].erasure.action`).
    public static func decode(_ bytes: [UInt8]) throws -> DataMap {
        do {
            return try JSONDecoder().decode(DataMap.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw DataMapError(error)
        }
    }

    /// The mapped table named `name` (`schema.table`).
    public func table(named name: String) -> MappedTable? {
        tables.first { $0.table == name }
    }

    /// The subject table's entry in `tables`.
    public var subjectTable: MappedTable? {
        table(named: subject.table)
    }

    /// Whether any processor handles the data outside the EEA.
    public var transfersOutsideEEA: Bool {
        processors.contains { !$0.isInEEA }
    }
}
