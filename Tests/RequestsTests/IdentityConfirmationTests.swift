import Foundation
import FuzzSupport
import Hashing
import MailCore
import Testing
@testable import Requests

/// A generator that always returns one value (a broken source).
struct ConstantGenerator: RandomNumberGenerator {
    let value: UInt64

    mutating func next() -> UInt64 {
        value
    }
}

@Suite struct IdentityConfirmationTokenTests {
    @Test func generatedTokensHaveEnoughRandomSymbolsInGroups() {
        var generator = SeededGenerator(seed: 7)
        let token = ConfirmationToken.generate(using: &generator)
        #expect(ConfirmationToken.randomBits >= 128)
        #expect(token.symbols.count == 28)
        #expect(token.symbols.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
        let groups = token.displayed.split(separator: "-")
        #expect(groups.count == 7 && groups.allSatisfy { $0.count == 4 })
        #expect(ConfirmationToken(token.displayed) == token)
    }

    @Test func tokensDiffer() {
        var generator = SeededGenerator(seed: 1)
        let tokens = (0..<200).map { _ in ConfirmationToken.generate(using: &generator).symbols }
        #expect(Set(tokens).count == 200)
        var system = SystemRandomNumberGenerator()
        #expect(ConfirmationToken.generate(using: &system) != ConfirmationToken.generate(using: &system))
    }

    @Test func normalisationFoldsCaseSeparatorsAndLookalikes() {
        let canonical = "7KQ2M9XD0A1BCDEFGHJK0MNPQRST"
        #expect(ConfirmationToken.normalized("7kq2-m9xd-oa1b-cdef-ghjk-0mnp-qrst") == canonical)
        #expect(ConfirmationToken.normalized("7KQ2 M9XD 0AIB CDEF GHJK OMNP QRST") == canonical)
        #expect(ConfirmationToken.normalized("7KQ2M9XD0ALBCDEFGHJK0MNPQRST") == canonical)
        #expect(ConfirmationToken.normalized("7KQ2-M9XD-0A1B-CDEF-GHJK-0MNP-QRS") == nil)
        #expect(ConfirmationToken.normalized("7KQ2-M9XD-0A1B-CDEF-GHJK-0MNP-QRSU") == nil)
        #expect(ConfirmationToken.normalized("7KQ2-M9XD-0A1B-CDEF-GHJK-0MNP-QRST-A") == nil)
    }

    @Test func hashingNormalisesFirst() {
        let hash = { (text: String) in SHA256.hash(Array(text.utf8)).hexString }
        let written = "7kq2 m9xd oa1b cdef ghjk 0mnp qrst"
        #expect(ConfirmationToken.hashed(written) == hash("7KQ2M9XD0A1BCDEFGHJK0MNPQRST"))
        #expect(ConfirmationToken("7KQ2-M9XD-0A1B-CDEF-GHJK-0MNP-QRST")?.hashed() == hash("7KQ2M9XD0A1BCDEFGHJK0MNPQRST"))
        #expect(ConfirmationToken.hashed("not a token") == hash("not a token"))
    }

    @Test func findsTokensInQuotedAndRewrappedReplies() {
        let token = "7KQ2-M9XD-0A1B-CDEF-GHJK-0MNP-QRST"
        let canonical = "7KQ2M9XD0A1BCDEFGHJK0MNPQRST"
        #expect(ConfirmationToken.find(in: "Ja\n\n> Your code: \(token)\n> Reply to confirm.") == [canonical])
        #expect(ConfirmationToken.find(in: "> > code: 7kq2-m9xd-0a1b-cdef-\n> > ghjk-0mnp-qrst thanks") == [canonical])
        #expect(ConfirmationToken.find(in: "code:7KQ2M9XD0A1BCDEFGHJK0MNPQRST.") == [canonical])
        #expect(ConfirmationToken.find(in: "\(token) and again \(token.lowercased())") == [canonical])
    }

