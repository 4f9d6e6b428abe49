import MailCore
import Testing
@testable import Requests

@Suite struct IdentityAddressMatcherTests {
    @Test func domainIgnoresCaseLocalPartDoesNot() {
        let matcher = AddressMatcher()
        #expect(matcher.normalized("Kari.Nordmann@Example.NO") == "Kari.Nordmann@example.no")
        #expect(matcher.same("kari@EXAMPLE.no", "kari@example.no"))
        #expect(!matcher.same("Kari@example.no", "kari@example.no"))
    }

    @Test func displayNamesBracketsAndMailtoAreRemoved() {
        let matcher = AddressMatcher()
        #expect(matcher.normalized("\"Nordmann, Kari\" <kari@example.no>") == "kari@example.no")
        #expect(matcher.normalized("  <kari@example.no.>  ") == "kari@example.no")
        #expect(matcher.normalized("mailto:kari@example.no") == "kari@example.no")
        #expect(matcher.normalized(MailAddress(displayName: "Kari", address: "kari@Example.no")) == "kari@example.no")
    }

    @Test func notAnAddressMatchesNothing() {
        let matcher = AddressMatcher()
        #expect(matcher.normalized("Kari Nordmann") == "")
        #expect(matcher.normalized("@example.no") == "")
        #expect(matcher.normalized("kari@") == "")
        #expect(!matcher.same("", ""))
        #expect(!matcher.same("nobody", "nobody"))
    }

    @Test func plusTagsOnlyWhereConfigured() {
        let exact = AddressMatcher()
        #expect(!exact.same("kari+events@example.no", "kari@example.no"))

        let global = AddressMatcher(rules: AliasRules(stripPlusTags: true, domainOverrides: ["Example.COM": false]))
        #expect(global.same("kari+events@example.no", "kari@example.no"))
        #expect(!global.same("ola+x@example.com", "ola@example.com"))
        #expect(global.normalized("+only@example.no") == "+only@example.no")

        let perDomain = AddressMatcher(rules: AliasRules(stripPlusTags: false, domainOverrides: ["example.org": true]))
        #expect(perDomain.same("per+a+b@EXAMPLE.org", "per@example.org"))
        #expect(!perDomain.same("per+a@example.net", "per@example.net"))
    }

    @Test func dotsAreNeverIgnored() {
        let matcher = AddressMatcher(rules: AliasRules(stripPlusTags: true))
        #expect(!matcher.same("kari.nordmann@example.com", "karinordmann@example.com"))
    }
}

@Suite struct IdentityRegisteredAddressClaimTests {
    @Test func findsClaimsInEachLanguage() {
        #expect(RegisteredAddressClaim.find(in: "Hi, my registered address is Kari.N@example.no. Thanks") == ["Kari.N@example.no"])
        #expect(RegisteredAddressClaim.find(in: "Jeg er registrert på ola@example.com hos dere.") == ["ola@example.com"])
        #expect(RegisteredAddressClaim.find(in: "Min e-post hos dere er: <per@example.org>") == ["per@example.org"])
        #expect(RegisteredAddressClaim.find(in: "I am registered under\n'anna@example.net'") == ["anna@example.net"])
        #expect(RegisteredAddressClaim.find(in: "Meine registrierte Adresse lautet max@example.com.") == ["max@example.com"])
        #expect(RegisteredAddressClaim.find(in: "Min registrerade adress är sven@example.org") == ["sven@example.org"])
        #expect(RegisteredAddressClaim.find(in: "MY   REGISTERED\tADDRESS IS x@example.no") == ["x@example.no"])
        #expect(RegisteredAddressClaim.find(in: "E-posten min hjå dykk er nils@example.no") == ["nils@example.no"])
        #expect(RegisteredAddressClaim.find(in: "Jeg er registreret på lars@example.dk") == ["lars@example.dk"])
    }

