import FuzzSupport
import MailCore
import Testing
@testable import Requests

@Suite("Compiled phrase patterns")
struct CompiledPatternTests {
    /// Every rule's pattern on its own (`PhrasePattern.match`) at every start: what the index's
    /// first-word lookup and shared word numbers must not lose or add.
    private func reference(_ index: RuleIndex, _ tokens: [String]) -> Set<String> {
        var found = Set<String>()
        for start in tokens.indices {
            for (number, rule) in index.rules.enumerated() {
                if let range = rule.pattern.match(tokens, at: start) { found.insert("\(number) \(range)") }
            }
        }
        return found
    }

    private func indexed(_ index: RuleIndex, _ tokens: [String]) -> Set<String> {
        Set(index.matches(in: tokens).map { "\($0.rule) \($0.range)" })
    }

    @Test("the index finds what each pattern alone finds, in sentences of every language")
    func sentences() throws {
        let texts = [
            "Please delete all of my personal data, and do not share my name with your partners.",
            "Jeg ønsker ikke, at I deler mine oplysninger med tredjemand eller sponsorer.",
            "Kan dere slette kontoen min og alt dere har registrert om meg?",
            "Eg vil ha innsyn i kva opplysningar de har om meg, takk.",
            "Jag vill att ni raderar mina uppgifter och slutar skicka nyhetsbrev.",
            "Ich widerspreche der Weitergabe meiner Daten an Aussteller, Sponsoren oder Partner.",
            "My new phone number is 412 34 567 — please update my profile.",
            "Vennligst endre e-postadressen min fra kari@example.no til kari.n@example.no.",
            "What data do you hold about me, and who did you give it to?",
            "Bitte löschen Sie mein Konto nicht; ich habe meine Meinung geändert.",
        ]
        for language in Language.allCases {
            let index = RuleIndex.index(for: language)
            for text in texts {
                let tokens = TextFolding.tokens(TextFolding.fold(text))
                #expect(indexed(index, tokens) == reference(index, tokens), "\(language.rawValue): \(text)")
            }
        }
    }

    @Test("the index finds what each pattern alone finds, in shuffled pattern words")
    func shuffledWords() throws {
        let index = try #require(RuleIndex.universal)
        // Whole words, prefixes with an ending, parts inside words, clause breaks and the words around them.
        var words = [TextFolding.clauseBreak, TextFolding.clauseBreak, "that", "og", "and", "eller", "x"]
        for rule in index.rules {
            for element in rule.pattern.elements {
                for alternative in element.alternatives {
                    switch alternative {
                    case .word(let word): words.append(word)
                    case .prefix(let prefix): words.append(prefix + "er")
                    case .infix(let infix): words.append("x" + infix + "y")
                    }
                }
            }
        }
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<60 {
            let tokens = (0..<Int.random(in: 1...10, using: &generator)).map { _ in words.randomElement(using: &generator) ?? "" }
            #expect(indexed(index, tokens) == reference(index, tokens), "\(tokens)")
        }
    }
}
