import Daemon
import Foundation
import MailCore
import Requests
import Store
import Testing
import Transport

/// Sender authentication on the live stack: which Authentication-Results
/// dsrd reads (only the company's own, above or directly below the MX's
/// Received line), and header sections the MX may have read differently
/// (bare CRs, `From :`) going to review untouched. Real mail goes through
/// the stack's Postfix, whose MX writes its results above its own Received
/// line; other MX layouts are stored byte for byte with `doveadm save`.
extension LiveStackTests {
    @Suite struct SenderAuthenticationIntegrationTests {
        // MARK: Layout "above": the stack's Postfix

        @Test func theMXsOwnPassAuthenticatesTheSender() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let sent = try await harness.ask(Asking.access.0, Asking.access.1, from: customer.address, mxResult: .dmarcPass)
            // As stored: the delivery agent's lines, the MX's results, the MX's Received line, the sender's headers.
            let stored = try await harness.storedMessage(messageID: sent.messageID)
            #expect(Array(stored.headers.prefix(6).map { $0.name.lowercased() }) == [
                "return-path", "delivered-to", "received", "authentication-results", "received", "from"])
            #expect(stored.headers[2].value.contains("with LMTP") && stored.headers[4].value.contains("(Postfix)"))
            let verdict = try await harness.verdict(messageID: sent.messageID)
            #expect(verdict == .pass(.dmarc) && verdict.isAuthenticated)
            #expect(try await harness.row(sent)["state"] == "completed")
            #expect(try await harness.mail(of: sent.id).map(\.template) == ["receipt", "access_completed"])
            try await harness.removeCustomer(customer)
        }

        @Test func aTrustedHeaderTheSenderWroteIsNeverRead() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let domain = try #require(customer.address.split(separator: "@").last)
            let forged = ["Authentication-Results: mx.janteloppet.test; spf=pass smtp.mailfrom=\(domain); dkim=pass header.d=\(domain); dmarc=pass header.from=\(domain)"]

            // The MX says nothing (no check ran): no trusted results at all.
            let silent = try await harness.ask(Asking.object.0, Asking.object.1, from: customer.address, headers: forged)
            #expect(try await harness.verdict(messageID: silent.messageID) == .unverified(.untrustedResults))
            // The MX found no DMARC record and SPF failing: neither pass nor fail.
            // (Another customer: the first request still waits for its code, so hers would be a repeat of it.)
            let second = try await harness.customer()
            let noDMARC = try await harness.ask(Asking.object.0, Asking.object.1, from: second.address,
                                                headers: forged, mxResult: .noDMARC)
            #expect(try await harness.verdict(messageID: noDMARC.messageID) == .unverified(.inconclusive))
            #expect(try await harness.intake.inbound().map { $0["outcome"] } == ["request", "request"])
            // Attack F3: neither forged objection changes her choices; each waits for the code she never sends.
            for sent in [silent, noDMARC] {
                #expect(try await harness.row(sent)["state"] == "awaiting_confirmation")
                #expect(!(try await harness.mail(of: sent.id).map(\.template).contains("object_completed")))
            }
            #expect(try await harness.flags(of: customer) == "true/false")
            #expect(try await harness.flags(of: second) == "true/false")

            // The MX says dmarc=fail: nothing is changed or disclosed.
            let other = try await harness.customer()
            let otherFlags = try await harness.flags(of: other)
            #expect(other.address.hasSuffix("@\(domain)"))
            let failing = try await harness.ask(Asking.object.0, Asking.object.1, from: other.address, headers: forged,
                                                mxResult: .dmarcFail)
            #expect(try await harness.verdict(messageID: failing.messageID) == .fail(.dmarcFail))
            let row = try await harness.row(failing)
            #expect(row["state"] == "needs_review" && row["state_reason"] == "sender authentication failed: dmarc=fail")
            // Nothing at all goes to a From whose authentication fails; the operators are told.
            #expect(try await harness.mail(of: failing.id).isEmpty)
            #expect(try await harness.intake.operatorNotes(requestID: failing.id).count == 1)
            #expect(try await harness.flags(of: other) == otherFlags)
            try await harness.removeCustomer(customer)
            try await harness.removeCustomer(second)
            try await harness.removeCustomer(other)
        }

        @Test func anObjectionTheMXAuthenticatesIsCarriedOutAtOnce() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let sent = try await harness.ask(Asking.object.0, Asking.object.1, from: customer.address, mxResult: .dmarcPass)
            #expect(try await harness.verdict(messageID: sent.messageID) == .pass(.dmarc))
            #expect(try await harness.row(sent)["state"] == "completed")
            #expect(try await harness.flags(of: customer) == "false/false")
            #expect(try await harness.mail(of: sent.id).map(\.template) == ["receipt", "object_completed", "partner_notice"])
            try await harness.removeCustomer(customer)
        }

        // MARK: Header sections the MX may read differently

        @Test func aResultsHeaderHiddenBehindBareCRsIsNeverActedOn() async throws {
            // Attack F4b on a "below" MX (a milter writes under Postfix's
            // Received line): for the MX the forged header is part of X-A
            // and cannot be removed; a reader that took bare CRs for line
            // ends would find a trusted pass among the first headers under
            // the MX's line.
            var harness = try FulfilHarness()
            harness.settings.senderTrust.resultsPosition = .below
            let customer = try await harness.customer()
            let flags = try await harness.flags(of: customer)
            let messageID = "f4b-\(UUID().uuidString)@example.org"
            let sender = "X-A: 1\rAuthentication-Results: mx.janteloppet.test; dmarc=pass header.from=example.org\r\n"
                + "From: \(customer.address)\r\nTo: \(harness.notices)\r\nSubject: \(Asking.object.0)\r\n"
                + "Message-ID: <\(messageID)>\r\n\r\n\(Asking.object.1)\r\n" + String(repeating: "linje\r", count: 300) + "\r\n"
            try await harness.processStored(StoredMail.layout(notices: harness.notices, envelope: customer.address,
                                                              sender: sender))
            try await harness.expectSetAside(HeaderAmbiguity.bareCarriageReturnInHeader)
            #expect(try await harness.flags(of: customer) == flags)
            try await harness.removeCustomer(customer)
        }

        @Test func aSecondFromBehindBareCRsIsNeverActedOn() async throws {
            // Attack F4a: the MX checked DMARC for From: ola@example.net (a
            // pass); a reader that took bare CRs for line ends would find
            // the customer's address in a From above it.
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let flags = try await harness.flags(of: customer)
            let hidden = "Subject: Hei\rFrom: \(customer.address)\rX-A: 1\r\r\(Asking.object.1)\r\n"
            let sender = hidden + "From: ola@example.net\r\nTo: \(harness.notices)\r\n"
                + "Message-ID: <f4a-\(UUID().uuidString)@example.net>\r\n\r\n" + String(repeating: "linje\r", count: 2_000) + "\r\n"
            try await harness.processStored(StoredMail.layout(
                notices: harness.notices, envelope: "ola@example.net", sender: sender,
                results: ["Authentication-Results: mx.janteloppet.test; spf=pass smtp.mailfrom=example.net; dkim=pass header.d=example.net; dmarc=pass header.from=example.net"]))
            try await harness.expectSetAside(HeaderAmbiguity.bareCarriageReturnInHeader)
            #expect(try await harness.flags(of: customer) == flags)
            try await harness.removeCustomer(customer)
        }

        @Test func aFromWithABlankBeforeItsColonIsNeverActedOn() async throws {
            // Stored: the stack's Postfix rewrites `From :` to `From:` for a
            // client on 127.0.0.1 (local_header_rewrite_clients), but passes
            // a remote client's header on as written.
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let flags = try await harness.flags(of: customer)
            let mail = requestMail(from: customer.address, to: harness.notices, subject: Asking.object.0, body: Asking.object.1,
                                   messageID: "blank-\(UUID().uuidString)@example.org")
                .replacingOccurrences(of: "From: \(customer.address)\r\n", with: "")
                .replacingOccurrences(of: "Subject: ", with: "From : \(customer.address)\r\nSubject: ")
            try await harness.processStored(StoredMail.layout(notices: harness.notices, envelope: "ola@example.net",
                                                              sender: mail))
            try await harness.expectSetAside(HeaderAmbiguity.blankBeforeFieldColon)
            #expect(try await harness.flags(of: customer) == flags)

            // The same request written properly, through the MX, is a request.
            let sent = try await harness.ask(Asking.access.0, Asking.access.1, from: customer.address)
            #expect(try await harness.row(sent)["state"] == "completed")
            try await harness.removeCustomer(customer)
        }

        // MARK: Layout "below": Postfix with a milter

        @Test func aMiltersResultsDirectlyBelowTheMXsLineCountOnlyWhenConfigured() async throws {
            var harness = try FulfilHarness()
            let customer = try await harness.customer()
            let messageID = "milter-\(UUID().uuidString)@example.org"
            let milter = [
                "Authentication-Results: mx.janteloppet.test; dmarc=pass (p=reject dis=none) header.from=example.org",
                "Authentication-Results: mx.janteloppet.test; dkim=pass (2048-bit key) header.d=example.org header.s=s1",
            ]
            let sender = (milter + requestMail(from: customer.address, to: harness.notices, subject: Asking.access.0,
                                               body: Asking.access.1, messageID: messageID).components(separatedBy: "\r\n"))
                .joined(separator: "\r\n")
            harness.settings.senderTrust.resultsPosition = .below
            try await harness.processStored(StoredMail.layout(notices: harness.notices, envelope: customer.address,
                                                              sender: sender))
            #expect(try await harness.verdict(messageID: messageID) == .pass(.dmarc))
            // Read as "above" (the stack's default) the milter's headers are the sender's part.
            #expect(try await harness.storedVerdict(messageID: messageID, trust: SenderTrust(trustedAuthservIDs: ["mx.janteloppet.test"]))
                == .unverified(.untrustedResults))
            let row = try await harness.request(messageID: messageID)
            #expect(row["state"] == "completed")
            try await harness.removeCustomer(customer)
        }

        @Test func belowTheMXsLineAForgedHeaderFurtherDownIsNotRead() async throws {
            var harness = try FulfilHarness()
            harness.settings.senderTrust.resultsPosition = .below
            let customer = try await harness.customer()
            let messageID = "milter-forged-\(UUID().uuidString)@example.org"
            // The milter found no DMARC record; the sender's pass sits under
            // the sender's own first header.
            let request = requestMail(from: customer.address, to: harness.notices, subject: Asking.object.0,
                                      body: Asking.object.1, messageID: messageID,
                                      extraHeaders: ["Authentication-Results: mx.janteloppet.test; dmarc=pass header.from=example.org"])
            let sender = "Authentication-Results: mx.janteloppet.test; spf=fail smtp.mailfrom=example.org; dkim=none; dmarc=none header.from=example.org\r\n"
                + request
            try await harness.processStored(StoredMail.layout(notices: harness.notices, envelope: customer.address,
                                                              sender: sender))
            #expect(try await harness.verdict(messageID: messageID) == .unverified(.inconclusive))
            #expect(try await harness.intake.inbound().map { $0["outcome"] } == ["request"])
            try await harness.removeCustomer(customer)
        }

        // MARK: Exchange Online: internal hops, results without an authserv-id

        @Test func exchangeOnlineResultsCountOnlyWithTheOptIn() async throws {
            var harness = try FulfilHarness()
            harness.settings.senderTrust = SenderTrust(trustedAuthservIDs: [], internalReceivedHops: 2,
                                                       readsResultsWithoutAuthservID: true)
            let customer = try await harness.customer()
            let messageID = "exo-\(UUID().uuidString)@example.org"
            let raw = StoredMail.exchangeOnline(request: requestMail(
                from: customer.address, to: harness.notices, subject: Asking.access.0, body: Asking.access.1,
                messageID: messageID))
            try await harness.processStored(raw)
            #expect(try await harness.verdict(messageID: messageID) == .pass(.dmarc))
            #expect(try await harness.request(messageID: messageID)["state"] == "completed")

            // Without the opt-in, or with the stack's trusted id only, nothing is read.
            let withoutOptIn = SenderTrust(trustedAuthservIDs: [], internalReceivedHops: 2)
            #expect(try await harness.storedVerdict(messageID: messageID, trust: withoutOptIn) == .unverified(.untrustedResults))
            #expect(try await harness.storedVerdict(messageID: messageID, trust: SenderTrust(trustedAuthservIDs: ["mx.janteloppet.test"], internalReceivedHops: 2))
                == .unverified(.untrustedResults))
            // Hops miscounted low: the results lie below the line taken for the MX's.
            let tooFew = SenderTrust(trustedAuthservIDs: [], internalReceivedHops: 1, readsResultsWithoutAuthservID: true)
            #expect(try await harness.storedVerdict(messageID: messageID, trust: tooFew) == .unverified(.untrustedResults))
            try await harness.removeCustomer(customer)
        }

    }
}

