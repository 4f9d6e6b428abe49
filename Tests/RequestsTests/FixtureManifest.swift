import Foundation
@testable import Requests

/// One row of `Fixtures/classify/MANIFEST.tsv`: a message written for these
/// tests and what dsrd must make of it.
struct FixtureCase: Sendable, CustomStringConvertible {
    let file: String
    let language: Language?
    let kinds: Set<RequestKind>
    let auto: Bool
    let fields: [RectificationField: String]
    let onBehalf: Bool

    var description: String { file }

    /// The folder holding the classifier fixtures.
    static var folder: URL? {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("classify")
    }

    /// All rows of the manifest; empty when it cannot be read (the count test then fails).
    static func all() -> [FixtureCase] {
        guard let folder, let text = try? String(contentsOf: folder.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n").dropFirst().compactMap(parse)
    }

    private static func parse(_ line: Substring) -> FixtureCase? {
        let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard columns.count == 6 else { return nil }
        let kinds = Set(columns[2].split(separator: "+").compactMap { RequestKind(rawValue: String($0)) })
        var fields: [RectificationField: String] = [:]
        if columns[4] != "-" {
            for pair in columns[4].split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2, let field = RectificationField(rawValue: parts[0]) { fields[field] = parts[1] }
            }
        }
        return FixtureCase(
            file: columns[0], language: Language(rawValue: columns[1]), kinds: kinds,
            auto: columns[3] == "yes", fields: fields, onBehalf: columns[5] == "yes")
    }

    /// Field values compare as the corpus scorer does: phone numbers by their
    /// last eight digits, other values case- and space-insensitively.
    static func sameValue(_ field: RectificationField, _ expected: String, _ actual: String?) -> Bool {
        guard let actual else { return false }
        if field == .phone {
            return String(expected.filter(\.isNumber).suffix(8)) == String(actual.filter(\.isNumber).suffix(8))
        }
        func normal(_ text: String) -> String {
            text.precomposedStringWithCanonicalMapping.lowercased()
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
                .trimmingCharacters(in: CharacterSet(charactersIn: " .,;"))
        }
        return normal(expected) == normal(actual)
    }
}