    @Test func everyGeneratedTokenIsFoundWhenQuoted() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let token = ConfirmationToken.generate(using: &generator)
            #expect(token.symbols.contains { $0.isNumber })
            // "Takk" joins the last groups into a second candidate: harmless.
            #expect(ConfirmationToken.find(in: "OK\n\n> Kode: \(token.displayed)\n> Takk").contains(token.symbols))
        }
    }

    @Test func aBrokenGeneratorStillGivesAFindableToken() {
        var allOnes = ConstantGenerator(value: .max)
        let token = ConfirmationToken.generate(using: &allOnes)
        #expect(token.symbols.count == 28 && token.symbols.contains { $0.isNumber })
        #expect(ConfirmationToken.find(in: token.displayed) == [token.symbols])
    }

    @Test func candidatesAreBounded() {
        var generator = SeededGenerator(seed: 9)
        let many = (0..<100).map { _ in ConfirmationToken.generate(using: &generator).displayed }.joined(separator: ", ")
        #expect(ConfirmationToken.find(in: many).count == ConfirmationToken.maxCandidates)
    }

    @Test func proseWithoutDigitsIsNoToken() {
        #expect(ConfirmationToken.find(in: "kari said this when they came home with cake from town").isEmpty)
        #expect(ConfirmationToken.normalized("kari said this when they came home") != nil)
    }

    @Test func partsOfLongerRunsAreNoToken() {
        #expect(ConfirmationToken.find(in: "X7KQ2M9XD0A1BCDEFGHJK0MNPQRST").isEmpty)
        #expect(ConfirmationToken.find(in: "7KQ2-M9XD-0A1B-CDEF-GHJK-0MNP-QRS").isEmpty)
        #expect(ConfirmationToken.find(in: "7KQ2-M9XD-0A1B-CDEF-GHJK-0MNP-QRSTA").isEmpty)
        #expect(ConfirmationToken.find(in: "7KQ2-M9XD-0A1B-CDEF, GHJK-0MNP-QRST").isEmpty)
        #expect(ConfirmationToken.find(in: "").isEmpty)
    }
}

@Suite struct IdentityConfirmationReplyTests {
    private let code = "7KQ2M9XD0A1BCDEFGHJK0MNPQRST"

    private func answer(_ text: String, withCode: Bool = true) -> ConfirmationAnswer {
        ConfirmationReply.evaluate(newText: text, codes: withCode ? [code] : [])
    }

    @Test func anExplicitYesWithTheCodeConfirms() {
        for text in ["Ja", "Yes", "Bekreftet", "Confirm", "OK", "", "  \n", "Ja, det stemmer.", "Ja, det stemmer.\n\nMvh\nKari",
                     "Yes, please go ahead.\n\nBest regards\nKari Nordmann\n+47 912 34 567", "Jo, eg stadfestar",
                     "Ja tack, det stämmer", "Ja, bekræftet", "Ja, das ist richtig. Danke", "No problem, go ahead",
                     "Yes please delete my data", "Ja, kode 7KQ2-M9XD-0A1B-CDEF-GHJK-0MNP-QRST",
                     "7kq2 m9xd 0a1b cdef ghjk 0mnp qrst\nJa", "Hei! Ja, det er meg. Takk"] {
            #expect(answer(text) == .confirm, "\(text)")
        }
    }

    @Test func withoutTheCodeNothingConfirms() {
        for text in ["Ja", "Yes.", "", "Ja, det stemmer."] {
            #expect(answer(text, withCode: false) == .unclear, "\(text)")
        }
    }

    @Test func questionsDoubtsAndOtherWordsAreUnclear() {
        // The replies the security review showed confirming an erasure.
        for text in ["Who are you? I didn't request this.", "What is this about?", "Unsubscribe", "Remove me", "Spam?",
                     "Hvem er dette?", "Svindel?", "??", "I didn't ask for this", "Jeg har ikke bedt om dette",
                     "Yes, but please keep my invoices, do not remove them", "Ja men ikke slett billettene mine",
                     "Thanks for the information", "Takk", "Hei\n\nJeg lurer på noe annet\n\nMvh Kari",
                     "Ja\nEt annet spørsmål: hvorfor har dere adressen min\nog hvem ga den til dere",
                     "Yes\n\nRegards\nKari\nline two\nline three\nline four\nline five"] {
            #expect(answer(text) == .unclear, "\(text)")
        }
    }

    @Test func anOpeningNoWithTheCodeDeclines() {
        for text in ["Nei", "No.", "No thanks", "nej tack", "Nein!", "AVBRYT", "Cancel", "Stop", "Don't", "Don’t do it",
                     "Ikke slett meg", "Not me, I never asked"] {
            #expect(answer(text) == .decline, "\(text)")
            #expect(answer(text, withCode: false) == .unclear, "\(text)")
        }
    }

