import Foundation
import FuzzSupport
import MailCore
import Testing
@testable import Requests

/// 1,000 random and mutated messages through reading, classification and
/// the identity checks: nothing may crash or hang. Deterministic (seeded),
/// inputs at most 256 KB; nothing is timed. `deploy/local/fuzz.sh` runs
/// many more, with other seeds (`DSRD_FUZZ_ITERATIONS`, `DSRD_FUZZ_SEED`).
@Suite struct FuzzIntakeTests {
    static let iterations = ProcessInfo.processInfo.environment["DSRD_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 1_000
    static let seed = ProcessInfo.processInfo.environment["DSRD_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x6473_7264
    static let maxInput = 256 * 1024
    static let trusts = [
        SenderTrust(trustedAuthservIDs: ["mx.janteloppet.test"]),
        SenderTrust(trustedAuthservIDs: ["mx.janteloppet.test"], internalReceivedHops: 1, resultsPosition: .below,
                    readsResultsWithoutAuthservID: true),
    ]

    @Test func randomAndMutatedMessagesNeverCrash() {
        var random = SeededGenerator(seed: Self.seed)
        let seeds = FuzzSeedMessages.all.map { Array($0.utf8) }
        var largest = 0
        var mutationsSeen = Set<Int>()
        for iteration in 0..<Self.iterations {
            let input: [UInt8]
            if iteration % 10 == 9 {
                input = Self.randomBytes(&random)
            } else {
                var bytes = seeds[random.below(seeds.count)]
                for _ in 0..<(1 + random.below(6)) {
                    let kind = random.below(Mutation.count)
                    mutationsSeen.insert(kind)
                    Mutation.apply(kind, to: &bytes, random: &random)
                    if bytes.count > Self.maxInput { bytes.removeLast(bytes.count - Self.maxInput) }
                }
                input = bytes
            }
            largest = max(largest, input.count)
            Self.runPipeline(input)
        }
        #expect(largest <= Self.maxInput)
        #expect(mutationsSeen.count == Mutation.count)
    }

    /// Everything intake and the identity checks do with one message; the
    /// checks on the results hold for any input.
    static func runPipeline(_ bytes: [UInt8]) {
        let message = MessageReader.read(bytes)
        let classification = MessageClassification(message)
        #expect((0...1).contains(classification.classification.confidence))

        for value in message.headers(named: "authentication-results") {
            if let parsed = AuthenticationResults.parse(value) {
                #expect(!parsed.authservID.isEmpty && parsed.results.count <= AuthenticationResults.maxResults)
            } else if let parsed = AuthenticationResults.parseWithoutAuthservID(value) {
                #expect(parsed.authservID.isEmpty && parsed.results.count <= AuthenticationResults.maxResults)
            }
        }
        for trust in trusts {
            let verdict = trust.verdict(of: message)
            // A pass needs the MX's Received line to find the trusted part.
            #expect(!verdict.isAuthenticated || message.headers(named: "received").count > 0)
            #expect(message.headerAmbiguities.isEmpty || verdict == .unverified(.untrustedResults))
        }

        let text = message.text
        for token in ConfirmationToken.find(in: text) {
            #expect(ConfirmationToken(token)?.symbols == token)
        }
        let newText = ReplyText.newText(text)
        let claims = RegisteredAddressClaim.find(in: newText)
        #expect(claims.allSatisfy { $0.contains("@") })
        _ = ConfirmationReply.evaluate(newText: newText, codes: Set(ConfirmationToken.find(in: text)))

        let matcher = AddressMatcher(rules: AliasRules(stripPlusTags: true))
        for address in message.from + message.replyTo {
            let normalized = matcher.normalized(address)
            #expect(normalized.isEmpty || normalized.contains("@"))
        }
        let reading = classification.reading
        #expect(reading.claims == claims && reading.senders == message.from.map(\.address))
        #expect(reading.threadReferences.count <= ThreadReferences.maxIDs)
        _ = DataSubject.resolve(senders: reading.senders, onBehalf: classification.classification.onBehalf,
                                kinds: classification.classification.kinds, claims: reading.claims, matcher: matcher)
    }

    static func randomBytes(_ random: inout SeededGenerator) -> [UInt8] {
        let count = random.below(4_096)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for _ in 0..<count {
            // mostly printable with line breaks, sometimes anything
            let roll = random.below(10)
            bytes.append(roll == 0 ? 0x0A : roll == 1 ? UInt8(truncatingIfNeeded: random.next()) : UInt8(0x20 + random.below(95)))
        }
        return bytes
    }

    @Test func hostileHeaderValuesParseQuickly() {
        let deepComment = "mx; dkim=pass " + String(repeating: "(", count: 50_000) + String(repeating: ")", count: 50_000)
        #expect(AuthenticationResults.parse(deepComment)?.results.count == 1)
        let manyResults = "mx" + String(repeating: "; spf=pass", count: 10_000)
        #expect(AuthenticationResults.parse(manyResults)?.results.count == AuthenticationResults.maxResults)
        let junk = "mx; " + String(repeating: "=;=(\"\\", count: 20_000)
        #expect(AuthenticationResults.parse(junk)?.results.isEmpty == true)
        let longText = String(repeating: "registrert på ", count: 10_000) + String(repeating: "7KQ2 ", count: 20_000)
        #expect(RegisteredAddressClaim.find(in: longText).isEmpty)
        #expect(ConfirmationToken.find(in: longText) == ["7KQ27KQ27KQ27KQ27KQ27KQ27KQ2"])
    }
}
