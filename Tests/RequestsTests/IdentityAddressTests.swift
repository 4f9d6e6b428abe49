import MailCore
import Testing
@testable import Requests

@Suite struct IdentityAddressMatcherTests {
    @Test func everyClaimPhraseHoldsAWordTheQuickCheckLooksFor() {
        // The claim finder skips text without one of these; a phrase without one would never be found.
        for phrase in RegisteredAddressClaim.phrases {
            #expect(["regist", "file", "hos", "hjå", "hinterlegt"].contains { phrase.contains($0) }, "\(phrase)")
        }
        #expect(RegisteredAddressClaim.find(in: "Jeg er REGISTRERT PÅ kari@example.no hos dere.") == ["kari@example.no"])
        #expect(RegisteredAddressClaim.find(in: "Min e-post hos dere er kari@example.no.") == ["kari@example.no"])
        #expect(RegisteredAddressClaim.find(in: "Skriv til kari@example.no, takk.").isEmpty)
    }

    @Test func domainAndASCIILettersOfTheLocalPartIgnoreCase() {
        let matcher = AddressMatcher()
        #expect(matcher.normalized("Kari.Nordmann@Example.NO") == "kari.nordmann@example.no")
        #expect(matcher.same("kari@EXAMPLE.no", "kari@example.no"))
        #expect(matcher.same("Kari.Nordmann@EXAMPLE.no", "kari.nordmann@example.no"))
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

    @Test func aDottedCapitalIIsNoI() {
        let matcher = AddressMatcher()
        // In the domain İ lowercases to i and a combining dot: another domain, as IDNA sees it.
        #expect(matcher.canonical("kari.nordmann@exampİe.no") == "kari.nordmann@xn--exampie-cie.no")
        #expect(!matcher.same("kari.nordmann@exampİe.no", "kari.nordmann@example.no"))
        // In the local part only ASCII letters fold; the address is not acted on by itself.
        #expect(matcher.canonical("KARİ.nordmann@example.no") == "karİ.nordmann@example.no")
        #expect(!matcher.same("karİ.nordmann@example.no", "kari.nordmann@example.no"))
        #expect(!matcher.hasASCIILocalPart("karİ.nordmann@example.no"))
        #expect(matcher.mailForm("karİ.nordmann@example.no") == nil)
    }

    @Test func theKelvinSignIsNoK() {
        let matcher = AddressMatcher()
        let kelvin = "\u{212A}ari.nordmann@example.no"
        #expect(matcher.canonical(kelvin) == kelvin)
        #expect(!matcher.same(kelvin, "kari.nordmann@example.no") && !matcher.same(kelvin, "Kari.Nordmann@example.no"))
        #expect(!matcher.hasASCIILocalPart(kelvin))
        #expect(matcher.storedForms(kelvin) == [kelvin])
        // In a domain, NFC makes it a K (as IDNA does): mail and lookup both go to that ASCII domain.
        #expect(matcher.canonical("ola@\u{212A}jell.no") == "ola@kjell.no")
        #expect(matcher.mailForm("ola@\u{212A}jell.no") == "ola@kjell.no")
    }

    @Test func nonASCIILocalPartsCompareScalarByScalar() {
        let matcher = AddressMatcher()
        #expect(!matcher.same("ka\u{30A}ri@example.no", "kåri@example.no"))
        #expect(matcher.same("kåri@EXAMPLE.no", "kåri@example.no"))
        #expect(!matcher.same("KÅRI@example.no", "kåri@example.no"))
    }

    @Test func sharpSIsKeptNotMadeSS() {
        let matcher = AddressMatcher()
        #expect(matcher.canonical("ola@Straße.de") == "ola@xn--strae-oqa.de")
        #expect(!matcher.same("ola@straße.de", "ola@strasse.de"))
        #expect(!matcher.same("straße@example.de", "strasse@example.de"))
        #expect(!matcher.hasASCIILocalPart("straße@example.de"))
    }

    @Test func aLabelsAndULabelsAreOneDomain() {
        let matcher = AddressMatcher()
        #expect(matcher.canonical("kari@Blåbær.NO") == "kari@xn--blbr-roah.no")
        #expect(matcher.canonical("kari@XN--BLBR-ROAH.no") == "kari@xn--blbr-roah.no")
        #expect(matcher.same("Kari@blåbær.no", "kari@xn--blbr-roah.no"))
        #expect(DomainName.unicode("xn--blbr-roah.no") == "blåbær.no")
        // A decomposed å is the same letter after NFC.
        #expect(matcher.canonical("kari@bla\u{30A}bær.no") == "kari@xn--blbr-roah.no")
        // An A-label that is not the A-label of its own decoding (here of a decomposed å) is no domain.
        #expect(matcher.canonical("kari@xn--blabr-vra849a.no") == nil)
        #expect(matcher.canonical("kari@xn--a.no") == nil)
        #expect(matcher.canonical("kari@xn--zz.no") == nil)
    }

    @Test func domainsThatCannotBeConvertedAreNoAddresses() {
        let matcher = AddressMatcher()
        for address in ["kari@exa mple.no", "kari@example..no", "kari@ex\u{2603}mple.no", "kari@exam\u{200D}ple.no",
                        "kari@\u{301}example.no", "kari@ex%ample.no", "kari@" + String(repeating: "ø", count: 60) + ".no"] {
            #expect(matcher.canonical(address) == nil, "\(address)")
            #expect(matcher.normalized(address) == "" && matcher.storedForms(address).isEmpty && matcher.mailForm(address) == nil)
        }
    }

    @Test func trailingDotsAreNoPartOfTheDomain() {
        let matcher = AddressMatcher()
        #expect(matcher.canonical("kari@example.no.") == "kari@example.no")
        #expect(matcher.canonical("kari@blåbær.no..") == "kari@xn--blbr-roah.no")
        #expect(matcher.mailForm("Kari@Example.no.") == "Kari@example.no")
    }

    @Test func plusTagsFollowTheAliasRulesAlsoForUnicodeDomains() {
        let matcher = AddressMatcher(rules: AliasRules(stripPlusTags: false, domainOverrides: ["Blåbær.no": true]))
        #expect(matcher.canonical("Kari+Events@xn--blbr-roah.no") == "kari@xn--blbr-roah.no")
        #expect(matcher.canonical("kari+events@example.no") == "kari+events@example.no")
        #expect(matcher.storedForms("Kari+x@Blåbær.NO")
            == ["kari@xn--blbr-roah.no", "kari@blåbær.no", "kari+x@xn--blbr-roah.no", "kari+x@blåbær.no"])
        // Mail keeps the tag and the local part as written.
        #expect(matcher.mailForm("Kari <Kari+x@Blåbær.no>") == "Kari+x@xn--blbr-roah.no")
    }

