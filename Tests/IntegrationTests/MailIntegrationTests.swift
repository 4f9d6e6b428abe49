import Foundation
import Testing
import Transport

/// A fresh mailbox holding `count` sample messages (markers `TAG-n-…`),
/// delivered through the stack's Postfix; a client for it.
private func mailbox(holding count: Int, tag: String) async throws -> IMAPClient {
    let stack = try LocalStack()
    let recipient = LocalStack.uniqueAddress(tag)
    let smtp = stack.smtp()
    for index in 0..<count {
        try await smtp.send(sampleMessage(to: recipient, marker: "\(tag)-\(index)-\(UUID().uuidString)"),
                            from: "ola.hansen@example.com", to: [recipient])
    }
    let imap = stack.imap(user: recipient)
    _ = try await stack.waitForMessages(imap, mailbox: .inbox, count: count)
    return imap
}

/// A small message with CRLF line ends, a unique Message-ID and æøå.
private func sampleMessage(to recipient: String, marker: String) -> [UInt8] {
    let text = """
        From: Kari Nordmann <kari.nordmann@example.no>\r
        To: \(recipient)\r
        Subject: =?UTF-8?Q?Innsyn_i_personopplysninger_=E2=80=93_=C3=A6=C3=B8=C3=A5?=\r
        Message-ID: <\(marker)@example.no>\r
        Date: Wed, 25 Nov 2026 10:00:00 +0100\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=utf-8\r
        Content-Transfer-Encoding: 8bit\r
        \r
        Hei, jeg ønsker innsyn i alt dere lagrer om meg. Æ Ø Å.\r
        .a line that starts with a dot\r
        \(marker)\r

        """
    return Array(text.utf8)
}

private func endsWith(_ bytes: [UInt8], _ suffix: [UInt8]) -> Bool {
    bytes.count >= suffix.count && Array(bytes.suffix(suffix.count)) == suffix
}

extension LiveStackTests {
    @Suite struct MailIntegrationTests {
        @Test func sendFetchMarkAndMove() async throws {
            let stack = try LocalStack()
            let recipient = LocalStack.uniqueAddress("roundtrip")
            let marker = "marker-\(UUID().uuidString)"
            let message = sampleMessage(to: recipient, marker: marker)

            try await stack.smtp().send(message, from: "kari.nordmann@example.no", to: [recipient])

            let imap = stack.imap(user: recipient)
            let status = try await stack.waitForMessages(imap, mailbox: .inbox, count: 1)
            #expect(status.messages == 1)
            let uids = try await imap.uids(in: .inbox, from: 1)
            #expect(uids.count == 1)
            let uid = try #require(uids.first)
            #expect(status.uidNext > uid)

            // Byte-exact: the stored message is the servers' trace headers
            // followed by exactly the bytes sent (dot line included).
            let fetched = try await imap.fetch(uid: uid, in: .inbox)
            #expect(endsWith(fetched, message))
            #expect(try await imap.fetch(uid: uid, in: .inbox) == fetched)
            let metadata = try await imap.metadata(uid: uid, in: .inbox)
            #expect(metadata.internalDate != nil)
            #expect(metadata.size == fetched.count)
            // Several at once: the same, and a UID that is not there is left out.
            #expect(try await imap.metadata(uids: [uid, uid + 1_000], in: .inbox) == [uid: metadata])

            try await imap.addKeyword("$DsrdRecorded", uid: uid, in: .inbox)
            #expect(try await imap.flags(uid: uid, in: .inbox).contains("$DsrdRecorded"))

            let processed = try #require(MailboxName("Processed"))
            try await imap.createIfMissing(processed)
            try await imap.createIfMissing(processed)  // idempotent
            #expect(try await imap.exists(processed))
            try await imap.move(uid: uid, from: .inbox, to: processed)
            #expect(try await imap.status(of: .inbox).messages == 0)
            let moved = try await imap.uids(in: processed, from: 1)
            #expect(moved.count == 1)
            let movedUID = try #require(moved.first)
            #expect(endsWith(try await imap.fetch(uid: movedUID, in: processed), message))
            #expect(try await imap.flags(uid: movedUID, in: processed).contains("$DsrdRecorded"))
            // Moving a UID that is gone is not an error (a retried move after a crash).
            try await imap.move(uid: uid, from: .inbox, to: processed)
        }

        @Test func aRoundsWorthOfMessagesIsMarkedAndMovedTogether() async throws {
            let imap = try await mailbox(holding: 250, tag: "batch")
            // As intake does: every body fetched on one session (each fetch
            // sets \Seen, which the server reports back), then one round of
            // STORE and MOVE. The replies must stay within what curl takes.
            let uids = try await imap.uids(in: .inbox, from: 1)
            for uid in uids { _ = try await imap.fetch(uid: uid, in: .inbox) }
            let processed = try #require(MailboxName("Processed"))
            try await imap.createIfMissing(processed)
            try await imap.addKeyword("$DsrdRecorded", uids: uids, in: .inbox)
            try await imap.move(uids: uids, from: .inbox, to: processed)
            #expect(try await imap.status(of: .inbox).messages == 0)
            let moved = try await imap.uids(in: processed, from: 1)
            #expect(moved.count == 250)
            #expect(try await imap.flags(uid: try #require(moved.last), in: processed).contains("$DsrdRecorded"))
        }