    @Test func theCodeItselfIsNotAWord() {
        #expect(ConfirmationReply.withoutCodes(["ja", "7kq2", "m9xd", "0a1b", "cdef", "ghjk", "0mnp", "qrst"], codes: [code]) == ["ja"])
        #expect(ConfirmationReply.withoutCodes(["7kq2m9xd0a1bcdefghjk0mnpqrst", "ok"], codes: [code]) == ["ok"])
        // Another code (not this request's) stays a word, and the answer is unclear.
        #expect(answer("Ja 7KQ2-M9XD-0A1B-CDEF-GHJK-0MNP-QRSV") == .unclear)
    }

    @Test func wordsAreWholeWords() {
        #expect(ConfirmationReply.words(of: "Nothing, Norway; no! don’t") == ["nothing", "norway", "no", "don't"])
    }
}

@Suite struct IdentityConfirmationSenderTests {
    private let matcher = AddressMatcher(rules: AliasRules(stripPlusTags: true))

    private func check(_ from: [String], _ verdict: SenderVerdict) -> ConfirmationSender.Outcome {
        ConfirmationSender.check(from: from.map { MailAddress(address: $0) }, registered: "kari@example.no", matcher: matcher, verdict: verdict)
    }

    @Test func onlyTheRegisteredAddressConfirms() {
        #expect(check(["kari+a@EXAMPLE.no"], .pass(.dmarc)) == .accepted)
        #expect(check(["kari@example.no"], .unverified(.noResults)) == .accepted)
        #expect(check(["ola@example.no"], .pass(.dmarc)) == .rejected(.notRegisteredAddress))
        #expect(check([], .pass(.dmarc)) == .rejected(.noSender))
        #expect(check(["kari@example.no", "ola@example.no"], .pass(.dmarc)) == .rejected(.severalSenders))
    }

    @Test func trustedResultsMustPass() {
        #expect(check(["kari@example.no"], .fail(.dmarcFail)) == .rejected(.authenticationFailed))
        // The code is the proof of the mailbox; only a failing result speaks against the reply.
        #expect(check(["kari@example.no"], .unverified(.inconclusive)) == .accepted)
        #expect(check(["kari@example.no"], .unverified(.untrustedResults)) == .accepted)
    }
}

@Suite struct IdentityConfirmationPolicyTests {
    private let sent = Date(timeIntervalSince1970: 1_800_000_000)

    private func at(days: Double) -> Date {
        sent.addingTimeInterval(days * ConfirmationPolicy.day)
    }

    /// 1_800_000_000 is 15 January 2027, 09:00 in Oslo: a code sent then
    /// expires at 09:00 on the 22nd, so the 21st is its last whole day.
    @Test func theLastWholeDayIsTheDayBeforeExpiry() throws {
        let policy = ConfirmationPolicy.standard
        #expect(ConfirmationPolicy.lastWholeDay(sent: sent, expiresAt: policy.expiresAt(sent: sent))
                == (try #require(Day(year: 2027, month: 1, day: 21))))
        // Never before the day it was sent.
        #expect(ConfirmationPolicy.lastWholeDay(sent: sent, expiresAt: sent.addingTimeInterval(3_600))
                == (try #require(Day(year: 2027, month: 1, day: 15))))
    }

    @Test func defaultsRemindAfterThreeDaysAndExpireAfterSeven() {
        let policy = ConfirmationPolicy.standard
        #expect(policy.step(sent: sent, now: at(days: 2.9), reminderSent: false) == .wait)
        #expect(policy.step(sent: sent, now: at(days: 3), reminderSent: false) == .remind)
        #expect(policy.step(sent: sent, now: at(days: 5), reminderSent: true) == .wait)
        #expect(policy.step(sent: sent, now: at(days: 7), reminderSent: true) == .expire)
        #expect(policy.step(sent: sent, now: at(days: 8), reminderSent: false) == .expire)
        #expect(policy.step(sent: sent, now: at(days: -1), reminderSent: false) == .wait)
        #expect(policy.expiresAt(sent: sent) == at(days: 7))
    }

    @Test func configuredValuesAreKeptSane() {
        #expect(ConfirmationPolicy(expiryDays: 14, reminderDays: 5).reminderAfter == 5 * ConfirmationPolicy.day)
        #expect(ConfirmationPolicy(expiryDays: 2, reminderDays: 3).reminderAfter == nil)
        #expect(ConfirmationPolicy(expiryDays: 0, reminderDays: nil).expiry == 3_600)
        #expect(ConfirmationPolicy(expiry: .infinity).expiry == 7 * ConfirmationPolicy.day)
        let noReminder = ConfirmationPolicy(expiryDays: 7, reminderDays: nil)
        #expect(noReminder.step(sent: sent, now: at(days: 4), reminderSent: false) == .wait)
    }
}
