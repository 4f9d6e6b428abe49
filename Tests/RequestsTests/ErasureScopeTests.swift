import Testing
@testable import Requests

@Suite struct ErasureScopeTests {
    @Test func withdrawingDietaryConsentErasesOnlyThatData() {
        #expect(ErasureScope.from(evidence: ["erase: consent withdrawn for dietary data (nb:trekk* ~4 tilbake ~4 samtykke*)"])
                == .consentData)
        #expect(ErasureScope.from(evidence: ["erase: consent withdrawn for dietary data (en:withdraw*)",
                                             "erase: en:delete|erase|remove ~1 it|them…"]) == .consentData)
    }

    @Test func aWiderErasurePhraseErasesEverything() {
        #expect(ErasureScope.from(evidence: ["erase: consent withdrawn for dietary data (en:withdraw*)",
                                             "erase: en:delete|erase… ~3 my|me… ~4 data|information…"]) == .everything)
        #expect(ErasureScope.from(evidence: ["erase: nb:slett*|fjern* ~3 *opplysning*|data…"]) == .everything)
        #expect(ErasureScope.from(evidence: []) == .everything)
    }
}
