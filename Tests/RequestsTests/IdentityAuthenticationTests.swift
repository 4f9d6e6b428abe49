import MailCore
import Testing
@testable import Requests

@Suite struct IdentityAuthenticationResultsTests {
    @Test func readsSeveralResultsWithCommentsAndProperties() throws {
        let value = """
            mx.janteloppet.test; dkim=pass (1024-bit key; unprotected) header.d=example.no header.s=sel1 \
            header.b=Ab+/cd=; spf=pass (mx.janteloppet.test: domain of kari@example.no designates 192.0.2.1 \
            as permitted sender) smtp.mailfrom=kari@example.no; dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.no
            """
        let parsed = try #require(AuthenticationResults.parse(value))
        #expect(parsed.authservID == "mx.janteloppet.test")
        #expect(parsed.results.map(\.method) == ["dkim", "spf", "dmarc"])
        #expect(parsed.results.map(\.result) == ["pass", "pass", "pass"])
        #expect(parsed.results[0].properties["header.d"] == "example.no")
        #expect(parsed.results[0].properties["header.b"] == "Ab+/cd=")
        #expect(parsed.results[1].domain(of: "smtp.mailfrom") == "example.no")
        #expect(parsed.results[2].properties["header.from"] == "example.no")
    }

    @Test func noneVersionsQuotedStringsAndFolding() throws {
        let none = try #require(AuthenticationResults.parse("example.org 1; none"))
        #expect(none.authservID == "example.org")
        #expect(none.results.isEmpty)

        let folded = try #require(AuthenticationResults.parse("\"mx example\";\r\n\tDKIM/1 = Fail reason=\"bad; sig\"\r\n header . d = example.com"))
        #expect(folded.authservID == "mx example")
        #expect(folded.results == [AuthenticationResult(method: "dkim", result: "fail", reason: "bad; sig", properties: ["header.d": "example.com"])])
    }

    @Test func vendorPropertiesAndJunkAreTolerated() throws {
        let value = "mx.example.net; spf=softfail smtp.mailfrom=example.com; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=example.com;compauth=fail reason=001; ;=; @@@; arc=pass"
        let parsed = try #require(AuthenticationResults.parse(value))
        #expect(parsed.results.map(\.method) == ["spf", "dkim", "dmarc", "compauth", "arc"])
        #expect(parsed.results[2].properties["action"] == "none")
        #expect(parsed.results[3].reason == "001")
    }

    @Test func noAuthservIDIsNoHeader() {
        #expect(AuthenticationResults.parse("") == nil)
        #expect(AuthenticationResults.parse("  (only a comment) ") == nil)
        #expect(AuthenticationResults.parse("; dkim=pass") == nil)
        #expect(AuthenticationResults.parse("spf=none (sender IP is 192.0.2.1) smtp.mailfrom=example.com; example.com; dkim=none") == nil)
    }

    @Test func resultsWithoutAuthservIDAsExchangeOnlineWritesThem() throws {
        let value = "spf=pass (sender IP is 192.0.2.7) smtp.mailfrom=example.no; dkim=pass (signature was verified) "
            + "header.d=example.no;dmarc=pass action=none header.from=example.no;compauth=pass reason=100"
        let parsed = try #require(AuthenticationResults.parseWithoutAuthservID(value))
        #expect(parsed.authservID.isEmpty)
        #expect(parsed.results.map(\.method) == ["spf", "dkim", "dmarc", "compauth"])
        #expect(parsed.results[2].properties["header.from"] == "example.no")
        // A header with an id is not one without.
        #expect(AuthenticationResults.parseWithoutAuthservID("mx.janteloppet.test; dmarc=pass") == nil)
        #expect(AuthenticationResults.parseWithoutAuthservID("") == nil)
        #expect(AuthenticationResults.parseWithoutAuthservID("(only a comment)") == nil)
    }

    @Test func unclosedCommentsAndQuotesEndQuietly() throws {
        let parsed = try #require(AuthenticationResults.parse("mx; dkim=pass (unclosed ( nested"))
        #expect(parsed.results.count == 1)
        #expect(AuthenticationResults.parse("mx; spf=\"pass")?.results.isEmpty == true)
    }
}

/// Headers as the local stack stores them: what the delivery agent adds,
/// then the MX's results and its Received line, then the sender's headers.
private func stored(_ results: [String], sender: [(String, String)] = []) -> [HeaderField] {
    var lines: [(String, String)] = [
        ("Return-Path", "<kari@example.no>"), ("Delivered-To", "notices@janteloppet.test"),
        ("Received", "from mx.janteloppet.test by imap (Dovecot) with LMTP id a1 (envelope-from <kari@example.no>); Wed, 25 Nov 2026 10:00:01 +0100"),
    ]
    lines += results.map { ("Authentication-Results", $0) }
    lines.append(("Received", "from out.example.no (out.example.no [192.0.2.7]) by mx.janteloppet.test (Postfix) with ESMTPS id B2; Wed, 25 Nov 2026 10:00:00 +0100"))
    lines += sender
    return lines.map { HeaderField(name: $0.0, value: $0.1) }
}

