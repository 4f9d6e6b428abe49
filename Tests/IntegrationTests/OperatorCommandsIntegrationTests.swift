import Daemon
import Foundation
import MailCore
import Records
import Requests
import Store
import Testing

/// `dsrd requests list|find|show|export|complete|note` on the stack, with
/// more than a thousand requests of one person in the database.
extension LiveStackTests {
    @Suite struct OperatorCommandsIntegrationTests {
        private func audit(_ client: PostgresClient, _ id: Int) async throws -> [QueryResult.Row] {
            try await client.query("""
                SELECT actor, action, from_state, to_state, reason, details::text AS details FROM dsr.audit_events
                WHERE request_id = $1 ORDER BY id
                """, [.int(id)]).rows
        }

        private func iso(_ date: Date) -> String { date.formatted(.iso8601) }

        private func jsonLines(_ output: String) throws -> [[String: Any]] {
            try output.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            }
        }

        @Test func completeNoteFindAndExportWithMoreThanAThousandRequests() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let bulk = try await BulkRequests.make(count: 1100, client: client, suppressionKey: try stack.suppressionKey)
            let references = Set(bulk.requests.map(\.reference))

            // list: cut at 1000 by default, and it says so; --all and --limit.
            let listed = try await dsrd(["requests", "list"])
            #expect(listed.status == 0, "\(listed.errors)")
            #expect(listed.output.split(separator: "\n").count == 1 + 1000)
            let cut = try #require(listed.errors.split(separator: "\n").first { $0.contains("showing the newest 1000 of ") })
            let total = try #require(Int(cut.split(separator: " ").drop { $0 != "of" }.dropFirst().first ?? ""))
            #expect(total >= 1102)
            #expect(cut.hasSuffix("requests; give --limit N or --all for more"))
            let all = try await dsrd(["requests", "list", "--all", "--json"])
            #expect(all.status == 0 && !all.errors.contains("showing"))
            let allReferences = Set(try jsonLines(all.output).compactMap { $0["reference"] as? String })
            #expect(allReferences.count >= total && references.isSubset(of: allReferences))
            let five = try await dsrd(["requests", "list", "--limit", "5", "--json"])
            #expect(try jsonLines(five.output).count == 5 && five.errors.contains("showing the newest 5 of "))

            // find: every one of the person's requests, by any spelling of the address, never cut;
            // the two whose address was replaced by its keyed hash too.
            let found = try await dsrd(["requests", "find", bulk.requester.uppercased(), "--json"])
            #expect(found.status == 0, "\(found.errors)")
            let hits = try jsonLines(found.output)
            #expect(hits.count == 1102 && !found.errors.contains("showing"))
            let byReference = Dictionary(uniqueKeysWithValues: hits.compactMap { hit in
                (hit["reference"] as? String).map { ($0, hit["match"] as? String) }
            })
            #expect(references.allSatisfy { byReference[$0] == "both" })
            #expect(bulk.hashed.allSatisfy { byReference[$0.reference] == "both" })
            let table = try await dsrd(["requests", "find", bulk.requester])
            #expect(table.output.hasPrefix("REFERENCE") && table.output.contains("MATCH"))
            #expect(table.output.split(separator: "\n").count == 1 + 1102)
            let nobody = try await dsrd(["requests", "find", LocalStack.uniqueAddress("nobody")])
            #expect(nobody.status == 0 && nobody.output.contains("(no requests)"))
            let notAnAddress = try await dsrd(["requests", "find", "not-an-address"])
            #expect(notAnAddress.status == 1 && notAnAddress.errors.contains("not an e-mail address"))

