import Daemon
import Foundation
import Requests
import Testing

/// The pure rules behind `dsrd requests approve|reject|extend`.
@Suite struct OperatorDecisionRulesTests {
    private func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

    @Test func approvedKindsAreTheGivenOnesElseTheRequestsOwn() throws {
        #expect(try DecisionRules.approvedKinds(reference: "R1", given: nil, own: ["erase", "access"]) == ["access", "erase"])
        #expect(try DecisionRules.approvedKinds(reference: "R1", given: [" Object", "access", "object"],
                                                own: ["erase", "access", "object"]) == ["access", "object"])
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

    @Test func givenKindsMayNarrowTheRequestNeverWidenIt() throws {
        #expect(try DecisionRules.approvedKinds(reference: "R1", given: ["access"], own: ["access", "erase"]) == ["access"])
        #expect(throws: DecisionRefusal.widensKinds(reference: "R1", added: ["erase"], asked: ["access"])) {
            try DecisionRules.approvedKinds(reference: "R1", given: ["erase"], own: ["access"])
        }
        #expect(throws: DecisionRefusal.widensKinds(reference: "R1", added: ["erase", "object"], asked: ["access"])) {
            try DecisionRules.approvedKinds(reference: "R1", given: ["access", "object", "erase"], own: ["access"])
        }
        // A request that names no kind takes those the operator read in it.
        #expect(try DecisionRules.approvedKinds(reference: "R1", given: ["object"], own: []) == ["object"])
        #expect(DecisionRefusal.widensKinds(reference: "R1", added: ["erase"], asked: ["access"]).description
            == "request R1 asked for access, not erase: an approval may leave kinds out, never add one")
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

    @Test func theDeciderIsTheSystemsLoginAndATypedNameOnlyGoesBesideIt() throws {
        let logins: (uid_t) -> String? = { ["0": "root", "1000": "ida"][String($0)] }
        // Under sudo as root: the login behind sudo.
        let sudo = try OperatorIdentity.resolve(typed: nil, environment: ["SUDO_USER": "kari", "USER": "root"],
                                                realUID: 0, loginOf: logins)
        #expect(sudo == OperatorIdentity(login: "kari") && sudo.actor == "operator:kari")
        #expect(sudo.auditDetails.isEmpty && sudo.description == "kari")
        // Root without sudo: root.
        #expect(try OperatorIdentity.resolve(typed: nil, environment: [:], realUID: 0, loginOf: logins).login == "root")
        // A typed name (flag first, then $DSRD_OPERATOR) is kept beside the login, never instead.
        let typed = try OperatorIdentity.resolve(typed: "per", environment: ["SUDO_USER": "kari", "DSRD_OPERATOR": "ola"],
                                                 realUID: 0, loginOf: logins)
        #expect(typed == OperatorIdentity(login: "kari", typedName: "per"))
        #expect(typed.actor == "operator:kari" && typed.auditDetails["typed_name"] as? String == "per")
        #expect(typed.description == "kari (typed: per)")
        #expect(try OperatorIdentity.resolve(typed: "", environment: ["DSRD_OPERATOR": "ola"], realUID: 1000,
                                             loginOf: logins) == OperatorIdentity(login: "ida", typedName: "ola"))
        // Another user's environment is theirs to write: $SUDO_USER, $USER
        // and $LOGNAME name nobody there; the uid's login does.
        let forged = try OperatorIdentity.resolve(typed: nil, environment: ["SUDO_USER": "kari", "USER": "kari",
                                                                            "LOGNAME": "kari"],
                                                  realUID: 1000, loginOf: logins)
        #expect(forged == OperatorIdentity(login: "ida"))
        // A uid without a name is named by its number.
        #expect(try OperatorIdentity.resolve(typed: nil, environment: [:], realUID: 4242, loginOf: logins).login
            == "uid-4242")
        #expect(throws: DecisionRefusal.badOperatorName) {
            try OperatorIdentity.resolve(typed: "kari nordmann", environment: [:], realUID: 1000, loginOf: logins)
        }
        #expect(throws: DecisionRefusal.badOperatorName) {
            try OperatorIdentity.resolve(typed: String(repeating: "a", count: 65), environment: [:], realUID: 1000,
                                         loginOf: logins)
        }
        #expect(throws: DecisionRefusal.badLogin) {
            try OperatorIdentity.resolve(typed: nil, environment: ["SUDO_USER": "kari\u{1b}[2K"], realUID: 0,
                                         loginOf: logins)
        }
        // This process's own login, from the password database.
        #expect(OperatorIdentity.login(of: getuid()) != nil)
    }
}
