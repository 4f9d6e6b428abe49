import Testing
@testable import Requests

@Suite struct LanguageDetectorTests {
    @Test func eachLanguagesScoreHasItsOwnPlace() {
        #expect(Language.allCases.map(\.caseIndex) == Array(Language.allCases.indices))
    }

    @Test(arguments: [
        ("Hei, jeg vil gjerne vite hvilke opplysninger dere har om meg.", Language.nb),
        ("Hei, eg vil gjerne vite kva opplysningar de har om meg.", .nn),
        ("Hej, jeg vil gerne vide, hvad I har af oplysninger om mig.", .da),
        ("Hej, jag vill veta vilka uppgifter ni har om mig.", .sv),
        ("Hallo, ich möchte wissen, welche Daten Sie über mich gespeichert haben.", .de),
        ("Hello, I would like to know which data you hold about me.", .en),
    ])
    func detectsTheSixLanguages(_ text: String, _ expected: Language) {
        #expect(LanguageDetector.detect(text) == expected)
    }

    @Test func emptyTextFallsBackToEnglish() {
        #expect(LanguageDetector.detect("") == .en)
        #expect(LanguageDetector.detect("12345 !!!") == .en)
    }
}
