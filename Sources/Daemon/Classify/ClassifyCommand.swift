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
        for entry in ClassifyFiles.collect(paths) {
            switch entry {
            case .missing(let path, let reason):
                failures += 1
                if json {
                    writer.line(ClassifyOutput.jsonError(file: path, message: reason))
                } else {
                    rows.append(ClassifyOutput.tableError(file: path, message: reason))
                }
            case .file(let path):
                switch ClassifyFiles.read(path) {
                case .failure(let error):
                    failures += 1
                    if json {
                        writer.line(ClassifyOutput.jsonError(file: path, message: error.description))
                    } else {
                        rows.append(ClassifyOutput.tableError(file: path, message: error.description))
                    }
                case .success(let bytes):
                    let message = MessageReader.read(bytes)
                    if text {
                        for line in ClassifyOutput.readText(file: path, message: message) { writer.line(line) }
                        continue
                    }
                    let result = MessageClassification(message)
                    if json {
                        writer.line(ClassifyOutput.jsonLine(file: path, result: result))
                    } else {
                        rows.append(ClassifyOutput.tableRow(file: path, result: result))
                    }
                }
            }
        }
        if !json && !text {
            // The table is written at the end so its columns line up.
            for line in ClassifyOutput.table(rows) { writer.line(line) }
        }
        writer.flush()
        return failures == 0 ? 0 : 1
    }
}
