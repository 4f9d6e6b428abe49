import Foundation
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

/// A request with one message in and one reply out, and two audit events.
private func insertRequestWithHistory(_ client: PostgresClient) async throws -> String {
    let reference = "T-OP-" + UUID().uuidString.prefix(8).uppercased()
    let subject = "ola.hansen.\(UUID().uuidString.prefix(6).lowercased())@example.com"
    let requestID = try #require(try await client.query("""
        INSERT INTO dsr.requests (reference, kinds, language, reply_language, subject_address, state,
                                  received_at, due_on, extended_due_on, confidence)
        VALUES ($1, '{access,erase}', 'nb', 'nb', $2, 'received', '2026-11-02T09:00:00Z', '2026-12-02', '2027-02-02', 0.8)
        RETURNING id
        """, [.text(reference), .text(subject)]).first?.int("id"))
    let inboundRaw = """
        From: Ola Hansen <\(subject)>\r
        To: notices@janteloppet.test\r
        Subject: =?UTF-8?Q?Innsyn_og_sletting_=E2=80=93_=C3=A6=C3=B8=C3=A5?=\r
        Message-ID: <op-in-\(reference)@example.com>\r
        \r
        Hei.\r

        """
    let inboundID = try #require(try await client.query("""
        INSERT INTO dsr.inbound (mailbox, uid_validity, uid, message_id, received_at, size_bytes, raw, outcome)
        VALUES ('test-operators', 1, $1::bigint, $2, '2026-11-02T09:00:00Z', $3::int, $4, 'request')
        RETURNING id
        """, [.int(Int.random(in: 1..<Int(Int32.max))), .text("<op-in-\(reference)@example.com>"),
              .int(inboundRaw.utf8.count), .bytes(Array(inboundRaw.utf8))]).first?.int("id"))
    let replyRaw = "Subject: Vi har mottatt henvendelsen\r\nMessage-ID: <op-out-\(reference)@janteloppet.test>\r\n\r\nHei.\r\n"
    let outboxID = try #require(try await client.query("""
        INSERT INTO dsr.outbox (request_id, message_id, template, envelope_from, recipients, raw, state, sent_at,
                                created_at)
        VALUES ($1::bigint, $2, 'receipt', 'notices@janteloppet.test', $3::text[], $4, 'sent',
                '2026-11-02T09:01:00Z', '2026-11-02T09:00:30Z')
        RETURNING id
        """, [.int(requestID), .text("<op-out-\(reference)@janteloppet.test>"), .textArray([subject]),
              .bytes(Array(replyRaw.utf8))]).first?.int("id"))
    try await client.query("""
        INSERT INTO dsr.request_messages (request_id, inbound_id, outbox_id, role)
        VALUES ($1::bigint, $2::bigint, NULL, 'request'), ($1::bigint, NULL, $3::bigint, 'reply')
        """, [.int(requestID), .int(inboundID), .int(outboxID)])
    try await client.query("""
        INSERT INTO dsr.audit_events (request_id, at, actor, action, from_state, to_state)
        VALUES ($1::bigint, '2026-11-02T09:00:00Z', 'dsrd:intake', 'received', NULL, 'received'),
               ($1::bigint, '2026-11-02T09:01:00Z', 'dsrd:delivery', 'reply_sent', NULL, NULL)
        """, [.int(requestID)])
    return reference
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

        @Test func anUnknownReferenceIsAClearErrorWithExitOne() async throws {
            _ = try LocalStack()
            let run = try await dsrd(["requests", "show", "NO-SUCH-REF-\(UUID().uuidString.prefix(6))"])
            #expect(run.status == 1)
            #expect(run.errors.contains("no request with reference NO-SUCH-REF-"))
            let badState = try await dsrd(["requests", "list", "--state", "lost"])
            #expect(badState.status == 1)
            #expect(badState.errors.contains("unknown state 'lost'"))
            let usage = try await dsrd(["requests", "frobnicate"])
            #expect(usage.status == 2)
        }
    }
}
