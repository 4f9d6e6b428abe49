import Daemon
import Foundation
import Records
import Requests
import Store

/// `dsrd requests export [--from DATE] [--to DATE] [--format csv|json]`:
/// every request of a period for an inspector, on standard output, and one
/// summary line on standard error. No addresses.
enum RequestExportCommand {
    static let columns = ["reference", "received", "due", "extended_to", "closed", "outcome", "kinds", "decided_by",
                          "days_to_close", "in_time"]

    static func run(_ words: [String], option: ConfigOption) async -> Int32 {
        let parsed: CommandWords
        switch CommandWords.parse(words, options: ["--from", "--to", "--format"]) {
        case .success(let value): parsed = value
        case .failure(let problem): return CommandLineInterface.usageError("requests export", problem.text)
        }
        if let extra = parsed.positional.first {
            return CommandLineInterface.usageError("requests export", "unexpected argument '\(extra)'")
        }
        var days: [String: Day] = [:]
        for name in ["--from", "--to"] {
            guard let text = parsed.values[name] else { continue }
            guard let day = Day(iso: text) else {
                return CommandLineInterface.usageError("requests export", "\(name) needs a date (YYYY-MM-DD)")
            }
            days[name] = day
        }
        if let from = days["--from"], let to = days["--to"], from > to {
            return CommandLineInterface.usageError("requests export", "--from is after --to")
        }
        let format = parsed.values["--format"] ?? "csv"
        guard ["csv", "json"].contains(format) else {
            return CommandLineInterface.usageError("requests export", "--format is csv or json")
        }
        let config: OperatorConfig
        switch option.loadOperator() {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        let client = PostgresClient(configuration: config.postgres)
        do {
            let lines = try await RequestQueries(client: client).export(from: days["--from"], to: days["--to"],
                                                                        today: Day(Date()))
            await client.close()
            if format == "csv" {
                Terminal.line(columns.joined(separator: ","))
                for line in lines { Terminal.line(values(line).map(csvField).joined(separator: ",")) }
            } else {
                Terminal.line("[")
                for (index, line) in lines.enumerated() {
                    Terminal.line(JSONOutput.line(object(line)) + (index + 1 < lines.count ? "," : ""))
                }
                Terminal.line("]")
            }
            let period = "\(days["--from"]?.description ?? "the first") to \(days["--to"]?.description ?? "the last")"
            Terminal.error("dsrd requests export: \(period): \(InspectionExport.text(InspectionExport.summary(lines)))")
            return ExitStatus.ok.rawValue
        } catch {
            return CommandLineInterface.failed("requests export", error)
        }
    }

    /// The CSV fields of a line, in `columns` order.
    static func values(_ line: InspectionExport.Line) -> [String] {
        [line.reference, RequestJSON.timestamp(line.receivedAt), line.dueOn.description,
         line.extendedTo?.description ?? "", line.closedAt.map(RequestJSON.timestamp) ?? "", line.outcome,
         line.kinds.joined(separator: "+"), line.decidedBy, line.daysToClose.map(String.init) ?? "",
         line.inTime.map { $0 ? "yes" : "no" } ?? ""]
    }

    static func object(_ line: InspectionExport.Line) -> [String: Any] {
        ["reference": line.reference, "received": RequestJSON.timestamp(line.receivedAt),
         "due": line.dueOn.description, "extended_to": line.extendedTo?.description ?? NSNull(),
         "closed": line.closedAt.map(RequestJSON.timestamp) ?? NSNull(), "outcome": line.outcome,
         "kinds": line.kinds, "decided_by": line.decidedBy, "days_to_close": line.daysToClose ?? NSNull(),
         "in_time": line.inTime ?? NSNull()]
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
