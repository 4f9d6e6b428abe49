import Foundation
import Records
import Requests
import Testing
@testable import Daemon

@Suite struct MetricsTextfileTests {
    let at = Date(timeIntervalSince1970: 1_800_000_000.25)

    func snapshot(figures: PipelineFigures?) -> MetricsTextfile.Snapshot {
        MetricsTextfile.Snapshot(
            figures: figures, rounds: 7, lastRoundAt: at, lastSuccessfulRoundAt: at.addingTimeInterval(-60),
            stages: [.init(name: "intake", up: true, failures: 0), .init(name: "delivery", up: false, failures: 3)])
    }

    @Test func everyStateHasASeriesAndTheOutboxKeepsItsThreeAtZero() {
        let figures = PipelineFigures(requestsByState: [.needsReview: 2, .completed: 5], overdue: 1,
                                      outboxByState: ["sent": 9, "cancelled": 1])
        let text = MetricsTextfile.render(snapshot(figures: figures))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("dsrd_requests{state=\"needs_review\"} 2"))
        #expect(lines.contains("dsrd_requests{state=\"completed\"} 5"))
        #expect(lines.contains("dsrd_requests{state=\"received\"} 0"))
        #expect(lines.filter { $0.hasPrefix("dsrd_requests{") }.count == RequestState.allCases.count)
        #expect(lines.contains("dsrd_requests_overdue 1"))
        #expect(lines.contains("dsrd_outbox_messages{state=\"pending\"} 0"))
        #expect(lines.contains("dsrd_outbox_messages{state=\"failed\"} 0"))
        #expect(lines.contains("dsrd_outbox_messages{state=\"sent\"} 9"))
        #expect(lines.contains("dsrd_outbox_messages{state=\"cancelled\"} 1"))
        #expect(lines.contains("dsrd_rounds_total 7"))
        #expect(lines.contains("dsrd_last_round_timestamp_seconds 1800000000.250"))
        #expect(lines.contains("dsrd_last_successful_round_timestamp_seconds 1799999940.250"))
        #expect(lines.contains("dsrd_stage_up{stage=\"intake\"} 1"))
        #expect(lines.contains("dsrd_stage_up{stage=\"delivery\"} 0"))
        #expect(lines.contains("dsrd_stage_failures_total{stage=\"delivery\"} 3"))
        #expect(text.hasSuffix("\n"))
        // Every sample's family is declared once, before it.
        for line in lines where !line.hasPrefix("#") {
            let name = String(line.prefix { $0 != "{" && $0 != " " })
            #expect(lines.filter { $0 == "# TYPE \(name) gauge" || $0 == "# TYPE \(name) counter" }.count == 1, "\(name)")
        }
    }

    @Test func withoutFiguresTheRequestSeriesAreLeftOutNotShownAtZero() {
        let text = MetricsTextfile.render(snapshot(figures: nil))
        #expect(!text.contains("dsrd_requests"))
        #expect(!text.contains("dsrd_outbox_messages"))
        #expect(text.contains("dsrd_stage_failures_total{stage=\"delivery\"} 3"))
    }

    @Test func labelValuesAreEscaped() {
        #expect(MetricsTextfile.label("a\"b\\c\nd") == "a\\\"b\\\\c\\nd")
    }

    @Test func theFileIsReplacedWholeAndReadableByOthers() throws {
        let directory = NSTemporaryDirectory() + "dsrd-metrics-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/dsrd.prom"
        try MetricsTextfile.write("first\n", to: path)
        try MetricsTextfile.write("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["dsrd.prom"])
        #expect(throws: MetricsTextfile.WriteFailed.self) {
            try MetricsTextfile.write("x\n", to: directory + "/missing/dsrd.prom")
        }
    }
}
