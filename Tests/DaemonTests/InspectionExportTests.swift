import Foundation
import Records
import Requests
import Testing
@testable import Daemon

/// The export for an inspection: one line per request and the summary,
/// on Oslo days.
@Suite struct InspectionExportTests {
    private func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }
    private func at(_ text: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: text)) }

    private func request(_ state: RequestState, received: String, due: String, extended: String? = nil,
                         closed: String? = nil, by actor: String? = nil, approvedBy: String? = nil) throws -> ExportedRequest {
        ExportedRequest(reference: "DSR-\(received.prefix(10))-\(state.rawValue)", receivedAt: try at(received),
                        dueOn: try day(due), extendedDueOn: try extended.map(day), state: state, kinds: ["access"],
                        closedAt: try closed.map(at), closedBy: actor, approvedBy: approvedBy)
    }

    @Test func aLineSaysWhenWhoAndWhetherInTime() throws {
        let today = try day("2027-03-01")
        // Received late on 2 Nov (Oslo: still 2 Nov), closed by kari by hand early on 4 Nov Oslo time.
        let byHand = InspectionExport.line(try request(.completed, received: "2026-11-02T22:30:00Z", due: "2026-12-02",
                                                       closed: "2026-11-03T23:30:00Z", by: "operator:kari"), today: today)
        #expect(byHand.outcome == "completed" && byHand.decidedBy == "kari")
        #expect(byHand.daysToClose == 2, "2 Nov 23:30 Oslo to 4 Nov 00:30 Oslo")
        #expect(byHand.inTime == true && !byHand.overdue)
        // Carried out by dsrd after an approval: the approver decided.
        let approved = InspectionExport.line(try request(.completed, received: "2026-11-02T09:00:00Z", due: "2026-12-02",
                                                         closed: "2026-12-03T09:00:00Z", by: "dsrd:fulfil",
                                                         approvedBy: "per"), today: today)
        #expect(approved.decidedBy == "per" && approved.inTime == false && approved.daysToClose == 31)
        // Extended: the new deadline counts.
        let extended = InspectionExport.line(try request(.rejected, received: "2026-11-02T09:00:00Z", due: "2026-12-02",
                                                         extended: "2027-02-02", closed: "2027-01-10T09:00:00Z",
                                                         by: "operator:ola"), today: today)
        let newDeadline = try day("2027-02-02")
        #expect(extended.inTime == true && extended.outcome == "rejected" && extended.extendedTo == newDeadline)
        // dsrd alone.
        let automatic = InspectionExport.line(try request(.completed, received: "2026-11-02T09:00:00Z", due: "2026-12-02",
                                                          closed: "2026-11-02T09:05:00Z", by: "dsrd:fulfil"), today: today)
        #expect(automatic.decidedBy == "dsrd" && automatic.daysToClose == 0)
        // Open: no close, no verdict, overdue once past its deadline.
        let open = InspectionExport.line(try request(.needsReview, received: "2027-01-02T09:00:00Z", due: "2027-02-02"),
                                         today: today)
        #expect(open.outcome == "open (needs_review)" && open.closedAt == nil && open.inTime == nil)
        #expect(open.overdue && open.decidedBy == "" && open.daysToClose == nil)
        #expect(!InspectionExport.line(try request(.received, received: "2027-02-20T09:00:00Z", due: "2027-03-22"),
                                       today: today).overdue)
    }

    @Test func theSummaryCountsAnswersInTimeOpenAndMachineMailAndTakesTheMedian() throws {
        let today = try day("2027-03-01")
        let lines = InspectionExport.lines([
            try request(.completed, received: "2026-11-02T09:00:00Z", due: "2026-12-02", closed: "2026-11-03T09:00:00Z"),
            try request(.completed, received: "2026-11-02T09:00:00Z", due: "2026-12-02", closed: "2026-11-06T09:00:00Z"),
            try request(.rejected, received: "2026-11-02T09:00:00Z", due: "2026-12-02", closed: "2026-12-12T09:00:00Z"),
            try request(.ignored, received: "2026-11-02T09:00:00Z", due: "2026-12-02", closed: "2026-11-02T09:00:00Z"),
            try request(.needsReview, received: "2027-01-02T09:00:00Z", due: "2027-02-02"),
            try request(.received, received: "2027-02-28T09:00:00Z", due: "2027-03-29"),
        ], today: today)
        let summary = InspectionExport.summary(lines)
        #expect(summary == InspectionExport.Summary(requests: 6, answered: 3, answeredInTime: 2, open: 2, overdue: 1,
                                                    ignored: 1, medianDaysToClose: 4))
        #expect(InspectionExport.text(summary) == "6 requests, 2 answered in time (3 answered, 1 late), "
            + "2 open (1 overdue), 1 machine mail; median 4 days to answer")
        #expect(InspectionExport.median([1, 2, 3, 10]) == 2.5)
        #expect(InspectionExport.median([]) == nil)
        #expect(InspectionExport.text(InspectionExport.summary([])).hasSuffix("median - days to answer"))
    }
}