@Suite struct IdentitySenderVerdictTests {
    private let trust = SenderTrust(trustedAuthservIDs: ["mx.janteloppet.test"])

    private func verdict(_ results: String..., from: String = "example.no") -> SenderVerdict {
        SenderAuthentication.evaluate(headers: stored(results), trust: trust, fromDomain: from)
    }

    @Test func dmarcDecidesFirst() {
        #expect(verdict("mx.janteloppet.test; dmarc=pass header.from=example.no") == .pass(.dmarc))
        #expect(verdict("mx.janteloppet.test; dkim=pass header.d=example.no; dmarc=fail header.from=example.no")
            == .fail(.dmarcFail))
        // A failure without header.from still fails: never the safe way round.
        #expect(verdict("MX.Janteloppet.TEST; dmarc=fail") == .fail(.dmarcFail))
        #expect(verdict("mx.janteloppet.test; dmarc=pass header.from=example.no").isAuthenticated)
    }

    @Test func aDMARCPassCountsOnlyForTheFromDomainItNames() {
        #expect(verdict("mx.janteloppet.test; dmarc=pass") == .unverified(.inconclusive))
        #expect(verdict("mx.janteloppet.test; dmarc=pass header.from=example.com") == .unverified(.inconclusive))
        #expect(verdict("mx.janteloppet.test; dmarc=pass header.from=mail.example.no") == .unverified(.inconclusive))
        #expect(verdict("mx.janteloppet.test; dmarc=pass header.from=example.no", from: "") == .unverified(.inconclusive))
    }

    @Test func dmarcAboutAnotherDomainDoesNotCount() {
        #expect(verdict("mx.janteloppet.test; dmarc=fail header.from=example.com") == .unverified(.inconclusive))
    }

    @Test func withoutDMARCBothDKIMAndSPFMustFail() {
        #expect(verdict("mx.janteloppet.test; dkim=fail header.d=example.no; spf=fail smtp.mailfrom=example.no")
            == .fail(.dkimAndSPFFail))
        // softfail is not fail, and a missing result is not fail
        #expect(verdict("mx.janteloppet.test; dkim=fail; spf=softfail") == .unverified(.inconclusive))
        #expect(verdict("mx.janteloppet.test; spf=fail") == .unverified(.inconclusive))
        // a second, passing signature outweighs a failing one
        #expect(verdict("mx.janteloppet.test; dkim=fail; dkim=pass header.d=example.com; spf=fail") == .unverified(.inconclusive))
    }

    @Test func dkimPassesOnlyWhenTheFromDomainItselfSigned() {
        #expect(verdict("mx.janteloppet.test; dkim=pass header.d=example.no") == .pass(.dkimAligned))
        #expect(verdict("mx.janteloppet.test; dkim=pass header.d=EXAMPLE.no.", from: "example.NO") == .pass(.dkimAligned))
        // Without a public-suffix list a parent or child domain is no proof:
        // co.uk and priv.no are registries, not senders.
        #expect(verdict("mx.janteloppet.test; dkim=pass header.d=mail.example.no") == .unverified(.inconclusive))
        #expect(verdict("mx.janteloppet.test; dkim=pass header.d=co.uk", from: "example.co.uk") == .unverified(.inconclusive))
        #expect(verdict("mx.janteloppet.test; dkim=pass header.d=priv.no", from: "kari.priv.no") == .unverified(.inconclusive))
        #expect(verdict("mx.janteloppet.test; dkim=pass header.d=no") == .unverified(.inconclusive))
        #expect(verdict("mx.janteloppet.test; dkim=pass header.i=@example.no") == .unverified(.inconclusive))
    }

    @Test func spfAloneNeverPasses() {
        #expect(verdict("mx.janteloppet.test; spf=pass smtp.mailfrom=bounce@example.no") == .unverified(.inconclusive))
        #expect(verdict("mx.janteloppet.test; spf=pass smtp.mail=kari@example.no") == .unverified(.inconclusive))
        #expect(verdict("mx.janteloppet.test; dkim=pass header.d=example.com; spf=pass smtp.mailfrom=example.org")
            == .unverified(.inconclusive))
    }

    @Test func absentOrUntrustedResultsAreUnverified() {
        #expect(verdict() == .unverified(.noResults))
        #expect(verdict("mx.example.com; dmarc=pass header.from=example.no") == .unverified(.untrustedResults))
        #expect(SenderAuthentication.evaluate(
            headers: stored(["mx.janteloppet.test; dmarc=pass header.from=example.no"]), trust: .none, fromDomain: "example.no")
            == .unverified(.untrustedResults))
        #expect(!SenderVerdict.unverified(.noResults).isAuthenticated && !SenderVerdict.fail(.dmarcFail).isAuthenticated)
    }

    @Test func aSenderWrittenTrustedHeaderBelowTheMXLineIsNeverRead() {
        let forged = [("Authentication-Results", "mx.janteloppet.test; dmarc=pass header.from=example.no"),
                      ("From", "kari@example.no")]
        #expect(SenderAuthentication.evaluate(headers: stored([], sender: forged), trust: trust, fromDomain: "example.no")
            == .unverified(.untrustedResults))
        let mxFails = stored(["mx.janteloppet.test; spf=fail smtp.mailfrom=example.no; dkim=none; dmarc=fail header.from=example.no"],
                             sender: forged)
        #expect(SenderAuthentication.evaluate(headers: mxFails, trust: trust, fromDomain: "example.no") == .fail(.dmarcFail))
        #expect(SenderAuthentication.trustedResults(headers: mxFails, trust: trust).count == 1)
    }

    @Test func everythingAboveTheMXLineIsTheCompanysOwn() {
        // Another filter's header with its own id is not counted, and does
        // not hide the MX's.
        #expect(verdict("spamfilter.janteloppet.test; spf=none", "mx.janteloppet.test; dmarc=pass header.from=example.no")
            == .pass(.dmarc))
        // Several of the MX's headers are read together.
        #expect(verdict("mx.janteloppet.test; dkim=fail header.d=example.no", "mx.janteloppet.test; spf=fail smtp.mailfrom=example.no")
            == .fail(.dkimAndSPFFail))
    }

    @Test func withoutTheMXLineNothingCounts() {
        let bare = [HeaderField(name: "Authentication-Results", value: "mx.janteloppet.test; dmarc=pass header.from=example.no")]
        #expect(SenderAuthentication.evaluate(headers: bare, trust: trust, fromDomain: "example.no") == .unverified(.untrustedResults))
        // Local delivery alone is not the MX.
        let delivered = [HeaderField(name: "Received", value: "from mx by imap with LMTPS id a; Wed, 25 Nov 2026 10:00:01 +0100")] + bare
        #expect(SenderAuthentication.evaluate(headers: delivered, trust: trust, fromDomain: "example.no") == .unverified(.untrustedResults))
    }

    @Test func internalHopsAboveTheMXLineAreTheCompanysToo() {
        let headers = [
            HeaderField(name: "Received", value: "from relay.janteloppet.test by store.janteloppet.test with ESMTP id c"),
            HeaderField(name: "Authentication-Results", value: "mx.janteloppet.test; dmarc=pass header.from=example.no"),
        ] + stored([], sender: [("Authentication-Results", "mx.janteloppet.test; dmarc=fail header.from=example.no")]).dropFirst(3)
        var withHop = trust
        withHop.internalReceivedHops = 1
        #expect(SenderAuthentication.evaluate(headers: Array(headers), trust: withHop, fromDomain: "example.no") == .pass(.dmarc))
        // Counted from the top, the relay's line is taken for the MX's: the
        // results below it are not read (fails closed).
        #expect(SenderAuthentication.evaluate(headers: Array(headers), trust: trust, fromDomain: "example.no")
            == .unverified(.untrustedResults))
    }

    @Test func belowTheMXLineOnlyTheUnbrokenRunCounts() {
        var below = trust
        below.resultsPosition = .below
        let milter = [
            ("Authentication-Results", "mx.janteloppet.test; dmarc=pass header.from=example.no"),
            ("Authentication-Results", "mx.janteloppet.test; dkim=pass header.d=example.no"),
            ("From", "kari@example.no"),
            ("Authentication-Results", "mx.janteloppet.test; dmarc=fail header.from=example.no"),
        ]
        let headers = stored([], sender: milter)
        #expect(SenderAuthentication.trustedResults(headers: headers, trust: below).count == 2)
        #expect(SenderAuthentication.evaluate(headers: headers, trust: below, fromDomain: "example.no") == .pass(.dmarc))
        // The same message read as "above": the milter's headers are the sender's part.
        #expect(SenderAuthentication.evaluate(headers: headers, trust: trust, fromDomain: "example.no") == .unverified(.untrustedResults))

        // The milter found nothing; a forged header further down is not read.
        let forged = stored([], sender: [
            ("Authentication-Results", "mx.janteloppet.test; none"), ("X-Mailer", "x"),
            ("Authentication-Results", "mx.janteloppet.test; dmarc=pass header.from=example.no"),
        ])
        #expect(SenderAuthentication.evaluate(headers: forged, trust: below, fromDomain: "example.no") == .unverified(.inconclusive))
        // Nor one under another id's header, nor anything above the MX's line.
        let underOther = stored(["mx.janteloppet.test; dmarc=pass header.from=example.no"], sender: [
            ("Authentication-Results", "other.example; none"),
            ("Authentication-Results", "mx.janteloppet.test; dmarc=pass header.from=example.no"),
        ])
        #expect(SenderAuthentication.evaluate(headers: underOther, trust: below, fromDomain: "example.no") == .unverified(.untrustedResults))
    }

    @Test func resultsWithoutAuthservIDNeedTheOptIn() {
        let exchange = "spf=pass (sender IP is 192.0.2.7) smtp.mailfrom=example.no; dkim=pass (signature was verified) "
            + "header.d=example.no;dmarc=pass action=none header.from=example.no;compauth=pass reason=100"
        let headers = stored([exchange])
        var optIn = SenderTrust(trustedAuthservIDs: [])
        #expect(SenderAuthentication.evaluate(headers: headers, trust: optIn, fromDomain: "example.no") == .unverified(.untrustedResults))
        #expect(SenderAuthentication.evaluate(headers: headers, trust: trust, fromDomain: "example.no") == .unverified(.untrustedResults))
        optIn.readsResultsWithoutAuthservID = true
        #expect(optIn.canTrustAnyResults && !SenderTrust.none.canTrustAnyResults)
        #expect(SenderAuthentication.evaluate(headers: headers, trust: optIn, fromDomain: "example.no") == .pass(.dmarc))
        // Still only in the trusted part.
        let forged = stored([], sender: [("Authentication-Results", exchange)])
        #expect(SenderAuthentication.evaluate(headers: forged, trust: optIn, fromDomain: "example.no") == .unverified(.untrustedResults))
    }

    @Test func anAmbiguousMessageHasNoTrustedResults() {
        let raw = "Received: from out.example.no by mx.janteloppet.test with ESMTP id x\r\n"
        let pass = "Authentication-Results: mx.janteloppet.test; dmarc=pass header.from=example.no\r\n"
        let clean = MessageReader.read(Array((pass + raw + "From: kari@example.no\r\n\r\nhei\r\n").utf8))
        #expect(trust.verdict(of: clean) == .pass(.dmarc))
        let ambiguous = MessageReader.read(Array((pass + raw + "From: kari@example.no\r\nX-A: 1\r2\r\n\r\nhei\r\n").utf8))
        #expect(trust.verdict(of: ambiguous) == .unverified(.untrustedResults))
    }

    @Test func reasonsNameNoDomain() {
        let all: [SenderVerdict] = [.pass(.dmarc), .pass(.dkimAligned), .fail(.dmarcFail), .fail(.dkimAndSPFFail),
                                    .unverified(.noResults), .unverified(.untrustedResults), .unverified(.inconclusive)]
        for verdict in all {
            #expect(!verdict.reason.contains("@") && !verdict.reason.contains("example"))
            #expect(verdict.isAuthenticated == (verdict == .pass(.dmarc) || verdict == .pass(.dkimAligned)))
        }
        #expect(SenderVerdict.fail(.dkimAndSPFFail).reason == "dkim and spf both failing")
        #expect(SenderVerdict.fail(.dmarcFail).isFail && !SenderVerdict.pass(.dmarc).isFail)
    }
}

@Suite struct IdentityReceivedLineTests {
    @Test func theWithClauseNamesTheProtocol() {
        #expect(ReceivedLine.protocolName("from mx.janteloppet.test\tby vm with LMTP\tid xK8T (envelope-from <a@example.no>) for <b@example.no>; Sun, 06 Dec 2026 05:13:40 +0000") == "lmtp")
        #expect(ReceivedLine.protocolName("from x (localhost [127.0.0.1]) by mx.janteloppet.test (Postfix) with ESMTPS id B; date") == "esmtps")
        // A comment or the date cannot pretend to be the clause.
        #expect(ReceivedLine.protocolName("from x (with LMTP) by y with ESMTP id z") == "esmtp")
        #expect(ReceivedLine.protocolName("from x by y id z; with LMTP") == nil)
        #expect(ReceivedLine.protocolName("by y") == nil)
        #expect(ReceivedLine.isLocalDelivery("from a by b with LMTPSA id c"))
        #expect(!ReceivedLine.isLocalDelivery("from a by b with SMTP id c"))
        #expect(!ReceivedLine.isLocalDelivery("from lmtp by lmtp with"))
    }
}