/// Messages as other MX layouts store them, for `doveadm save`.
enum StoredMail {
    /// The delivery agent's lines (Dovecot over LMTP), `results` (what an MX
    /// writes above its Received line), the MX's Postfix Received line, then
    /// `sender`: everything the sender wrote, as bytes.
    static func layout(notices: String, envelope: String, sender: String, results: [String] = []) -> [UInt8] {
        let top = [
            "Return-Path: <\(envelope)>",
            "Delivered-To: \(notices)",
            "Received: from mx.janteloppet.test\r\n\tby imap.janteloppet.test with LMTP\r\n\tid Qk1XZ (envelope-from <\(envelope)>)\r\n\tfor <\(notices)>; Wed, 25 Nov 2026 10:00:01 +0100",
        ] + results + [
            "Received: from out.example.org (out.example.org [192.0.2.7])\r\n\tby mx.janteloppet.test (Postfix) with ESMTPS id 4QZ2;\r\n\tWed, 25 Nov 2026 10:00:00 +0100",
        ]
        return Array((top.joined(separator: "\r\n") + "\r\n" + sender).utf8)
    }

    /// A message as Exchange Online hands it over IMAP: two internal hops,
    /// its results without an authserv-id above the edge's Received line.
    static func exchangeOnline(request: String) -> [UInt8] {
        let top = [
            "Received: from AM9PR01MB1234.eurprd01.prod.outlook.com (2603:10a6:20b:1::1) by DB9PR01MB5678.eurprd01.prod.outlook.com with HTTPS; Wed, 25 Nov 2026 09:00:02 +0000",
            "Received: from AS9PR06CA0001.eurprd06.prod.outlook.com (2603:10a6:20b:2::2) by AM9PR01MB1234.eurprd01.prod.outlook.com (2603:10a6:20b:1::1) with Microsoft SMTP Server (version=TLS1_2) id 15.20.1; Wed, 25 Nov 2026 09:00:01 +0000",
            "Authentication-Results: spf=pass (sender IP is 192.0.2.7) smtp.mailfrom=example.org; dkim=pass (signature was verified)\r\n header.d=example.org;dmarc=pass action=none header.from=example.org;compauth=pass reason=100",
            "Received-SPF: Pass (protection.outlook.com: domain of example.org designates 192.0.2.7 as permitted sender) receiver=protection.outlook.com; client-ip=192.0.2.7; helo=out.example.org; pr=C",
            "Received: from out.example.org (192.0.2.7) by AM4PEPF00000001.mail.protection.outlook.com (10.167.16.1) with Microsoft SMTP Server (version=TLS1_3) id 15.20.2 via Frontend Transport; Wed, 25 Nov 2026 09:00:00 +0000",
        ]
        return Array((top.joined(separator: "\r\n") + "\r\n" + request).utf8)
    }
}

