import Foundation
import LogSafety
import Records
import Requests
import Testing
@testable import CustomerData
@testable import Daemon
@testable import Store
@testable import Transport

/// Every error dsrd defines says at its definition that its text can be
/// logged, and `LogSafe.describe` passes that text on: an operator reading
/// "could not be carried out: …" learns what went wrong, not a type name.
struct LogSafeErrorTests {
    /// One value of each error type under `Sources/`, with the context a
    /// real one carries (names from configuration, codes, counts).
    static let samples: [any Error] = [
        // Daemon: dsrd evaluate
        EvaluationError("/srv/eval/MANIFEST.tsv line 4: unknown kind delete"),
        // Store
        PostgresError(kind: .statementFailed, sqlState: "23505", constraint: "requests_reference_key",
                      table: "requests", context: "running a statement"),
        // Records
        DSRPrivileges.RoleProblem(message: "the daemon's role dsrd is a member of dsrd_owner, which owns schema dsr"),
        // CustomerData
        SQLIdentifierError(name: "crm.Customers", expectedParts: 2),
        AccessError.unusableMap(problems: 2),
        // Transport
        TransportError(kind: .transient, curlCode: 55, replyCode: 451, operation: "smtp send"),
        // Requests
        FulfilmentError.unusableMap(where: "tables[2].erasure", problem: "missing"),
        TemplateError.unknownPlaceholder(file: "nb/receipt.txt", line: 4, name: "due_on"),
        DataMapError(path: "tables[3].erasure.date_column", message: "missing"),
        DueDateError.extensionOutOfRange(months: 3),
        LifecycleRefusal(event: .confirmed, state: .completed),
        RectificationProblem.empty(.phone),
        // Daemon
        ReloadRefused(problemCount: 1, keyPaths: ["smtp.url"]),
        MetricsTextfile.WriteFailed(step: "rename", code: 13),
        ConfigError(problems: [Problem(path: "imap.url", message: "missing key (a string)")]),
        SecretError(message: "environment variable DSRD_DB_PASSWORD is not set"),
        DaemonConfig.SchemaOwnerUnavailable(message: "postgres.migration_password: environment variable OWNER is not set"),
        DaemonComponents.LoadFailure(problems: [Problem(path: "templates_dir", message: "not set: replies need the templates")]),
        DecisionRefusal.notOpen(reference: "DSR-2026-0042", state: "completed"),
        OperatorError.unknownReference("DSR-2026-0042"),
        ManualReplyRefusal.notByHand(.eraseCompleted, allowed: [.noData]),
        OutboxRefusal.notRetryable(id: 17, state: "sent"), OutboxRefusal.bytesCleared(id: 17),
        OperatorDecisions.PreviewOnly(outcome: .init(reference: "DSR-2026-0042", fromState: "needs_review", toState: "rejected")),
        DeliveryStage.SMTPUnavailable(reason: "smtp connection curl 7"),
        RequestMail.UnmailableAddress(),
        ClassifyReadError.cannotOpen,
    ]

    /// Names of the error types declared under `Sources/` (a type whose
    /// inheritance list names `Error` or `LogSafeError`). `Sources/dsrd` is
    /// left out: its errors (`CommandWords.Problem`, an argument problem;
    /// `ExitStatus`) are shown on the operator's terminal, never logged.
    static func declaredErrorTypes() throws -> Set<String> {
        let sources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let declaration = try NSRegularExpression(pattern: #"\b(?:struct|enum|class|actor)\s+(\w+)\s*:\s*([^{]+)\{"#)
        var names: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !file.path.contains("/Sources/dsrd/") else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for match in declaration.matches(in: text, range: range) {
                guard let name = Range(match.range(at: 1), in: text), let list = Range(match.range(at: 2), in: text)
                else { continue }
                let inherited = text[list].split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                if inherited.contains("Error") || inherited.contains("LogSafeError") { names.insert(String(text[name])) }
            }
        }
        return names
    }

    @Test func everyErrorTypeHasASample() throws {
        let sampled = Set(Self.samples.map { String(describing: type(of: $0)) })
        let declared = try Self.declaredErrorTypes()
        #expect(declared.subtracting(sampled).isEmpty, "error types without a sample: \(declared.subtracting(sampled).sorted())")
        #expect(sampled.subtracting(declared).isEmpty, "samples of no declared type: \(sampled.subtracting(declared).sorted())")
    }

    @Test(arguments: samples.indices)
    func everyErrorDescribesItself(_ index: Int) {
        let error = Self.samples[index]
        let typeName = String(describing: type(of: error))
        #expect(error is any LogSafeError, "\(typeName) does not declare itself log-safe")
        let described = LogSafe.describe(error)
        #expect(described != typeName, "\(typeName) is described by its bare type name")
        #expect(described == String(describing: error))
        #expect(!described.isEmpty)
    }

    @Test func onlyLogSafeErrorsAreDescribed() {
        struct Leaky: Error, CustomStringConvertible { var description: String { "kari.nordmann@example.no" } }
        #expect(LogSafe.describe(Leaky()) == "Leaky")
        #expect(LogSafe.describe(ReloadRefused(problemCount: 2, keyPaths: ["imap.url", "sender"]))
                == "2 configuration problem(s) at imap.url,sender")
    }

    @Test func descriptionsCarryTheirContext() {
        #expect(LogSafe.describe(TemplateError.unknownPlaceholder(file: "nb/receipt.txt", line: 4, name: "due_on"))
                == "nb/receipt.txt:4: unknown placeholder 'due_on'")
        #expect(LogSafe.describe(FulfilmentError.unusableMap(where: "tables[2].erasure", problem: "missing"))
                == "data map tables[2].erasure: missing")
        #expect(LogSafe.describe(DataMapError(path: "tables[3].erasure.date_column", message: "missing"))
                == "data map: tables[3].erasure.date_column: missing")
        #expect(LogSafe.describe(AccessError.unusableMap(problems: 2))
                == "the data map has 2 problem(s); run dsrd check-config")
        #expect(LogSafe.describe(DaemonComponents.LoadFailure(problems: [
            Problem(path: "suppression_key", message: "not set: fulfilment needs it with a data map"),
            Problem(path: "templates_dir", message: "not set: replies need the templates"),
        ])) == "2 configuration problem(s): suppression_key, templates_dir")
        #expect(LogSafe.describe(RectificationProblem.unusableText(.firstName))
                == "rectification: the new first_name cannot be used as written")
    }
}
