import Foundation
import Records
import Requests
import Testing
@testable import Daemon

/// The small rules of the operators' commands, without a database.
@Suite struct OperatorRulesTests {
    @Test func onlyAFinalAnswerTheRequestAloneFillsInCanBeSentByHand() throws {
        #expect(ManualReply.allowed == [.noData])
        #expect(try ManualReply.template(named: "no_data") == .noData)
        #expect(throws: ManualReplyRefusal.notByHand(.eraseCompleted, allowed: [.noData])) {
            try ManualReply.template(named: "erase_completed")
        }
        #expect(throws: ManualReplyRefusal.notByHand(.refusal, allowed: [.noData])) {
            try ManualReply.template(named: "refusal")
        }
        #expect(throws: ManualReplyRefusal.unknown("thanks", allowed: [.noData])) {
            try ManualReply.template(named: "thanks")
        }
        #expect(ManualReply.values(for: [.erase]) == ReplyWriter.kindFlags([.erase]))
    }

    @Test func aNewRecipientIsAPlainAddressInTheFormMailGoesTo() throws {
        #expect(try OutboxControl.checkedRecipient(" Kari@Example.NO ") == "Kari@example.no")
        #expect(try OutboxControl.checkedRecipient("kari@bücher.example") == "kari@xn--bcher-kva.example")
        for bad in ["kari", "Kari <kari@example.no>", "kari@example.no\r\nRCPT TO:<x@y.z>", "a b@example.no",
                    "kåri@example.no", "kari@example.no,ola@example.no", ""] {
            #expect(throws: OutboxRefusal.badRecipient, "\(bad.debugDescription)") {
                try OutboxControl.checkedRecipient(bad)
            }
        }
    }

    @Test func aRoundIsFreshWithinTheMaximumAgeOnly() {
        let round = Date(timeIntervalSince1970: 1_795_600_800)
        let health = ServiceHealth(heartbeat: DaemonHeartbeat.Beat(daemon: "host-a", lastRoundAt: round, version: "0.9.0"),
                                   openRequests: [:], overdue: 0, outbox: [:])
        #expect(health.isFresh(maxAge: 60, at: round.addingTimeInterval(60)))
        #expect(!health.isFresh(maxAge: 60, at: round.addingTimeInterval(61)))
        #expect(health.age(at: round.addingTimeInterval(5)) == 5)
        let none = ServiceHealth(heartbeat: nil, openRequests: [:], overdue: 0, outbox: [:])
        #expect(!none.isFresh(maxAge: 1_000_000, at: round) && none.age(at: round) == nil)
    }

    @Test func aWordOfDigitsIsAnIdAndAnythingElseAReference() {
        #expect(RequestQueries.Key("42") == .id(42))
        #expect(RequestQueries.Key("DSR-2026-7KQ3M") == .reference("DSR-2026-7KQ3M"))
        #expect(RequestQueries.Key("４２") == .reference("４２"))
        #expect(RequestQueries.Key("") == .reference(""))
        #expect(RequestQueries.Key("99999999999999999999999") == .reference("99999999999999999999999"))
    }

    @Test func theVersionIsOneString() {
        #expect(DSRDVersion.text == "dsrd " + DSRDVersion.number)
        #expect(DSRDVersion.number.split(separator: ".").count == 3)
    }
}
