import Testing
@testable import Requests

@Suite struct WordTableTests {
    @Test func answersForPlainWordsAndMisses() {
        let table = WordTable(["slette": 1, "ikke": 2, "søk": 3, "löschen": 4, "ærlig": 5])
        #expect(table.value(of: "slette") == 1)
        #expect(table.value(of: "ikke") == 2)
        #expect(table.value(of: "søk") == 3)
        #expect(table.value(of: "löschen") == 4)
        #expect(table.value(of: "ærlig") == 5)
        #expect(table.value(of: "slett") == nil)
        #expect(table.value(of: "") == nil)
        #expect(table.value(of: "sok") == nil)
    }

    /// A token and a word that are canonically equivalent are one word, as
    /// `String` equality has it, whichever of them is written decomposed.
    @Test func canonicallyEquivalentSpellingsAreOneWord() {
        let precomposed = WordTable(["löschen": 1])
        #expect(precomposed.value(of: "lo\u{308}schen") == 1)
        let decomposed = WordTable(["lo\u{308}schen": 1])
        #expect(decomposed.value(of: "löschen") == 1)
        #expect(decomposed.value(of: "loschen") == nil)
    }

    @Test func wordsOutsideLatinAreFound() {
        let set: WordSet = ["διαγραφή", "delete", "ǆ"]
        #expect(set.contains("διαγραφή"))
        #expect(set.contains("delete"))
        #expect(set.contains("ǆ"))
        #expect(!set.contains("διαγραφ"))
        #expect(!set.contains("delet"))
    }

    /// Many words: every one is found through the probing, none invented.
    @Test func aLargeTableFindsEveryWord() {
        let words = (0..<5000).map { "word\($0)" }
        let set = WordSet(words)
        #expect(words.allSatisfy(set.contains))
        #expect(!(5000..<6000).map { "word\($0)" }.contains(where: set.contains))
    }
}
