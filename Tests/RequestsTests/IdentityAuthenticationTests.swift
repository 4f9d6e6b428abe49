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

    @Test func unclosedCommentsAndQuotesEndQuietly() throws {
        let parsed = try #require(AuthenticationResults.parse("mx; dkim=pass (unclosed ( nested"))
        #expect(parsed.results.count == 1)
        #expect(AuthenticationResults.parse("mx; spf=\"pass")?.results.isEmpty == true)
    }
}

@Suite struct IdentitySenderVerdictTests {
    private let trusted = ["mx.janteloppet.test"]

    private func headers(_ lines: [(String, String)]) -> [HeaderField] {
        lines.map { HeaderField(name: $0.0, value: $0.1) }
    }

    private func verdict(_ lines: [(String, String)], from: String = "example.no") -> SenderVerdict {
        SenderAuthentication.evaluate(headers: headers(lines), trustedIDs: trusted, fromDomain: from)
    }

    @Test func dmarcDecidesFirst() {
        #expect(verdict([("Authentication-Results", "mx.janteloppet.test; dmarc=pass header.from=example.no")]) == .pass(.dmarc))
        #expect(verdict([("Authentication-Results", "mx.janteloppet.test; dkim=pass header.d=example.no; dmarc=fail header.from=example.no")])
            == .fail(.dmarcFail))
        #expect(verdict([("authentication-results", "MX.Janteloppet.TEST; dmarc=fail")]) == .fail(.dmarcFail))
    }

    @Test func dmarcAboutAnotherDomainDoesNotCount() {
        let lines = [("Authentication-Results", "mx.janteloppet.test; dmarc=fail header.from=example.com")]
        #expect(verdict(lines) == .unverified(.inconclusive))
    }

    @Test func withoutDMARCBothDKIMAndSPFMustFail() {
        #expect(verdict([("Authentication-Results", "mx.janteloppet.test; dkim=fail header.d=example.no; spf=fail smtp.mailfrom=example.no")])
            == .fail(.dkimAndSPFFail))
        // softfail is not fail, and a missing result is not fail
        #expect(verdict([("Authentication-Results", "mx.janteloppet.test; dkim=fail; spf=softfail")]) == .unverified(.inconclusive))
        #expect(verdict([("Authentication-Results", "mx.janteloppet.test; spf=fail")]) == .unverified(.inconclusive))
        // a second, passing signature outweighs a failing one
        #expect(verdict([("Authentication-Results", "mx.janteloppet.test; dkim=fail; dkim=pass header.d=example.com; spf=fail")])
            == .unverified(.inconclusive))
    }

    @Test func alignedDKIMOrSPFPassWithoutDMARC() {
        #expect(verdict([("Authentication-Results", "mx.janteloppet.test; dkim=pass header.d=mail.example.no")]) == .pass(.dkimAligned))
        #expect(verdict([("Authentication-Results", "mx.janteloppet.test; spf=pass smtp.mailfrom=bounce@example.no")]) == .pass(.spfAligned))
        #expect(verdict([("Authentication-Results", "mx.janteloppet.test; spf=pass smtp.mail=kari@example.no")]) == .pass(.spfAligned))
        #expect(verdict([("Authentication-Results", "mx.janteloppet.test; dkim=pass header.d=example.com; spf=pass smtp.mailfrom=example.org")])
            == .unverified(.inconclusive))
        #expect(verdict([("Authentication-Results", "mx.janteloppet.test; dkim=pass header.d=no")]) == .unverified(.inconclusive))
    }

    @Test func absentOrUntrustedResultsAreUnverified() {
        #expect(verdict([("Subject", "hei")]) == .unverified(.noResults))
        #expect(verdict([("Authentication-Results", "mx.example.com; dmarc=pass header.from=example.no")]) == .unverified(.untrustedResults))
        #expect(SenderAuthentication.evaluate(
            headers: headers([("Authentication-Results", "mx.janteloppet.test; dmarc=pass")]), trustedIDs: [], fromDomain: "example.no")
            == .unverified(.untrustedResults))
    }

    @Test func aForgedHeaderBelowTheRealOneIsIgnored() {
        let lines = [
            ("Received", "from mx.janteloppet.test by imap.janteloppet.test with LMTP"),
            ("Authentication-Results", "mx.janteloppet.test; dmarc=fail header.from=example.no"),
            ("Received", "from sender.example.com by mx.janteloppet.test with ESMTP"),
            ("Authentication-Results", "mx.janteloppet.test; dmarc=pass header.from=example.no"),
        ]
        #expect(verdict(lines) == .fail(.dmarcFail))
        let trustedOnly = SenderAuthentication.trustedResults(headers: headers(lines), trustedIDs: trusted)
        #expect(trustedOnly.count == 1)
    }

    @Test func aForgedTrustedHeaderUnderAnUntrustedOneIsIgnored() {
        let lines = [
            ("Authentication-Results", "mx.example.com; spf=none"),
            ("Authentication-Results", "mx.janteloppet.test; dmarc=pass header.from=example.no"),
        ]
        #expect(verdict(lines) == .unverified(.untrustedResults))
    }

    @Test func aTrustedHeaderWithoutResultsStillFencesOffForgedOnes() {
        // The trusted server found nothing to check ("none"); the sender's
        // header below the trusted hop's Received line is not read.
        let lines = [
            ("Authentication-Results", "mx.janteloppet.test; none"),
            ("Received", "from sender.example.com by mx.janteloppet.test"),
            ("Authentication-Results", "mx.janteloppet.test; dmarc=pass header.from=example.no"),
        ]
        #expect(verdict(lines) == .unverified(.inconclusive))
    }

    @Test func severalTrustedHeadersAreReadTogether() {
        let lines = [
            ("Authentication-Results", "mx.janteloppet.test; dkim=fail header.d=example.no"),
            ("Authentication-Results", "mx.janteloppet.test; spf=fail smtp.mailfrom=example.no"),
            ("Received", "from sender.example.com by mx.janteloppet.test"),
        ]
        #expect(verdict(lines) == .fail(.dkimAndSPFFail))
    }

    @Test func reasonsNameNoDomain() {
        let all: [SenderVerdict] = [.pass(.dmarc), .pass(.dkimAligned), .pass(.spfAligned), .fail(.dmarcFail), .fail(.dkimAndSPFFail),
                                    .unverified(.noResults), .unverified(.untrustedResults), .unverified(.inconclusive)]
        for verdict in all {
            #expect(!verdict.reason.contains("@") && !verdict.reason.contains("example"))
        }
        #expect(SenderVerdict.fail(.dkimAndSPFFail).reason == "dkim and spf both failing")
        #expect(SenderVerdict.fail(.dmarcFail).isFail && !SenderVerdict.pass(.dmarc).isFail)
    }
}
