import Testing
@testable import Requests

/// How much an erasure asks to erase, as the classifier decides it from the
/// phrases it counted (never from its evidence text).
@Suite struct ErasureScopeTests {
    private func scope(_ body: String, subject: String = "") -> ErasureScope? {
        RequestClassifier.classify(subject: subject, body: body).erasureScope
    }

    @Test func withdrawingDietaryConsentErasesOnlyThatData() {
        #expect(scope("Hei, jeg trekker tilbake samtykket mitt til at dere lagrer opplysninger om allergiene mine.")
                == .consentData)
        #expect(scope("I withdraw my consent to you storing my food allergies. Please delete them.") == .consentData)
    }

    @Test func aWiderErasurePhraseErasesEverything() {
        #expect(scope("I withdraw my consent to you storing my food allergies. Please delete all my personal data.")
                == .everything)
        #expect(scope("Hei, jeg ber om at dere sletter alle personopplysninger dere har om meg.") == .everything)
        #expect(scope("Please close my account and erase me.") == .everything)
    }

    @Test func noErasureNoScope() {
        #expect(scope("Please send me a copy of the data you hold about me.") == nil)
    }

    @Test func theWholeRecordIsReadFromThePatternsWords() {
        let rules = RuleIndex.universal?.rules ?? []
        #expect(rules.contains { $0.signal == .kind(.erase) && $0.namesWholeRecord })
        #expect(rules.contains { $0.signal == .kind(.erase) && !$0.namesWholeRecord })
    }
}
