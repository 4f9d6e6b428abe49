import Foundation
import MailCore
import Requests

/// `dsrd evaluate MANIFEST.tsv`: how well dsrd reads a labelled set of mail.
///
/// The manifest is tab-separated with a header naming at least `file`,
/// `lang`, `expected_kinds` (kinds joined by `+`, or `other`), `auto`
/// (`yes` for machine mail) and `rectify_fields` (`key=value;…` or `-`);
/// files are found relative to the manifest's folder. Prints exact kinds
/// overall, per language and per kind, false erasures, machine mail, the
/// correction values, values read where none were expected, and how often
/// the kinds are wrong at each level of confidence (the calibration that
/// decides what goes to a person). Exit status 1 when the manifest cannot
/// be read or a file is missing.
public enum EvaluateCommand {
    public static let usage = "usage: dsrd evaluate MANIFEST.tsv [--misses]  (--misses lists the files read wrongly)"

    public static func run(_ arguments: [String]) -> Int32 {
        let misses = arguments.contains("--misses")
        let paths = arguments.filter { !$0.hasPrefix("--") }
        guard paths.count == 1, arguments.allSatisfy({ !$0.hasPrefix("--") || $0 == "--misses" }) else {
            ClassifyWriter.error(usage)
            return 64
        }
        let manifest: [EvaluationCase]
        switch EvaluationCase.load(paths[0]) {
        case .failure(let message):
            ClassifyWriter.error("dsrd evaluate: \(message)")
            return 1
        case .success(let cases): manifest = cases
        }
        var score = EvaluationScore()
        var writer = ClassifyWriter()
        var failures = 0
        for item in manifest {
            guard case .success(let bytes) = ClassifyFiles.read(item.path) else {
                failures += 1
                writer.line("missing: \(item.file)")
                continue
            }
            let result = MessageClassification(MessageReader.read(bytes))
            let right = score.add(item, result)
            if misses && !right { writer.line("miss: \(item.file)") }
        }
        for line in score.report() { writer.line(line) }
        writer.flush()
        return failures == 0 ? 0 : 1
    }
}