extension FulfilHarness {
    /// Its verdict under another trust than this harness's.
    func storedVerdict(messageID: String, trust: SenderTrust) async throws -> SenderVerdict {
        trust.verdict(of: try await storedMessage(messageID: messageID))
    }

    /// The customer's sharing and marketing choices, e.g. "true/false".
    func flags(of customer: FulfilmentFixture.Customer) async throws -> String {
        let row = try #require(try await intake.rows(
            "SELECT share_with_partners::text AS s, marketing_opt_out::text AS m FROM crm.customers WHERE id = $1::bigint",
            [.text(customer.id)]).first)
        return "\(row["s"] ?? "?")/\(row["m"] ?? "?")"
    }

    /// The only message of this mailbox was set aside: unreadable with the
    /// fixed problem text, no request, nothing queued, moved to review.
    func expectSetAside(_ ambiguity: String) async throws {
        let rows = try await intake.rows("SELECT outcome, problem, from_address, message_id FROM dsr.inbound WHERE mailbox = $1",
                                         [.text(notices + "/INBOX")])
        #expect(rows.map { $0["outcome"] } == ["unreadable"])
        #expect(rows.first?["problem"] == "ambiguous header section (\(ambiguity))")
        #expect(rows.first?["from_address"] == nil && rows.first?["message_id"] == nil)
        #expect(try await intake.requests().isEmpty)
        await intake.imap.disconnect()
        #expect(try await intake.imap.status(of: intake.config.imap.reviewMailbox).messages == 1)
        #expect(try await intake.inboxCount() == 0)
    }
}
