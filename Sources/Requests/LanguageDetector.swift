/// Guesses the language of a mail from its function words.
///
/// Each language has a list of words typical of it, weighted by how well they
/// tell it from its neighbours (Bokmål, Nynorsk and Danish share most words,
/// so the words that differ weigh most). The language with the highest score
/// wins; English is the fallback for text with no known word.
public enum LanguageDetector {
    public static func detect(_ text: String) -> Language {
        detect(tokens: TextFolding.tokens(TextFolding.fold(text)))
    }

    static func detect(tokens: [String]) -> Language {
        var scores: [Language: Double] = [:]
        for token in tokens.prefix(3000) {
            guard let hits = table[token] else { continue }
            for (language, weight) in hits { scores[language, default: 0] += weight }
        }
        var best = Language.en
        var bestScore = 0.0
        // Fixed order so ties resolve the same way every time.
        for language in [Language.en, .nb, .nn, .da, .sv, .de] {
            let score = scores[language, default: 0]
            if score > bestScore {
                best = language
                bestScore = score
            }
        }
        return best
    }

    private static let words: [Language: [String: Double]] = [
        .en: weighted(1, "the", "and", "you", "your", "my", "i", "to", "of", "is", "that", "please", "data", "with",
                      "this", "for", "have", "are", "would", "about", "me", "not", "be", "information", "regards", "dear", "which", "what"),
        .nb: weighted(1, "jeg", "ikke", "og", "det", "er", "som", "på", "meg", "dere", "deres", "av", "med", "til",
                      "om", "har", "vil", "en", "et", "å", "hilsen", "mvh", "hei", "takk")
            .merging(weighted(2.5, "hva", "hvilke", "hvordan", "opplysninger", "personopplysninger", "nå", "etter", "fra", "gjerne",
                              "vennlig", "være", "blir", "noe", "også", "hvis", "sletting", "slettet", "ønsker", "mitt", "mine",
                              "vår", "bare", "kunne", "hvor", "meget", "innsyn", "samtykke", "ble", "dette", "disse", "eller", "ut"),
                     uniquingKeysWith: +),
        .nn: weighted(4, "eg", "ikkje", "kva", "korleis", "vere", "frå", "dykk", "dykkar", "berre", "mykje", "ynskjer",
                      "ønskjer", "opplysningar", "personopplysningar", "vegner", "kvar", "noko", "òg", "heller", "nokon",
                      "sletta", "korleis", "har", "me", "vart", "blei", "kven", "desse", "dette", "difor", "sidan", "mi",
                      "helsing", "takk", "hei", "venleg")
            .merging(weighted(-3, "har", "takk", "hei", "dette"), uniquingKeysWith: +),
        .da: weighted(3, "af", "hvad", "mig", "dig", "sig", "oplysninger", "personoplysninger", "venlig", "sletning", "nu",
                      "bliver", "efter", "gerne", "tak", "jer", "jeres", "hvilke", "ikke", "være", "også", "hilsen", "kære",
                      "venligst", "hermed", "mit", "mine", "om", "ønsker", "indsigt", "samtykke", "nogen", "noget", "eller", "fra", "kan")
            .merging(weighted(-2, "ikke", "være", "også", "hilsen", "mine", "om", "ønsker", "samtykke", "eller", "fra", "kan"),
                     uniquingKeysWith: +),
        .sv: weighted(3, "jag", "inte", "och", "är", "uppgifter", "personuppgifter", "radera", "mig", "att", "av", "för",
                      "med", "vill", "ni", "er", "min", "mina", "mitt", "om", "vänliga", "hälsningar", "hej", "tack", "vilka",
                      "också", "eller", "från", "ska", "kan", "har", "det", "som", "på", "en", "ett", "till", "mvh")
            .merging(weighted(-2, "mig", "av", "med", "vill", "er", "min", "mina", "mitt", "om", "eller", "kan", "har", "det",
                              "som", "på", "en", "ett", "till", "mvh", "for"),
                     uniquingKeysWith: +),
        .de: weighted(3, "ich", "und", "die", "der", "das", "nicht", "ist", "sie", "ihre", "meine", "mich", "mir", "bitte",
                      "daten", "mit", "zu", "von", "auf", "für", "eine", "ein", "dass", "auskunft", "löschung", "geehrte",
                      "grüßen", "freundlichen", "gemäß", "über", "werden", "wurde", "haben"),
    ]

    /// Token → (language, weight) pairs, built once from `words`.
    private static let table: [String: [(Language, Double)]] = {
        var table: [String: [(Language, Double)]] = [:]
        for (language, entries) in words {
            for (word, weight) in entries where weight != 0 {
                table[word, default: []].append((language, weight))
            }
        }
        return table
    }()

    private static func weighted(_ weight: Double, _ words: String...) -> [String: Double] {
        var result: [String: Double] = [:]
        for word in words { result[word, default: 0] += weight }
        return result
    }
}