            // complete the one left open, by hand, sending nothing; then a note.
            let open = bulk.open
            let completed = try await dsrd(["requests", "complete", open.reference, "--note",
                                            "Copy handed over in person on a USB stick.", "--no-reply"],
                                           environment: ["SUDO_USER": "kari", "DSRD_OPERATOR": ""])
            #expect(completed.status == 0, "\(completed.errors)")
            #expect(completed.output.contains("\(open.reference): completed by kari; needs_review -> completed; no reply sent"))
            let noted = try await dsrd(["requests", "note", open.reference, "Called her to confirm the hand-over."],
                                       environment: ["SUDO_USER": "kari", "DSRD_OPERATOR": "kari.n"])
            #expect(noted.status == 0, "\(noted.errors)")
            let events = try await audit(client, open.id)
            #expect(events.map { $0["action"] } == ["completed", "note"])
            #expect(events.allSatisfy { $0["actor"] == "operator:kari" })
            #expect(events[0]["from_state"] == "needs_review" && events[0]["to_state"] == "completed")
            #expect(events[0]["reason"] == "completed by an operator: Copy handed over in person on a USB stick.")
            #expect(events[0]["details"] == "{\"reply\": \"none\"}")
            #expect(events[1]["reason"] == "Called her to confirm the hand-over." && events[1]["to_state"] == nil)
            #expect(events[1]["details"] == "{\"typed_name\": \"kari.n\"}")
            let state = try await client.query("SELECT state, completed_at FROM dsr.requests WHERE id = $1", [.int(open.id)])
            #expect(state.first?["state"] == "completed" && state.first?.optionalDate("completed_at") != nil)
            #expect(try await client.query("SELECT count(*) AS n FROM dsr.outbox WHERE request_id = $1",
                                           [.int(open.id)]).first?["n"] == "0")

            // show (by reference and by the id of the log lines) prints both.
            for key in [open.reference, String(open.id)] {
                let shown = try await dsrd(["requests", "show", key])
                #expect(shown.status == 0, "\(shown.errors)")
                #expect(shown.output.contains("request     \(open.reference)  (id \(open.id))"))
                #expect(shown.output.contains("operator:kari  completed  needs_review -> completed  "
                                              + "(completed by an operator: Copy handed over in person on a USB stick.)"))
                #expect(shown.output.contains("operator:kari  note  (Called her to confirm the hand-over.)"))
            }
            let noSuchID = try await dsrd(["requests", "show", "999999999"])
            #expect(noSuchID.status == 1 && noSuchID.errors.contains("no request with id 999999999"))

            // export: every request of the day, no address, and the summary.
            let day = bulk.day.description
            let csv = try await dsrd(["requests", "export", "--from", day, "--to", day])
            #expect(csv.status == 0, "\(csv.errors)")
            let rows = csv.output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(rows.first == ["reference", "received", "due", "extended_to", "closed", "outcome", "kinds",
                                   "decided_by", "days_to_close", "in_time"])
            #expect(rows.count == 1 + 1102)
            #expect(!csv.output.contains("@") && !csv.output.contains(String(bulk.requester.prefix(14))))
            let rowByReference = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
            let late = try #require(rowByReference[bulk.requests[7].reference])
            #expect(Array(late[5...]) == ["rejected", "access", "kari", "40", "no"])
            let quick = try #require(rowByReference[bulk.requests[3].reference])
            #expect(Array(quick[5...]) == ["completed", "access", "dsrd", "3", "yes"])
            #expect(quick[1] == iso(try BulkRequests.morning(bulk.day, plus: 3)))
            #expect(quick[4] == iso(try BulkRequests.morning(bulk.day, plus: 3).addingTimeInterval(3 * 86_400)))
            let byHand = try #require(rowByReference[open.reference])
            #expect(byHand[5] == "completed" && byHand[7] == "kari" && byHand[9] == "no")

            // The summary on stderr, with the figures worked out here.
            let handDays = Day(Date()).daysSinceEpoch - bulk.day.daysSinceEpoch
            let days = (bulk.closeDays + [handDays]).sorted()
            let median = days.count % 2 == 1 ? Double(days[days.count / 2])
                : Double(days[days.count / 2 - 1] + days[days.count / 2]) / 2
            let inTime = 1102 - bulk.rejected - 1
            let summary = InspectionExport.Summary(requests: 1102, answered: 1102, answeredInTime: inTime, open: 0,
                                                   overdue: 0, ignored: 0, medianDaysToClose: median)
            #expect(csv.errors.contains("dsrd requests export: \(day) to \(day): \(InspectionExport.text(summary))"),
                    "\(csv.errors)")
            #expect(csv.errors.contains("1102 requests, \(inTime) answered in time"))

            let json = try await dsrd(["requests", "export", "--from", day, "--to", day, "--format", "json"])
            #expect(json.status == 0)
            let array = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
            #expect(array.count == 1102)
            let first = try #require(array.first { $0["reference"] as? String == bulk.requests[7].reference })
            #expect(first["outcome"] as? String == "rejected" && first["in_time"] as? Bool == false)
            #expect(first["days_to_close"] as? Int == 40 && first["decided_by"] as? String == "kari")
            #expect(first["extended_to"] is NSNull && first["kinds"] as? [String] == ["access"])
            #expect(!json.output.contains("@"))

            // A day before: nothing of these.
            let before = bulk.day.adding(days: -1).description
            let empty = try await dsrd(["requests", "export", "--to", before, "--from", before])
            #expect(!empty.output.contains("T-BULK-\(day)"))
            await client.close()
        }

        @Test func completeQueuesAReplyOnlyWhenAskedAndOnlyOneTheRequestFillsIn() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let address = LocalStack.uniqueAddress("hand.done", domain: "example.com")
            var request = TestData.Request(subject: address)
            request.state = .needsReview
            request.language = .nb
            let opened = request
            let (id, reference) = try await client.transaction { try TestData.open(opened, in: $0) }

            // Neither --reply nor --no-reply, a reply that needs dsrd's own lists, no note: usage errors.
            let neither = try await dsrd(["requests", "complete", reference, "--note", "Done."])
            #expect(neither.status == 64 && neither.errors.contains("give --reply TEMPLATE or --no-reply"))
            let lists = try await dsrd(["requests", "complete", reference, "--note", "Done.", "--reply", "erase_completed"])
            #expect(lists.status == 64 && lists.errors.contains("erase_completed cannot be sent by hand"))
            #expect(lists.errors.contains("--reply takes no_data"))
            let noNote = try await dsrd(["requests", "complete", reference, "--no-reply"])
            #expect(noNote.status == 64 && noNote.errors.contains("--note TEXT is required"))
            let blank = try await dsrd(["requests", "complete", reference, "--note", "  ", "--no-reply"],
                                       environment: ["SUDO_USER": "kari"])
            #expect(blank.status == 1 && blank.errors.contains("the note must not be empty"))
            #expect(try await audit(client, id).isEmpty)

            let done = try await dsrd(["requests", "complete", reference, "--note", "Searched the old CRM by hand: nothing.",
                                       "--reply", "no_data"], environment: ["SUDO_USER": "kari"])
            #expect(done.status == 0, "\(done.errors)")
            #expect(done.output.contains("completed by kari; needs_review -> completed; no_data queued"))
            let events = try await audit(client, id)
            #expect(events.map { $0["action"] } == ["completed", "reply_queued"])
            #expect(events[0]["details"] == "{\"reply\": \"no_data\"}" && events[1]["reason"] == "no_data")
            let reply = try #require(try await client.query("""
                SELECT o.template, o.recipients::text AS recipients, o.raw, o.state FROM dsr.outbox o
                JOIN dsr.request_messages m ON m.outbox_id = o.id AND m.role = 'reply' WHERE m.request_id = $1
                """, [.int(id)]).first)
            #expect(reply["template"] == "no_data" && reply["state"] == "pending" && reply["recipients"] == "{\(address)}")
            let mail = MessageReader.read(try reply.bytes("raw"))
            #expect(mail.subject.contains("[\(reference)]") && mail.text.contains("Datatilsynet"))

            // Closed now: completing again is refused, nothing written.
            let again = try await dsrd(["requests", "complete", reference, "--note", "Again.", "--no-reply"],
                                       environment: ["SUDO_USER": "kari"])
            #expect(again.status == 1 && again.errors.contains("is completed, not open"))
            #expect(try await audit(client, id).count == 2)
            // A note is still welcome on a closed request.
            let note = try await dsrd(["requests", "note", reference, "She confirmed by phone."],
                                      environment: ["SUDO_USER": "kari"])
            #expect(note.status == 0 && note.output.contains("note added by kari (request completed)"))
            let unknown = try await dsrd(["requests", "note", "NO-SUCH-\(UUID().uuidString.prefix(6))", "x"],
                                         environment: ["SUDO_USER": "kari"])
            #expect(unknown.status == 1 && unknown.errors.contains("no request with reference NO-SUCH-"))
            await client.close()
        }
    }
}