        @Test func oneConnectionServesManyFetches() async throws {
            let imap = try await mailbox(holding: 20, tag: "many")
            let uids = try await imap.uids(in: .inbox, from: 1)
            #expect(uids.count == 20)
            for uid in uids {
                let bytes = try await imap.fetch(uid: uid, in: .inbox)
                #expect(String(decoding: bytes, as: UTF8.self).contains("many-"))
            }
            // UIDs from a point on: only the later ones.
            let later = try await imap.uids(in: .inbox, from: uids[10])
            #expect(later == Array(uids[10...]))
            // A UID past the end returns nothing, not the last message.
            #expect(try await imap.uids(in: .inbox, from: (uids.last ?? 0) + 1).isEmpty)
        }

        @Test func missingUIDAndBadLoginAreTypedErrors() async throws {
            let stack = try LocalStack()
            let imap = stack.imap(user: LocalStack.uniqueAddress("empty"))
            do {
                _ = try await imap.fetch(uid: 999_999, in: .inbox)
                Issue.record("fetched a UID that does not exist")
            } catch let error as TransportError {
                #expect(error.kind == .rejected)
            }
            let wrong = stack.imap(user: "notices@janteloppet.test", password: "not-the-password")
            do {
                _ = try await wrong.status(of: .inbox)
                Issue.record("logged in with a wrong password")
            } catch let error as TransportError {
                #expect(error.kind == .authentication)
                #expect(!error.description.contains("not-the-password"))
            }
        }

        @Test func smtpTellsTemporaryFromPermanentRefusals() async throws {
            let stack = try LocalStack()
            let smtp = stack.smtp()
            let message = sampleMessage(to: "tempfail@example.net", marker: "refusals")
            do {
                try await smtp.send(message, from: "notices@janteloppet.test", to: ["tempfail@example.net"])
                Issue.record("a 4xx recipient was accepted")
            } catch let error as TransportError {
                #expect(error.kind == .transient)
                #expect(error.replyCode == 450)
                #expect(error.isRetryable)
            }
            do {
                try await smtp.send(message, from: "notices@janteloppet.test", to: ["rejected@example.net"])
                Issue.record("a 5xx recipient was accepted")
            } catch let error as TransportError {
                #expect(error.kind == .permanent)
                #expect(error.replyCode == 550)
                #expect(!error.isRetryable)
            }
            // Relaying to a domain that is not ours is refused permanently.
            do {
                try await smtp.send(message, from: "notices@janteloppet.test", to: ["someone@elsewhere.invalid"])
                Issue.record("relayed to a foreign domain")
            } catch let error as TransportError {
                #expect(error.kind == .permanent)
            }
            // The same client still sends after refusals.
            let recipient = LocalStack.uniqueAddress("after-refusals")
            try await smtp.send(sampleMessage(to: recipient, marker: "after"), from: "notices@janteloppet.test", to: [recipient])
        }

        @Test func crlfInEnvelopeAddressesIsRefusedBeforeTheServerSeesIt() async throws {
            let stack = try LocalStack()
            let smtp = stack.smtp()
            let victim = LocalStack.uniqueAddress("injected")
            let hostile = "a@example.org>\r\nRCPT TO:<\(victim)"
            for (from, to) in [(hostile, "notices@janteloppet.test"), ("notices@janteloppet.test", hostile)] {
                do {
                    try await smtp.send(sampleMessage(to: "x@example.org", marker: "inject"), from: from, to: [to])
                    Issue.record("an address with CR/LF was sent")
                } catch let error as TransportError {
                    #expect(error.kind == .invalidRequest)
                }
            }
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await stack.imap(user: victim).status(of: .inbox).messages == 0)
        }

        @Test func imapsVerifiesTheCertificate() async throws {
            let stack = try LocalStack()
            let user = LocalStack.uniqueAddress("tls")
            let trusted = stack.imap(user: user, url: stack.imapsURL, tls: TLSSettings(mode: .implicit, caFile: stack.caFile))
            #expect(try await trusted.status(of: .inbox).messages == 0)
            // STARTTLS on the plain port, same certificate.
            let upgraded = stack.imap(user: user, tls: TLSSettings(mode: .starttls, caFile: stack.caFile))
            #expect(try await upgraded.status(of: .inbox).messages == 0)
            // Without the self-signed CA the certificate is refused.
            let untrusted = stack.imap(user: user, url: stack.imapsURL, tls: TLSSettings(mode: .implicit))
            do {
                _ = try await untrusted.status(of: .inbox)
                Issue.record("an unverifiable certificate was accepted")
            } catch let error as TransportError {
                #expect(error.kind == .connection)
            }
        }
    }
}
