import Daemon
import Requests
import Testing

/// The pure rules behind `dsrd requests approve|reject|extend`.
@Suite struct OperatorDecisionRulesTests {
    private func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

    @Test func onlyRequestsWaitingOnAPersonCanBeApproved() throws {
        try DecisionRules.checkApprove(reference: "R1", state: .needsReview)
        try DecisionRules.checkApprove(reference: "R1", state: .awaitingConfirmation)
        for state in [RequestState.received, .completed, .rejected, .ignored] {
            #expect(throws: DecisionRefusal.cannotApprove(reference: "R1", state: state.rawValue)) {
                try DecisionRules.checkApprove(reference: "R1", state: state)
            }
        }
    }

    @Test func approvedKindsAreTheGivenOnesElseTheRequestsOwn() throws {
        #expect(try DecisionRules.approvedKinds(reference: "R1", given: nil, own: ["erase", "access"]) == ["access", "erase"])
        #expect(try DecisionRules.approvedKinds(reference: "R1", given: [" Object", "access", "object"], own: ["erase"])
            == ["access", "object"])
        #expect(throws: DecisionRefusal.noKinds(reference: "R1")) {
            try DecisionRules.approvedKinds(reference: "R1", given: nil, own: [])
        }
        #expect(throws: DecisionRefusal.noKinds(reference: "R1")) {
            try DecisionRules.approvedKinds(reference: "R1", given: [""], own: ["access"])
        }
        #expect(throws: DecisionRefusal.unknownKind("delete")) {
            try DecisionRules.approvedKinds(reference: "R1", given: ["access", "delete"], own: [])
        }
    }

    @Test func anyOpenRequestCanBeRejectedAndNoClosedOne() throws {
        for state in RequestState.allCases where state.isOpen {
            try DecisionRules.checkReject(reference: "R1", state: state)
        }
        for state in RequestState.allCases where !state.isOpen {
            #expect(throws: DecisionRefusal.notOpen(reference: "R1", state: state.rawValue)) {
                try DecisionRules.checkReject(reference: "R1", state: state)
            }
        }
    }

    @Test func anExtensionIsOnceWhileOpenAndByTheFirstDueDay() throws {
        let due = try day("2026-12-02")
        try DecisionRules.checkExtend(reference: "R1", state: .received, dueOn: due, extendedDueOn: nil, today: due)
        try DecisionRules.checkExtend(reference: "R1", state: .needsReview, dueOn: due, extendedDueOn: nil,
                                      today: try day("2026-11-03"))
        #expect(throws: DecisionRefusal.pastFirstDueDate(reference: "R1", dueOn: due, today: try day("2026-12-03"))) {
            try DecisionRules.checkExtend(reference: "R1", state: .received, dueOn: due, extendedDueOn: nil,
                                          today: try day("2026-12-03"))
        }
        let extended = try day("2027-02-02")
        #expect(throws: DecisionRefusal.alreadyExtended(reference: "R1", until: extended)) {
            try DecisionRules.checkExtend(reference: "R1", state: .received, dueOn: due, extendedDueOn: extended,
                                          today: due)
        }
        #expect(throws: DecisionRefusal.notOpen(reference: "R1", state: "completed")) {
            try DecisionRules.checkExtend(reference: "R1", state: .completed, dueOn: due, extendedDueOn: nil, today: due)
        }
    }

    @Test func theExtendedDateFollowsTheCalendarRules() throws {
        // Wednesday + 2 months: Tuesday 2 February 2027.
        #expect(try DecisionRules.extendedDueDate(dueOn: day("2026-12-02"), months: 2) == day("2027-02-02"))
        // + 1 month lands on Saturday 2 January 2027: Monday the 4th.
        #expect(try DecisionRules.extendedDueDate(dueOn: day("2026-12-02"), months: 1) == day("2027-01-04"))
        // 29 January + 1 month: no 29 February in 2027, so the 28th, a Sunday: Monday 1 March.
        #expect(try DecisionRules.extendedDueDate(dueOn: day("2027-01-29"), months: 1) == day("2027-03-01"))
    }

    @Test func theExtendedDateIsNeverMoreThanTwoMonthsAfterTheDueDay() throws {
        // 28 Dec 2026 + 2 months = Sunday 28 Feb 2027; the next working day
        // (1 March) would pass the limit: Friday 26 February instead.
        #expect(try DecisionRules.extendedDueDate(dueOn: day("2026-12-28"), months: 2) == day("2027-02-26"))
        #expect(try DecisionRules.extendedDueDate(dueOn: day("2026-12-31"), months: 2) == day("2027-02-26"))
        for start in 0..<400 {
            let due = try day("2026-01-01").adding(days: start)
            for months in 1...2 {
                let extended = try DecisionRules.extendedDueDate(dueOn: due, months: months)
                #expect(extended <= due.adding(months: 2) && extended > due)
                #expect(NorwegianHolidays.isWorkingDay(extended))
            }
        }
    }

    @Test func anExtensionIsOneOrTwoMonths() throws {
        for months in [0, 3, -1] {
            #expect(throws: DecisionRefusal.extensionMonths(months)) {
                try DecisionRules.extendedDueDate(dueOn: try day("2026-12-02"), months: months)
            }
        }
    }

    @Test func theOperatorIsTheGivenNameElseFromTheEnvironment() throws {
        let environment = ["USER": "root", "SUDO_USER": "kari", "LOGNAME": "root"]
        #expect(try OperatorName.resolve(explicit: "ola.hansen", environment: environment) == "ola.hansen")
        #expect(try OperatorName.resolve(explicit: nil, environment: environment) == "kari")
        #expect(try OperatorName.resolve(explicit: nil, environment: environment.merging(["DSRD_OPERATOR": "per"]) { $1 })
            == "per")
        #expect(try OperatorName.resolve(explicit: "", environment: ["LOGNAME": "ida"]) == "ida")
        #expect(throws: DecisionRefusal.noOperatorName) { try OperatorName.resolve(explicit: nil, environment: [:]) }
        #expect(throws: DecisionRefusal.badOperatorName) {
            try OperatorName.resolve(explicit: "kari nordmann", environment: [:])
        }
        #expect(throws: DecisionRefusal.badOperatorName) {
            try OperatorName.resolve(explicit: String(repeating: "a", count: 65), environment: [:])
        }
        #expect(OperatorName.actor("kari") == "operator:kari")
    }
}
