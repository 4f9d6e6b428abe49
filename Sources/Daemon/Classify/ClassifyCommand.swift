import Foundation
import MailCore
import Requests

/// `dsrd classify [--json] PATH...`: what would dsrd make of this mail?
///
/// The operator's dry run. Needs no configuration and no database. Each
/// message is read, checked for auto-mail and classified; an unreadable file
/// gives an error line and the run goes on (exit status 1 at the end).
public enum ClassifyCommand {
    public static let usage = "usage: dsrd classify [--json | --text] PATH...  (PATH: .eml/.txt files or folders; --text prints the subject and new text that are read)"

    public static func run(_ arguments: [String]) -> Int32 {
        var json = false
        var text = false
        var paths: [String] = []
        for argument in arguments {
            switch argument {
            case "--json": json = true
            case "--text": text = true
            case "-h", "--help":
                ClassifyWriter.error(usage)
                return 0
            default:
                if argument.hasPrefix("--") {
                    ClassifyWriter.error("dsrd classify: unknown option \(argument)\n\(usage)")
                    return 64
                }
                paths.append(argument)
            }
        }
        guard !paths.isEmpty else {
            ClassifyWriter.error(usage)
            return 64
        }
        var writer = ClassifyWriter()
        var failures = 0
        var rows = [ClassifyOutput.tableHeader]
        // Files are read and classified on every core; their lines and rows
        // come out in the order the files were listed.
        let (asJSON, asText) = (json, text)
        OrderedParallelMap.forEach(ClassifyFiles.collect(paths), transform: { entry in
            FileOutcome(entry, json: asJSON, text: asText)
        }, emit: { outcome in
            if outcome.failed { failures += 1 }
            for line in outcome.lines { writer.line(line) }
            if let row = outcome.row { rows.append(row) }
        })
        if !json && !text {
            // The table is written at the end so its columns line up.
            for line in ClassifyOutput.table(rows) { writer.line(line) }
        }
        writer.flush()
        return failures == 0 ? 0 : 1
    }

    /// What one listed path gives: lines (JSON, or the text read) or a
    /// table row, and whether it failed.
    struct FileOutcome: Sendable {
        var lines: [String] = []
        var row: [String]?
        var failed = false

        init(_ entry: ClassifyFiles.Entry, json: Bool, text: Bool) {
            switch entry {
            case .missing(let path, let reason):
                fail(reason, file: path, json: json)
            case .file(let path):
                switch ClassifyFiles.read(path) {
                case .failure(let error):
                    fail(error.description, file: path, json: json)
                case .success(let bytes):
                    let message = MessageReader.read(bytes)
                    if text {
                        lines = ClassifyOutput.readText(file: path, message: message)
                        return
                    }
                    let result = MessageClassification(message)
                    if json {
                        lines = [ClassifyOutput.jsonLine(file: path, result: result)]
                    } else {
                        row = ClassifyOutput.tableRow(file: path, result: result)
                    }
                }
            }
        }

        private mutating func fail(_ reason: String, file path: String, json: Bool) {
            failed = true
            if json {
                lines = [ClassifyOutput.jsonError(file: path, message: reason)]
            } else {
                row = ClassifyOutput.tableError(file: path, message: reason)
            }
        }
    }
}