    @Test func punycodeFollowsRFC3492() {
        #expect(Punycode.encode("bücher") == "bcher-kva")
        #expect(Punycode.encode("münchen") == "mnchen-3ya")
        #expect(Punycode.encode("blåbær") == "blbr-roah")
        // RFC 3492 7.1 (L), Japanese with ASCII.
        #expect(Punycode.encode("3年B組金八先生") == "3B-ww4c5e180e575a65lsy2b")
        for label in ["bücher", "blåbær", "exampi\u{307}e", "3年B組金八先生", "ли"] {
            #expect(Punycode.decode(Punycode.encode(label) ?? "") == label)
        }
        #expect(Punycode.decode("zz") == nil)
        #expect(Punycode.decode("-kva") == nil)
        #expect(Punycode.decode("99999999999999999999a") == nil)
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

    /// The decision on what intake reads of `message` and its classification.
    private func resolve(_ message: ParsedMessage, classification: Classification, claims: [String],
                         matcher: AddressMatcher) -> DataSubject.Decision {
        DataSubject.resolve(senders: message.from.map(\.address), onBehalf: classification.onBehalf,
                            kinds: classification.kinds, claims: claims, matcher: matcher)
    }

    @Test func theSenderIsTheSubjectAndReplyToIsIgnored() {
        let decision = resolve(message(from: ["kari@example.no"], replyTo: ["other@example.com"]),
            classification: classification([.access]), claims: [], matcher: AddressMatcher())
        #expect(decision == .sender(address: "kari@example.no", needsConfirmation: false))
    }

    @Test func erasureAndRectificationNeedConfirmation() {
        let matcher = AddressMatcher()
        for kinds: Set<RequestKind> in [[.erase], [.rectify], [.access, .erase]] {
            #expect(resolve(message(from: ["kari@example.no"]), classification: classification(kinds), claims: [], matcher: matcher)
                == .sender(address: "kari@example.no", needsConfirmation: true))
        }
        #expect(!DataSubject.needsConfirmation([.object, .access]))
    }

    @Test func anotherClaimedAddressMustConfirm() {
        let matcher = AddressMatcher(rules: AliasRules(stripPlusTags: true))
        let sender = message(from: ["kari@example.no"])
        #expect(resolve(sender, classification: classification([.access]), claims: ["old@example.com"], matcher: matcher)
            == .confirmClaimedAddress(sender: "kari@example.no", claimed: "old@example.com"))
        #expect(resolve(sender, classification: classification([.access]), claims: ["kari+x@EXAMPLE.no"], matcher: matcher)
            == .sender(address: "kari@example.no", needsConfirmation: false))
        #expect(resolve(sender, classification: classification([.access]), claims: ["a@example.com", "b@example.com"], matcher: matcher)
            == .needsReview(.severalClaimedAddresses))
    }

    @Test func aNonASCIILocalPartGoesToReview() {
        let matcher = AddressMatcher()
        let kelvin = "\u{212A}ari.nordmann@example.no"
        #expect(resolve(message(from: [kelvin]), classification: classification([.access]), claims: [], matcher: matcher)
            == .needsReview(.nonASCIILocalPart))
        #expect(resolve(message(from: ["ola@example.com"]), classification: classification([.access]),
                                    claims: [kelvin], matcher: matcher) == .needsReview(.nonASCIILocalPart))
        // A Unicode domain is fine: it is compared and mailed as its A-label.
        #expect(resolve(message(from: ["kari@blåbær.no"]), classification: classification([.access]),
                                    claims: [], matcher: matcher) == .sender(address: "kari@blåbær.no", needsConfirmation: false))
    }

    @Test func onBehalfAndMissingSendersGoToReview() {
        let matcher = AddressMatcher()
        #expect(resolve(message(from: ["kari@example.no"]), classification: classification([.erase], onBehalf: true), claims: [], matcher: matcher)
            == .needsReview(.onBehalf))
        #expect(resolve(message(from: []), classification: classification([.erase]), claims: [], matcher: matcher)
            == .needsReview(.noSender))
        #expect(resolve(message(from: ["a@example.no", "b@example.no"]), classification: classification([.access]), claims: [], matcher: matcher)
            == .needsReview(.severalSenders))
    }
}
