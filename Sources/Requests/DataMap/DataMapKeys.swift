import Foundation

/// Keys of a data map file that the format does not know: most often a typo
/// (`date_colum`), which decoding would silently ignore, leaving an optional
/// setting unset.
extension DataMap {
    /// Every unknown key, with its JSON path; empty when the bytes are not a JSON object.
    public static func unknownKeys(in bytes: [UInt8]) -> [Problem] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return [] }
        var problems: [Problem] = []
        DataMapKeys.check(root, known: DataMapKeys.root, at: "", into: &problems)
        if let subject = root["subject"] as? [String: Any] {
            DataMapKeys.check(subject, known: DataMapKeys.names(DataMapSubject.CodingKeys.self), at: "subject", into: &problems)
        }
        for (index, table) in (root["tables"] as? [Any] ?? []).enumerated() {
            guard let table = table as? [String: Any] else { continue }
            DataMapKeys.checkTable(table, at: "tables[\(index)]", into: &problems)
        }
        if let transfers = root["transfers"] as? [String: Any] {
            DataMapKeys.check(transfers, known: DataMapKeys.localized, at: "transfers", into: &problems)
        }
        for (index, processor) in (root["processors"] as? [Any] ?? []).enumerated() {
            guard let processor = processor as? [String: Any] else { continue }
            DataMapKeys.checkProcessor(processor, at: "processors[\(index)]", into: &problems)
        }
        return problems
    }
}

/// The key sets of the format's objects (see `DataMap.unknownKeys(in:)`).
enum DataMapKeys {
    static let root: Set<String> = names(DataMap.CodingKeys.self)
    static let localized: Set<String> = ["en", "nb"]
    static let pathStep: Set<String> = ["column", "references"]
    static let objection: Set<String> = ["sharing", "marketing"]
    static let columnValue: Set<String> = ["column", "value"]
    static let texts = ["category", "purpose", "legal_basis", "retention", "source", "recipients"]

    static func names<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) -> Set<String> {
        Set(keys.allCases.map(\.stringValue))
    }

    static func check(_ object: [String: Any], known: Set<String>, at path: String, into problems: inout [Problem]) {
        for key in object.keys.sorted() where !known.contains(key) {
            problems.append(Problem(path: path.isEmpty ? key : "\(path).\(key)", message: "unknown key"))
        }
    }

    static func checkProcessor(_ processor: [String: Any], at path: String, into problems: inout [Problem]) {
        check(processor, known: names(Processor.CodingKeys.self), at: path, into: &problems)
        for key in ["service", "country_name", "safeguard"] {
            if let text = processor[key] as? [String: Any] { check(text, known: localized, at: "\(path).\(key)", into: &problems) }
        }
    }

    static func checkTable(_ table: [String: Any], at path: String, into problems: inout [Problem]) {
        check(table, known: names(MappedTable.CodingKeys.self), at: path, into: &problems)
        for key in texts {
            if let text = table[key] as? [String: Any] { check(text, known: localized, at: "\(path).\(key)", into: &problems) }
        }
        for (column, label) in (table["labels"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let label = label as? [String: Any] { check(label, known: localized, at: "\(path).labels.\(column)", into: &problems) }
        }
        for (index, step) in (table["path"] as? [Any] ?? []).enumerated() {
            if let step = step as? [String: Any] { check(step, known: pathStep, at: "\(path).path[\(index)]", into: &problems) }
        }
        if let erasure = table["erasure"] as? [String: Any] {
            let known = names(ErasureAction.CodingKeys.self).union(names(HoldRule.CodingKeys.self))
            check(erasure, known: known, at: "\(path).erasure", into: &problems)
            if let reason = erasure["reason"] as? [String: Any] {
                check(reason, known: localized, at: "\(path).erasure.reason", into: &problems)
            }
        }
        if let objection = table["objection"] as? [String: Any] {
            check(objection, known: self.objection, at: "\(path).objection", into: &problems)
            for key in self.objection.sorted() {
                if let value = objection[key] as? [String: Any] {
                    check(value, known: columnValue, at: "\(path).objection.\(key)", into: &problems)
                }
            }
        }
        if let disclosures = table["disclosures"] as? [String: Any] {
            check(disclosures, known: names(DisclosureSource.CodingKeys.self), at: "\(path).disclosures", into: &problems)
        }
    }
}
