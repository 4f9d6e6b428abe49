import Testing
@testable import Requests

/// Behaviour the issue names, on short texts written for these tests.
@Suite struct RequestClassifierTests {
    private func kinds(_ body: String, subject: String = "") -> Set<RequestKind> {
        RequestClassifier.classify(subject: subject, body: body).kinds
    }

    @Test func negatedErasureIsNoErasure() {
        #expect(kinds("I do NOT want you to delete anything. I only want to know what you store about me.") == [.access])
        #expect(kinds("Bitte löschen Sie meine Daten nicht, ich möchte nur eine Kopie meiner Daten.") == [.access])
    }

    @Test func passingMentionsAndPolicyQuestionsAreNotRequests() {
        #expect(kinds("I know I could ask you to delete my data, but I just wanted to say thanks for a great race.").isEmpty)
        #expect(kinds("How can I delete my account myself in the app?").isEmpty)
        #expect(kinds("Your privacy policy says you delete data after three years. Is that still right?").isEmpty)
    }

    /// Kinds taken back are listed in the kinds' own order, the same every
    /// time: the evidence an operator reads does not change between runs.
    @Test func kindsTakenBackAreListedInOrder() {
        let body = "Please send me a copy of my data and change my address. How do I change my e-mail myself?"
        for _ in 0..<20 {
            let result = RequestClassifier.classify(subject: "", body: body)
            #expect(result.kinds.isEmpty)
            #expect(result.evidence == ["not access: asks how to do it oneself", "not rectify: asks how to do it oneself"])
        }
    }

    @Test func portabilityIsAccess() {
        #expect(kinds("Please send me my data in a machine-readable format under Article 20.") == [.access])
    }

    @Test func unsubscribeAndPartnerSharingAreObjections() {
        #expect(kinds("Please unsubscribe me from the newsletter.") == [.object])
        #expect(kinds("Jeg vil ikke at dere deler opplysningene mine med samarbeidspartnere.") == [.object])
        #expect(kinds("", subject: "Unsubscribe") == [.object])
        #expect(kinds("To unsubscribe from these e-mails, click here.").isEmpty)
    }

    @Test func dietaryConsentWithdrawalIsErasure() {
        #expect(kinds("I withdraw my consent to you storing my allergy information.") == [.erase])
        #expect(kinds("I withdraw my consent to marketing.") == [.object])
    }

    @Test func onBehalfIsFlagged() {
        let result = RequestClassifier.classify(subject: "", body: "I write on behalf of my daughter. Please delete her data.")
        #expect(result.onBehalf)
        #expect(result.kinds == [.erase])
        #expect(!RequestClassifier.classify(subject: "", body: "Please delete my data.").onBehalf)
    }

    @Test func complaintsAndLegalHoldsAreOther() {
        #expect(kinds("Dear Data Protection Authority, I hereby lodge a complaint against the company, which ignored my erasure request.").isEmpty)
        #expect(!kinds("Please preserve all records about my booking; a court case is pending.").contains(.erase))
    }

    @Test func vagueMailIsOtherWithLowConfidence() {
        let vague = RequestClassifier.classify(subject: "", body: "I have a question about the right to erasure. Who do I talk to?")
        #expect(vague.kinds.isEmpty)
        #expect(vague.confidence < 0.6)
        let clear = RequestClassifier.classify(subject: "Delete my account", body: "Please delete my account and all my data.")
        #expect(clear.confidence > 0.8)
    }

    @Test func evidenceNamesRulesNotSentences() {
        let result = RequestClassifier.classify(subject: "", body: "Please delete all my personal data, Kari Nordmann, Storgata 1.")
        #expect(!result.evidence.isEmpty)
        #expect(result.evidence.allSatisfy { !$0.contains("Kari") && !$0.contains("Storgata") })
    }

    @Test func emptyAndHostileInputDoNotCrash() {
        #expect(kinds("").isEmpty)
        #expect(kinds(String(repeating: "delete ", count: 20_000)).count <= 4)
        #expect(kinds(String(repeating: "\u{0}\u{FFFD}~|*", count: 1000)).isEmpty)
    }
}