    @Test func noClaimWithoutPhraseOrAddress() {
        #expect(RegisteredAddressClaim.find(in: "Please delete kari@example.no from your lists.").isEmpty)
        #expect(RegisteredAddressClaim.find(in: "Jeg er registrert på konferansen i mai.").isEmpty)
        #expect(RegisteredAddressClaim.find(in: "I registered assets at reg@example.no").isEmpty)
        #expect(RegisteredAddressClaim.find(in: "").isEmpty)
    }

    @Test func addressFarAfterThePhraseIsNoClaim() {
        let far = "My registered address is the one I used last year when I bought two tickets for the spring conference, " +
            "and you can also reach me at kari@example.no"
        #expect(RegisteredAddressClaim.find(in: far).isEmpty)
        #expect(RegisteredAddressClaim.find(in: "registrert på\n\nola@example.no").isEmpty)
    }

    @Test func severalClaimsInOrderEachOnce() {
        let text = "Registrert med a@example.no. Eller kanskje registrert på b@example.com? Registrert med A@EXAMPLE.NO"
        #expect(RegisteredAddressClaim.find(in: text) == ["a@example.no", "b@example.com"])
    }
}

@Suite struct IdentityDataSubjectTests {
    private func message(from: [String], replyTo: [String] = []) -> ParsedMessage {
        ParsedMessage(from: from.map { MailAddress(address: $0) }, replyTo: replyTo.map { MailAddress(address: $0) })
    }

    private func classification(_ kinds: Set<RequestKind>, onBehalf: Bool = false) -> Classification {
        Classification(kinds: kinds, language: .en, confidence: 0.9, evidence: [], onBehalf: onBehalf, fields: [:])
    }

    @Test func theSenderIsTheSubjectAndReplyToIsIgnored() {
        let decision = DataSubject.resolve(
            message: message(from: ["kari@example.no"], replyTo: ["other@example.com"]),
            classification: classification([.access]), claims: [], matcher: AddressMatcher())
        #expect(decision == .sender(address: "kari@example.no", needsConfirmation: false))
    }

    @Test func erasureAndRectificationNeedConfirmation() {
        let matcher = AddressMatcher()
        for kinds: Set<RequestKind> in [[.erase], [.rectify], [.access, .erase]] {
            #expect(DataSubject.resolve(message: message(from: ["kari@example.no"]), classification: classification(kinds), claims: [], matcher: matcher)
                == .sender(address: "kari@example.no", needsConfirmation: true))
        }
        #expect(!DataSubject.needsConfirmation([.object, .access]))
    }

    @Test func anotherClaimedAddressMustConfirm() {
        let matcher = AddressMatcher(rules: AliasRules(stripPlusTags: true))
        let sender = message(from: ["kari@example.no"])
        #expect(DataSubject.resolve(message: sender, classification: classification([.access]), claims: ["old@example.com"], matcher: matcher)
            == .confirmClaimedAddress(sender: "kari@example.no", claimed: "old@example.com"))
        #expect(DataSubject.resolve(message: sender, classification: classification([.access]), claims: ["kari+x@EXAMPLE.no"], matcher: matcher)
            == .sender(address: "kari@example.no", needsConfirmation: false))
        #expect(DataSubject.resolve(message: sender, classification: classification([.access]), claims: ["a@example.com", "b@example.com"], matcher: matcher)
            == .needsReview(.severalClaimedAddresses))
    }

    @Test func onBehalfAndMissingSendersGoToReview() {
        let matcher = AddressMatcher()
        #expect(DataSubject.resolve(message: message(from: ["kari@example.no"]), classification: classification([.erase], onBehalf: true), claims: [], matcher: matcher)
            == .needsReview(.onBehalf))
        #expect(DataSubject.resolve(message: message(from: []), classification: classification([.erase]), claims: [], matcher: matcher)
            == .needsReview(.noSender))
        #expect(DataSubject.resolve(message: message(from: ["a@example.no", "b@example.no"]), classification: classification([.access]), claims: [], matcher: matcher)
            == .needsReview(.severalSenders))
    }
}
