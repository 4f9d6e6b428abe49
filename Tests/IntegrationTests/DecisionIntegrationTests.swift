import Daemon
import DaemonTesting
import Foundation
import Records
import MailCore
import Requests
import Store
import Testing

/// A request of a test's own (unique reference and address), with the
/// message that opened it, straight into the shared database.
private struct DecisionFixture {
    let stack: LocalStack
    let client: PostgresClient
    let decisions: OperatorDecisions
    let clock = ManualWallClock(Date(timeIntervalSince1970: 1_795_600_800))  // 2026-11-25T10:00:00Z

    init() throws {
        stack = try LocalStack()
        let config = try ConfigLoader.load(path: stack.configPath).get()
        client = PostgresClient(configuration: stack.postgres)
        decisions = OperatorDecisions(client: client, writer: try DaemonComponents.writer(config), clock: clock)
    }

    struct Inserted {
        let id: Int
        let reference: String
        let address: String
        let openingMessageID: String
    }

    func insert(state: String, kinds: [String] = ["access", "erase"], language: String = "en",
                dueOn: String = "2026-12-02") async throws -> Inserted {
        let address = LocalStack.uniqueAddress("ola.hansen", domain: "example.com")
        let receivedAt = try #require(TimestampFormat.date(from: "2026-11-02T09:00:00Z"))
        let due: Day = try #require(Day(iso: dueOn))
        var request = TestData.Request(subject: address, receivedAt: receivedAt, dueOn: due)
        request.reference = "T-OPS-" + UUID().uuidString.prefix(8).uppercased()
        request.kinds = Set(kinds.compactMap(RequestKind.init))
        request.state = try #require(RequestState(rawValue: state))
        request.language = try #require(Language(rawValue: language))
        request.confidence = 0.5
        let reference = request.reference
        let messageID = "ops-in-\(reference.lowercased())@example.com"
        let raw = Array("From: \(address)\r\nSubject: Privacy\r\nMessage-ID: <\(messageID)>\r\n\r\nHello.\r\n".utf8)
        let opened = request
        let id = try await client.transaction { connection in
            let (id, _) = try TestData.open(opened, in: connection)
            try TestData.record(raw, messageID: messageID, for: id, mailbox: "test-decisions", receivedAt: receivedAt,
                                in: connection)
            return id
        }
        return Inserted(id: id, reference: reference, address: address, openingMessageID: messageID)
    }

