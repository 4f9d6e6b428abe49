import Testing
@testable import Requests

@Suite struct PhrasePatternTests {
    private func tokens(_ text: String) -> [String] { TextFolding.tokens(TextFolding.fold(text)) }

    @Test func matchesWordsPrefixesAndGaps() {
        let pattern = PhrasePattern("delet* ~3 my ~2 data|account")
        #expect(pattern.match(tokens("delete all of my personal data"), at: 0) == 0..<6)
        #expect(pattern.match(tokens("deletion of my account"), at: 0) != nil)
        #expect(pattern.match(tokens("delete the photos and videos of my data"), at: 0) == nil)
    }

    /// What a rule's phrase names, read on its text as written, is what its
    /// alternatives name, for every rule of every lexicon.
    @Test func aRuleNamesWhatItsAlternativesName() {
        func names(_ stems: [String], _ pattern: PhrasePattern) -> Bool {
            pattern.elements.flatMap(\.alternatives).contains { alternative in
                switch alternative {
                case .word(let text), .prefix(let text), .infix(let text): stems.contains { text.contains($0) }
                }
            }
        }
        for language in Language.allCases {
            for rule in PhraseLexicon.lexicon(for: language).rules {
                #expect(rule.namesWholeRecord == names(PhraseRule.wholeRecordStems, rule.pattern), "\(rule.evidence)")
                #expect(rule.namesPhoto == names(PhraseRule.photoStems, rule.pattern), "\(rule.evidence)")
            }
        }
    }

    @Test func gapsDoNotCrossClauseBreaks() {
        let pattern = PhrasePattern("delete ~4 data")
        #expect(pattern.match(tokens("delete nothing, my data stays"), at: 0) == nil)
    }

    @Test func aCommaBeforeThatDoesNotEndThePhrase() {
        let pattern = PhrasePattern("ikke ~5 deler ~8 partner*")
        #expect(pattern.match(tokens("ikke, at I deler mine oplysninger med partnere"), at: 0) != nil)
    }

    @Test func infixMatchesPartOfACompound() {
        let pattern = PhrasePattern("*allergi*")
        #expect(pattern.match(["nøddeallergi"], at: 0) != nil)
        #expect(pattern.match(["allergien"], at: 0) != nil)
        #expect(pattern.match(["allegro"], at: 0) == nil)
    }

    @Test func negationBeforeInsideAndAfterThePhrase() {
        let negations: WordSet = ["not", "nicht", "ikke"]
        let before = tokens("I do not want you to delete my data")
        #expect(NegationScope.isNegated(6..<8, in: before, negations: negations))
        let after = tokens("bitte löschen Sie meine Daten nicht")
        #expect(NegationScope.isNegated(1..<5, in: after, negations: negations))
        let otherClause = tokens("I do not like spam, delete my data")
        #expect(!NegationScope.isNegated(6..<9, in: otherClause, negations: negations))
    }
}
