import Foundation
import LogSafety
import Requests

/// One labelled message of an evaluation manifest.
struct EvaluationCase: Sendable {
    let file: String
    /// The file's path, relative to the manifest's folder when not absolute.
    let path: String
    let language: String
    let kinds: Set<RequestKind>
    let auto: Bool
    let fields: [String: String]

    static func load(_ manifest: String) -> Result<[EvaluationCase], EvaluationError> {
        guard let text = try? String(contentsOfFile: manifest, encoding: .utf8) else {
            return .failure(EvaluationError("cannot read \(manifest)"))
        }
        let folder = (manifest as NSString).deletingLastPathComponent
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard !lines.isEmpty else { return .failure(EvaluationError("\(manifest) is empty")) }
        // The classifier's own fixtures name the column in the singular.
        let header = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false)
            .map { $0 == "expected_kind" ? "expected_kinds" : String($0) }
        for column in ["file", "lang", "expected_kinds"] where !header.contains(column) {
            return .failure(EvaluationError("\(manifest) has no \(column) column"))
        }
        var cases: [EvaluationCase] = []
        for (number, line) in lines.enumerated() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let row = Dictionary(zip(header, cells), uniquingKeysWith: { first, _ in first })
            guard let file = row["file"], !file.isEmpty, let expected = row["expected_kinds"] else {
                return .failure(EvaluationError("\(manifest) line \(number + 2): no file or expected_kinds"))
            }
            var kinds = Set<RequestKind>()
            for name in expected.split(separator: "+") where name != "other" {
                guard let kind = RequestKind(rawValue: String(name)) else {
                    return .failure(EvaluationError("\(manifest) line \(number + 2): unknown kind \(name)"))
                }
                kinds.insert(kind)
            }
            var fields: [String: String] = [:]
            if let pairs = row["rectify_fields"], pairs != "-" {
                for pair in pairs.split(separator: ";") {
                    guard let equals = pair.firstIndex(of: "=") else { continue }
                    fields[String(pair[..<equals]).trimmingCharacters(in: .whitespaces)] = String(pair[pair.index(after: equals)...])
                }
            }
            let path = file.hasPrefix("/") ? file : (folder as NSString).appendingPathComponent(file)
            cases.append(EvaluationCase(file: file, path: path, language: row["lang"] ?? "?", kinds: kinds,
                                        auto: row["auto"] == "yes", fields: fields))
        }
        return .success(cases)
    }
}

/// A manifest that cannot be used; names the file and line, never a message's content.
struct EvaluationError: LogSafeError {
    let description: String
    init(_ description: String) { self.description = description }
}
