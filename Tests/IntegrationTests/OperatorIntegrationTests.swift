import Daemon
import Foundation
import Records
import Requests
import Store
import Testing

/// Runs `dsrd` with the stack's config and extra environment; its exit status and output.
func dsrd(_ arguments: [String], environment: [String: String] = [:]) async throws
    -> (status: Int32?, output: String, errors: String) {
    let daemon = try DaemonProcess(arguments: arguments, environment: environment)
    let output = Pipe()
    daemon.process.standardOutput = output
    try daemon.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let status = await daemon.exitStatus(within: 30)
    return (status, String(decoding: data, as: UTF8.self), daemon.log)
}

private func day(_ iso: String) throws -> Day { try #require(Day(iso: iso)) }

private func instant(_ text: String) throws -> Date { try #require(TimestampFormat.date(from: text)) }

/// A request with one message in and one reply out, and two audit events.
private func insertRequestWithHistory(_ client: PostgresClient) async throws -> String {
    let subject = "ola.hansen.\(UUID().uuidString.prefix(6).lowercased())@example.com"
    var request = TestData.Request(subject: subject, receivedAt: try #require(TimestampFormat.date(from: "2026-11-02T09:00:00Z")),
                                   dueOn: try day("2026-12-02"))
    request.reference = "T-OP-" + UUID().uuidString.prefix(8).uppercased()
    request.kinds = [.access, .erase]
    request.language = .nb
    request.confidence = 0.8
    request.extendedDueOn = try day("2027-02-02")
    let reference = request.reference
    let inboundRaw = """
        From: Ola Hansen <\(subject)>\r
        To: notices@janteloppet.test\r
        Subject: =?UTF-8?Q?Innsyn_og_sletting_=E2=80=93_=C3=A6=C3=B8=C3=A5?=\r
        Message-ID: <op-in-\(reference)@example.com>\r
        \r
        Hei.\r

        """
    let opened = request
    let replyRaw = "Subject: Vi har mottatt henvendelsen\r\nMessage-ID: <op-out-\(reference)@janteloppet.test>\r\n\r\nHei.\r\n"
    try await client.transaction { connection in
        let (requestID, _) = try TestData.open(opened, in: connection)
        try TestData.record(Array(inboundRaw.utf8), messageID: "<op-in-\(reference)@example.com>", for: requestID,
                            mailbox: "test-operators", receivedAt: opened.receivedAt, in: connection)
        // A reply already sent, at fixed times (delivery's own path claims due mail of every test).
        let outboxID = try #require(try connection.execute("""
            INSERT INTO dsr.outbox (request_id, message_id, template, envelope_from, recipients, raw, state, sent_at,
                                    created_at)
            VALUES ($1::bigint, $2, 'receipt', 'notices@janteloppet.test', $3::text[], $4, 'sent',
                    '2026-11-02T09:01:00Z', '2026-11-02T09:00:30Z')
            RETURNING id
            """, [.int(requestID), .text("<op-out-\(reference)@janteloppet.test>"), .textArray([subject]),
                  .bytes(Array(replyRaw.utf8))]).first?.int("id"))
        try RequestRecords(connection).link(requestID: requestID, outboxID: outboxID, role: .reply)
        let audit = AuditTrail(connection)
        try audit.append(requestID: requestID, actor: "dsrd:intake", action: .received, to: "received",
                         at: opened.receivedAt)
        try audit.append(requestID: requestID, actor: "dsrd:delivery", action: .replySent,
                         at: try instant("2026-11-02T09:01:00Z"))
    }
    return reference
}

/// A claimed-address request as intake kept it before it recorded the
/// requester: ola at attacker.example asked about kari's address, and
/// fulfilment sent the confirmation to kari.
private func insertClaimedAddressRequest(_ client: PostgresClient) async throws
    -> (id: Int, reference: String, requester: String, subject: String) {
    let requester = LocalStack.uniqueAddress("ola", domain: "attacker.example")
    let subject = LocalStack.uniqueAddress("kari.nordmann", domain: "example.no")
    let receivedAt = try #require(TimestampFormat.date(from: "2026-11-02T09:00:00Z"))
    var request = TestData.Request(subject: subject, receivedAt: receivedAt, dueOn: try day("2026-12-02"))
    request.reference = "T-OPC-" + UUID().uuidString.prefix(8).uppercased()
    request.kinds = [.erase]
    request.state = .awaitingConfirmation
    request.requester = nil
    let reference = request.reference
    let raw = Array("""
        From: Ola <\(requester)>\r
        Subject: Delete my data\r
        Message-ID: <claim-\(reference)@attacker.example>\r
        \r
        Please delete all personal data you hold about me. My registered address is \(subject).\r

        """.utf8)
    let opened = request
    let id = try await client.transaction { connection in
        let (id, _) = try TestData.open(opened, in: connection)
        try TestData.record(raw, messageID: "claim-\(reference)@attacker.example", for: id, mailbox: "test-operators",
                            receivedAt: receivedAt, in: connection)
        let audit = AuditTrail(connection)
        try audit.append(requestID: id, actor: "dsrd:intake", action: .received, to: "received", at: receivedAt)
        try audit.append(requestID: id, actor: "dsrd:fulfil", action: .confirmationRequested, from: "received",
                         to: "awaiting_confirmation", detailsJSON: #"{"other_address": true}"#,
                         at: receivedAt.addingTimeInterval(300))
        return id
    }
    return (id, reference, requester, subject)
}

/// What a terminal would obey in `dsrd` output: nothing but the line ends.
enum TerminalOutput {
    static func isClean(_ output: String) -> Bool {
        !output.unicodeScalars.contains { $0 != "\n" && TerminalText.isUnsafe($0) } && !output.utf8.contains(0x1B)
    }
}

extension LiveStackTests {
    @Suite struct OperatorIntegrationTests {
        @Test func requestsListJSONHasTheExpectedKeys() async throws {
            let stack = try LocalStack()
            let reference = try await insertRequestWithHistory(PostgresClient(configuration: stack.postgres))
            let run = try await dsrd(["requests", "list", "--json", "--state", "received"])
            #expect(run.status == 0, "\(run.errors)")
            let line = try #require(run.output.split(separator: "\n").first { $0.contains(reference) })
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["reference"] as? String == reference)
            #expect(object["kinds"] as? [String] == ["access", "erase"])
            #expect(object["state"] as? String == "received")
            #expect(object["received_at"] as? String == "2026-11-02T09:00:00Z")
            #expect(object["due_at"] as? String == "2027-02-02")
            #expect(object["language"] as? String == "nb")
            // Every line is one JSON object.
            for line in run.output.split(separator: "\n") {
                #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any])
            }
            // Another state filters it out.
            let other = try await dsrd(["requests", "list", "--json", "--state", "completed"])
            #expect(other.status == 0)
            #expect(!other.output.contains(reference))
        }

        @Test func requestsShowPrintsMessagesAndAuditTrailInOrder() async throws {
            let stack = try LocalStack()
            let reference = try await insertRequestWithHistory(PostgresClient(configuration: stack.postgres))
            let text = try await dsrd(["requests", "show", reference])
            #expect(text.status == 0, "\(text.errors)")
            #expect(text.output.contains("Subject: Innsyn og sletting – æøå"))
            #expect(text.output.contains("Subject: Vi har mottatt henvendelsen"))
            #expect(text.output.contains("extended from 2026-12-02"))
            // Who asked: the opening message's From, the subject's own address here.
            #expect(text.output.contains("from        Ola Hansen <ola.hansen."))
            #expect(!text.output.contains("CLAIMED"))
            let received = try #require(text.output.range(of: "dsrd:intake  received"))
            let sent = try #require(text.output.range(of: "dsrd:delivery  reply_sent"))
            #expect(received.lowerBound < sent.lowerBound)
            // The subject's address is printed for the operator, never logged.
            #expect(!text.errors.contains("@example.com"))

            let json = try await dsrd(["requests", "show", reference, "--json"])
            #expect(json.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            let messages = try #require(object["messages"] as? [[String: Any]])
            #expect(messages.map { $0["direction"] as? String } == ["in", "out"])
            #expect(messages.first?["what"] as? String == "request")
            #expect(messages.last?["what"] as? String == "receipt")
            #expect(messages.last?["delivery_state"] as? String == "sent")
            #expect(messages.first?["message_id"] as? String == "<op-in-\(reference)@example.com>")
            let audit = try #require(object["audit"] as? [[String: Any]])
            #expect(audit.map { $0["action"] as? String } == ["received", "reply_sent"])
        }

        @Test func showNamesWhoAskedTheClaimedAddressTheSenderVerdictAndTheAuditDetails() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let claimed = try await insertClaimedAddressRequest(client)
            let text = try await dsrd(["requests", "show", claimed.reference])
            #expect(text.status == 0, "\(text.errors)")
            #expect(text.output.contains("from        Ola <\(claimed.requester)>"), "\(text.output)")
            #expect(text.output.contains("subject     \(claimed.subject)  (CLAIMED: not the address the request came from)"))
            // No verdict recorded at intake: read now from the stored message (it has no results).
            #expect(text.output.contains("sender      unverified (no Authentication-Results)  (read now from the stored message)"))
            // The audit details, which tell that a confirmation went to another address.
            #expect(text.output.contains("dsrd:fulfil  confirmation_requested  received -> awaiting_confirmation\n"
                                         + "      details {\"other_address\": true}"))

            let json = try await dsrd(["requests", "show", claimed.reference, "--json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            #expect(object["requester_address"] as? String == claimed.requester)
            #expect(object["requester_name"] as? String == "Ola")
            #expect(object["claimed_address"] as? String == claimed.subject)
            #expect(object["subject_address"] as? String == claimed.subject)
            #expect(object["sender_verdict"] as? String == "unverified (no Authentication-Results)")
            #expect(object["sender_verdict_source"] as? String == "stored_message")

            // What intake recorded wins over the stored bytes.
            try await client.query("""
                UPDATE dsr.requests SET requester_address = $2, sender_verdict = 'fail (dmarc=fail)' WHERE id = $1
                """, [.int(claimed.id), .text(claimed.requester)])
            let recorded = try await dsrd(["requests", "show", claimed.reference])
            #expect(recorded.output.contains("sender      fail (dmarc=fail)\n"))
            #expect(recorded.output.contains("(CLAIMED: not the address the request came from)"))
            let recordedJSON = try await dsrd(["requests", "show", claimed.reference, "--json"])
            let again = try #require(try JSONSerialization.jsonObject(with: Data(recordedJSON.output.utf8)) as? [String: Any])
            #expect(again["sender_verdict_source"] as? String == "intake")
        }

        @Test func terminalControlsInMailNeverReachTheTerminal() async throws {
            let harness = try IntakeHarness()
            let sender = LocalStack.uniqueAddress("ola.hansen", domain: "example.com")
            func encoded(_ text: String) -> String { "=?UTF-8?B?" + Data(text.utf8).base64EncodedString() + "?=" }
            // Conceal the rest, move up and erase a line, C1's CSI, a right-to-left override.
            let name = "Ola \u{1B}[8m Hansen \u{202E}nesnaH"
            let subject = "Slett meg\u{1B}[1A\u{1B}[2K\u{9B}2K\u{2028}  2026-11-02  dsrd:intake  confirmed"
            var raw = Array("From: \(encoded(name)) <\(sender)>\r\nTo: \(harness.notices)\r\n".utf8)
            raw += Array("Subject: \(encoded(subject))\r\nMessage-ID: <x".utf8) + [0x1B] + Array("[8m".utf8) + [0xC2, 0x9B]
            raw += Array("2K\u{202E}y@attacker.example>\r\nDate: Wed, 25 Nov 2026 10:00:00 +0100\r\n".utf8)
            raw += Array("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n".utf8)
            raw += Array("Please delete all personal data you hold about me.\r\n".utf8)
            let outcome = try #require(try await harness.record(raw, uid: UInt64.random(in: 1..<UInt64(Int32.max))))
            let reference = try #require(outcome.requestReference)

            // Intake stores the Message-ID without its controls.
            let stored = try #require(try await harness.rows("SELECT message_id FROM dsr.inbound WHERE id = $1",
                                                             [.int(outcome.inboundID)]).first?["message_id"])
            #expect(stored == "x[8m2Ky@attacker.example")

            let show = try await dsrd(["requests", "show", reference])
            #expect(show.status == 0, "\(show.errors)")
            #expect(TerminalOutput.isClean(show.output), "\(show.output.debugDescription)")
            #expect(show.output.contains("Message-ID: x[8m2Ky@attacker.example"))
            #expect(show.output.contains("\\u009b2K\\u2028  2026-11-02  dsrd:intake  confirmed"))
            #expect(show.output.contains("Ola") && show.output.contains("\\u202enesnaH <\(sender)>"))
            // The audit trail is all there, and the subject's forged "confirmed"
            // event stays inside its Subject line instead of starting a line.
            #expect(show.output.contains("dsrd:intake  received  - -> received"))
            let lines = show.output.split(separator: "\n")
            #expect(lines.filter { $0.contains("confirmed") }.allSatisfy { $0.hasPrefix("      Subject: ") })

            // A row stored before that rule, with the controls in it, is shown escaped all the same.
            try await harness.database.query("UPDATE dsr.inbound SET message_id = $2 WHERE id = $1",
                                             [.int(outcome.inboundID), .text("x\u{1B}[8m\u{9B}2K\u{202E}y@attacker.example")])
            let old = try await dsrd(["requests", "show", reference])
            #expect(TerminalOutput.isClean(old.output), "\(old.output.debugDescription)")
            #expect(old.output.contains("Message-ID: x\\u001b[8m\\u009b2K\\u202ey@attacker.example"))
            #expect(old.output.contains("dsrd:intake  received  - -> received"))

            // JSON: the same values, the controls as JSON escapes only.
            let json = try await dsrd(["requests", "show", reference, "--json"])
            #expect(TerminalOutput.isClean(json.output), "\(json.output.debugDescription)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            let messages = try #require(object["messages"] as? [[String: Any]])
            #expect(messages.first?["message_id"] as? String == "x\u{1B}[8m\u{9B}2K\u{202E}y@attacker.example")
            #expect((messages.first?["subject"] as? String)?.contains("\u{9B}2K\u{2028}") == true)
            #expect((object["requester_name"] as? String)?.contains("\u{202E}nesnaH") == true)

            let list = try await dsrd(["requests", "list"])
            #expect(list.status == 0 && list.output.contains(reference))
            #expect(TerminalOutput.isClean(list.output))
        }

        @Test func anUnknownReferenceIsAClearErrorWithExitOne() async throws {
            _ = try LocalStack()
            let run = try await dsrd(["requests", "show", "NO-SUCH-REF-\(UUID().uuidString.prefix(6))"])
            #expect(run.status == 1)
            #expect(run.errors.contains("no request with reference NO-SUCH-REF-"))
            // An unknown state is a usage error (sysexits EX_USAGE), found before the database is asked.
            let badState = try await dsrd(["requests", "list", "--state", "lost"])
            #expect(badState.status == 64)
            #expect(badState.errors.contains("unknown state 'lost'"))
            let usage = try await dsrd(["requests", "frobnicate"])
            #expect(usage.status == 64)
        }
    }
}