    func request(_ id: Int) async throws -> QueryResult.Row {
        try #require(try await client.query("""
            SELECT state, state_reason, approved_by, array_to_json(approved_kinds)::text AS approved_kinds,
                   extended_due_on::text AS extended_due_on
            FROM dsr.requests WHERE id = $1
            """, [.int(id)]).first)
    }

    func audit(_ id: Int) async throws -> [QueryResult.Row] {
        try await client.query("""
            SELECT actor, action, from_state, to_state, reason, details::text AS details FROM dsr.audit_events
            WHERE request_id = $1 ORDER BY id
            """, [.int(id)]).rows
    }

    func replies(_ id: Int) async throws -> [QueryResult.Row] {
        try await client.query("""
            SELECT o.template, o.recipients::text AS recipients, o.raw, o.state FROM dsr.outbox o
            JOIN dsr.request_messages m ON m.outbox_id = o.id AND m.role = 'reply'
            WHERE m.request_id = $1 AND o.request_id = $1 ORDER BY o.id
            """, [.int(id)]).rows
    }
}

extension LiveStackTests {
    @Suite struct DecisionIntegrationTests {
        @Test func approveMovesANeedsReviewRequestToReceivedInTheOperatorsName() async throws {
            let fixture = try DecisionFixture()
            let request = try await fixture.insert(state: "needs_review")
            // Run as root under sudo by kari.
            let run = try await dsrd(["requests", "approve", request.reference, "--kinds", "erase,access"],
                                     environment: ["SUDO_USER": "kari", "DSRD_OPERATOR": ""])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.contains("\(request.reference): approved by kari for access, erase"))
            let row = try await fixture.request(request.id)
            #expect(row["state"] == "received" && row["approved_by"] == "kari")
            #expect(row["approved_kinds"] == "[\"access\",\"erase\"]")
            let audit = try await fixture.audit(request.id)
            #expect(audit.count == 1)
            #expect(audit.first?["actor"] == "operator:kari" && audit.first?["action"] == "approved")
            #expect(audit.first?["from_state"] == "needs_review" && audit.first?["to_state"] == "received")
            #expect(audit.first?["details"] == "{\"kinds\": [\"access\", \"erase\"]}")

            // Approved once: a second approval is refused, exit 1, nothing written.
            let again = try await dsrd(["requests", "approve", request.reference, "--operator", "per"], environment: [:])
            #expect(again.status == 1)
            #expect(again.errors.contains("is received: only a request in needs_review or awaiting_confirmation"))
            #expect(try await fixture.audit(request.id).count == 1)
            #expect(!again.errors.contains(request.address) && !run.errors.contains(request.address))
        }

        @Test func approvingARequestWithoutKindsNeedsThemGiven() async throws {
            let fixture = try DecisionFixture()
            let request = try await fixture.insert(state: "awaiting_confirmation", kinds: [])
            await #expect(throws: DecisionRefusal.noKinds(reference: request.reference)) {
                try await fixture.decisions.approve(reference: request.reference, kinds: nil, decider: OperatorIdentity(login: "kari"))
            }
            #expect(try await fixture.request(request.id)["state"] == "awaiting_confirmation")
            let outcome = try await fixture.decisions.approve(reference: request.reference, kinds: ["object"],
                                                              decider: OperatorIdentity(login: "kari"))
            #expect(outcome.fromState == "awaiting_confirmation" && outcome.kinds == ["object"])
            let usage = try await dsrd(["requests", "approve"], environment: ["DSRD_OPERATOR": "kari"])
            #expect(usage.status == 64)
        }

        @Test func theDeciderIsTheSystemsLoginAndATypedNameIsOnlyKeptBesideIt() async throws {
            let fixture = try DecisionFixture()
            let login = try #require(OperatorIdentity.login(of: getuid()))
            // Anyone can type a name: typing kari's does not make the decision kari's.
            let approved = try await fixture.insert(state: "needs_review")
            let run = try await dsrd(["requests", "approve", approved.reference, "--operator", "kari"],
                                     environment: ["SUDO_USER": "", "DSRD_OPERATOR": ""])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.contains("approved by \(login) (typed: kari) for access, erase"))
            #expect(try await fixture.request(approved.id)["approved_by"] == login)
            let approval = try #require(try await fixture.audit(approved.id).first)
            #expect(approval["actor"] == "operator:\(login)")
            #expect(approval["details"] == "{\"kinds\": [\"access\", \"erase\"], \"typed_name\": \"kari\"}")

            // Under sudo (as root) the login behind sudo decides; $DSRD_OPERATOR is a typed name too.
            let rejected = try await fixture.insert(state: "needs_review")
            let refusal = try await dsrd(["requests", "reject", rejected.reference, "--reason", "Not a customer."],
                                         environment: ["SUDO_USER": "per", "DSRD_OPERATOR": "ola"])
            #expect(refusal.status == 0, "\(refusal.errors)")
            #expect(refusal.output.contains("rejected by per (typed: ola)"))
            let audit = try await fixture.audit(rejected.id)
            #expect(audit.map { $0["action"] } == ["rejected", "reply_queued"])
            #expect(audit.allSatisfy { $0["actor"] == "operator:per" })
            #expect(audit.first?["details"] == "{\"typed_name\": \"ola\"}")

            // A typed name that is not a name is refused before anything is read or written.
            let bad = try await fixture.insert(state: "needs_review")
            let refused = try await dsrd(["requests", "approve", bad.reference, "--operator", "kari\u{1B}[2K"],
                                         environment: ["SUDO_USER": ""])
            #expect(refused.status == 64)
            #expect(!refused.errors.utf8.contains(0x1B))
            #expect(try await fixture.request(bad.id)["state"] == "needs_review")
            #expect(try await fixture.audit(bad.id).isEmpty)
        }

        @Test func anApprovalMayNarrowTheKindsAskedForButNeverWidenThem() async throws {
            let fixture = try DecisionFixture()
            // Asked for a copy; an operator's --kinds erase (a typo, or worse) is refused.
            let access = try await fixture.insert(state: "needs_review", kinds: ["access"])
            let widened = try await dsrd(["requests", "approve", access.reference, "--kinds", "access,erase"],
                                         environment: ["SUDO_USER": "kari"])
            #expect(widened.status == 1)
            #expect(widened.errors.contains("request \(access.reference) asked for access, not erase: an approval may "
                                            + "leave kinds out, never add one"), "\(widened.errors)")
            let unchanged = try await fixture.request(access.id)
            #expect(unchanged["state"] == "needs_review" && unchanged["approved_by"] == nil)
            #expect(unchanged["approved_kinds"] == nil)
            #expect(try await fixture.audit(access.id).isEmpty)
            #expect(try await fixture.replies(access.id).isEmpty)

            // Leaving a kind out is the operator's to decide.
            let both = try await fixture.insert(state: "awaiting_confirmation", kinds: ["access", "erase"])
            let narrowed = try await dsrd(["requests", "approve", both.reference, "--kinds", "access"],
                                          environment: ["SUDO_USER": "kari"])
            #expect(narrowed.status == 0, "\(narrowed.errors)")
            let row = try await fixture.request(both.id)
            #expect(row["state"] == "received" && row["approved_kinds"] == "[\"access\"]")
        }

        @Test func rejectQueuesTheRefusalWithTheReasonInTheRequestsLanguage() async throws {
            let fixture = try DecisionFixture()
            let request = try await fixture.insert(state: "needs_review", language: "nb")
            let reason = "Vi fant ingen opplysninger som knytter adressen til en kunde."
            let outcome = try await fixture.decisions.reject(reference: request.reference, reason: "  \(reason)\n",
                                                             decider: OperatorIdentity(login: "kari"))
            #expect(outcome.reference == request.reference && outcome.replyQueued)
            #expect(outcome.fromState == "needs_review" && outcome.toState == "rejected")
            let row = try await fixture.request(request.id)
            #expect(row["state"] == "rejected" && row["state_reason"] == reason)
            let replies = try await fixture.replies(request.id)
            #expect(replies.count == 1)
            let reply = try #require(replies.first)
            #expect(reply["template"] == "refusal" && reply["state"] == "pending")
            #expect(reply["recipients"] == "{\(request.address)}")
            let mail = MessageReader.read(try reply.bytes("raw"))
            #expect(mail.subject.contains("[\(request.reference)]") && mail.subject.contains("avgjørelse"))
            #expect(mail.text.contains(reason) && mail.text.contains("Datatilsynet"))
            #expect(mail.inReplyTo == [request.openingMessageID])
            let audit = try await fixture.audit(request.id)
            #expect(audit.map { $0["action"] } == ["rejected", "reply_queued"])
            #expect(audit.allSatisfy { $0["actor"] == "operator:kari" })
            #expect(audit.first?["reason"] == reason && audit.last?["reason"] == "refusal")

            // Closed now: a second rejection is refused and queues nothing.
            await #expect(throws: DecisionRefusal.notOpen(reference: request.reference, state: "rejected")) {
                try await fixture.decisions.reject(reference: request.reference, reason: "again", decider: OperatorIdentity(login: "kari"))
            }
            #expect(try await fixture.replies(request.id).count == 1)
        }

        /// A refusal on a named ground, worded by the template in the reply's
        /// language; --preview shows the mail first and changes nothing; text
        /// in the other language alone is refused.
        @Test func rejectOnANamedGroundPreviewsThenQueuesInTheRepliesLanguage() async throws {
            let fixture = try DecisionFixture()
            let request = try await fixture.insert(state: "needs_review", language: "nb")
            let preview = try await dsrd(["requests", "reject", request.reference, "--ground", "art15-4", "--preview"],
                                         environment: ["SUDO_USER": "kari"])
            #expect(preview.status == 0, "\(preview.errors)")
            #expect(preview.output.contains("\(request.reference): preview of the refusal in nb (nothing changed or queued"))
            #expect(preview.output.contains("To: \(request.address)"))
            #expect(preview.output.contains("Subject: Din personvernforespørsel [\(request.reference)]: avgjørelsen vår"))
            #expect(preview.output.contains("Vi har bestemt at vi ikke\netterkommer den."))
            #expect(preview.output.contains("(personvernforordningen artikkel 15 nr. 4)"))
            #expect(!preview.output.contains("artikkel 12 nr. 5)") && !preview.output.contains("§ 16"))
            #expect(try await fixture.request(request.id)["state"] == "needs_review")
            #expect(try await fixture.replies(request.id).isEmpty)
            #expect(try await fixture.audit(request.id).isEmpty)

            // English text alone does not answer a person who is written to in bokmål.
            let english = try await dsrd(["requests", "reject", request.reference, "--reason-en", "Not yours."],
                                         environment: ["SUDO_USER": "kari"])
            #expect(english.status == 1)
            #expect(english.errors.contains("is answered in nb: give --reason-nb TEXT"), "\(english.errors)")
            #expect(try await fixture.request(request.id)["state"] == "needs_review")

            let run = try await dsrd(["requests", "reject", request.reference, "--ground", "pol16",
                                      "--reason-nb", "Det gjelder interne notater.", "--reason-en", "Internal notes."],
                                     environment: ["SUDO_USER": "kari"])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.contains("refusal queued in nb"))
            let reply = try #require(try await fixture.replies(request.id).first)
            let mail = MessageReader.read(try reply.bytes("raw"))
            #expect(mail.text.contains("unntatt fra retten til innsyn etter\npersonopplysningsloven § 16."))
            #expect(mail.text.contains("Det gjelder interne notater.") && !mail.text.contains("Internal notes."))
            let audit = try await fixture.audit(request.id)
            #expect(audit.first?["reason"] == "ground pol16; Det gjelder interne notater.")
            #expect(audit.first?["details"]?.contains("\"grounds\": [\"pol16\"]") == true)

            let unknown = try await dsrd(["requests", "reject", request.reference, "--ground", "complex"],
                                         environment: ["SUDO_USER": "kari"])
            #expect(unknown.status == 64 && unknown.errors.contains("unknown ground 'complex' for reject (one of art12-5, art15-4, pol16)"))
            let none = try await dsrd(["requests", "reject", request.reference], environment: ["SUDO_USER": "kari"])
            #expect(none.status == 64 && none.errors.contains("give a reason the data subject reads"))
        }

        @Test func extendOnANamedGroundPreviewsThenQueuesInTheRepliesLanguage() async throws {
            let fixture = try DecisionFixture()
            let request = try await fixture.insert(state: "received", language: "en", dueOn: "2099-06-01")
            let preview = try await dsrd(["requests", "extend", request.reference, "--ground", "many", "--months", "1",
                                          "--preview"], environment: ["SUDO_USER": "kari"])
            #expect(preview.status == 0, "\(preview.errors)")
            #expect(preview.output.contains("preview of the extension notice in en"))
            #expect(preview.output.contains("Subject: Your privacy request [\(request.reference)]: we need more time"))
            #expect(preview.output.contains("We have received many requests in a short time"))
            #expect(preview.output.contains("no later than 1 July 2099"))
            #expect(try await fixture.request(request.id)["extended_due_on"] == nil)
            #expect(try await fixture.replies(request.id).isEmpty)
            #expect(try await fixture.audit(request.id).isEmpty)

            let run = try await dsrd(["requests", "extend", request.reference, "--ground", "complex", "--months", "1"],
                                     environment: ["SUDO_USER": "kari"])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.contains("extended by kari until 2099-07-01; notice queued in en"))
            let mail = MessageReader.read(try #require(try await fixture.replies(request.id).first).bytes("raw"))
            #expect(mail.text.contains("Your request is complex") && !mail.text.contains("many requests in a short time"))
            #expect(try await fixture.audit(request.id).first?["reason"] == "ground complex")
        }

        @Test func extendSetsTheDateQueuesTheNoticeAndOnlyOnceAndInTime() async throws {
            let fixture = try DecisionFixture()
            let request = try await fixture.insert(state: "received")
            let outcome = try await fixture.decisions.extend(reference: request.reference, reason: "Many requests at once.",
                                                             months: 2, decider: OperatorIdentity(login: "kari"))
            #expect(outcome.extendedDueOn == Day(iso: "2027-02-02") && outcome.replyQueued)
            #expect(try await fixture.request(request.id)["extended_due_on"] == "2027-02-02")
            let replies = try await fixture.replies(request.id)
            #expect(replies.map { $0["template"] } == ["extension"])
            let mail = MessageReader.read(try #require(replies.first).bytes("raw"))
            #expect(mail.text.contains("2 February 2027") && mail.text.contains("Many requests at once."))
            #expect(mail.text.contains("2 December 2026") && mail.subject.contains("[\(request.reference)]"))
            let audit = try await fixture.audit(request.id)
            #expect(audit.map { $0["action"] } == ["extended", "reply_queued"])
            let detailsText = try #require(audit.first?["details"])
            let details = try #require(try JSONSerialization.jsonObject(with: Data(detailsText.utf8)) as? [String: Any])
            #expect(details["months"] as? Int == 2 && details["due_on"] as? String == "2026-12-02")
            #expect(details["extended_due_on"] as? String == "2027-02-02")

            // The list shows the extended date.
            let list = try await RequestQueries(client: fixture.client).list(state: "received")
            #expect(list.first { $0.reference == request.reference }?.dueOn == "2027-02-02")

            // Once only.
            await #expect(throws: DecisionRefusal.alreadyExtended(reference: request.reference,
                                                                  until: try #require(Day(iso: "2027-02-02")))) {
                try await fixture.decisions.extend(reference: request.reference, reason: "More", months: 1,
                                                   decider: OperatorIdentity(login: "kari"))
            }
            // After the first due day (today is 2026-11-25 in the fixture's clock): refused, nothing queued.
            let late = try await fixture.insert(state: "needs_review", dueOn: "2026-11-24")
            let run = try await dsrd(["requests", "extend", late.reference, "--reason", "Late", "--months", "1"],
                                     environment: ["DSRD_OPERATOR": "kari"])
            #expect(run.status == 1)
            #expect(run.errors.contains("was due on 2026-11-24"))
            #expect(try await fixture.request(late.id)["extended_due_on"] == nil)
            #expect(try await fixture.replies(late.id).isEmpty)
            #expect(try await fixture.audit(late.id).isEmpty)
        }
    }
}
