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
        detectScored(tokens: tokens).language
    }

    /// The language and its score: a low score (a one-word mail) means the
    /// guess is weak.
    static func detectScored(tokens: [String]) -> (language: Language, score: Double) {
        // Summed per language in an array by case order (no hashing per word).
        var scores = [Double](repeating: 0, count: Language.allCases.count)
        for token in tokens.prefix(3000) {
            guard let hits = table.value(of: token) else { continue }
            for (language, weight) in hits { scores[language.caseIndex] += weight }
        }
        var best = Language.en
        var bestScore = 0.0
        // Fixed order so ties resolve the same way every time.
        for language in [Language.en, .nb, .nn, .da, .sv, .de] {
            let score = scores[language.caseIndex]
            if score > bestScore {
                best = language
                bestScore = score
            }
        }
        return (best, bestScore)
    }

    /// Scandinavian function words and the languages that use them (a word
    /// may be listed in several groups): a word used by one language weighs
    /// 3, by two 1.5, by three 1.
    private static let scandinavian: [(languages: [Language], words: [String])] = [
        ([.nb], ["dere", "deres", "hva", "opplysninger", "opplysningene", "personopplysninger", "nå", "vennlig",
                 "vennligst", "noe", "ble", "dem", "hei", "takk", "jeg", "ikke", "hvilke", "hvordan", "være", "fra",
                 "hvis", "bare", "mvh", "kontoen", "hennes", "ham", "sletting", "innsyn", "henne", "nye", "nytt"]),
        ([.nb, .da], ["jeg", "ikke", "hvilke", "hvordan", "være", "fra", "hvis", "bare", "hilsen", "eller", "også",
                      "disse", "ønsker", "kunne", "hvor", "etter"]),
        ([.nb, .nn], ["hei", "takk", "meg", "deg", "seg", "mitt", "gjerne", "blir", "av", "nye", "nytt", "kontoen",
                      "vår", "sletting", "innsyn", "hennes", "ikkje"]),
        ([.nb, .nn, .da], ["og", "det", "som", "på", "til", "om", "har", "vil", "en", "et", "er", "min", "mine", "med",
                           "kan", "skal", "må", "den", "dette", "samtykke"]),
        ([.nn], ["eg", "ikkje", "kva", "korleis", "vere", "frå", "dykk", "dykkar", "berre", "mykje", "ynskjer",
                 "ønskjer", "opplysningar", "opplysningane", "personopplysningar", "vegner", "kvar", "noko", "òg",
                 "nokon", "sletta", "vart", "blei", "kven", "difor", "sidan", "helsing", "venleg", "høyrer", "fekk",
                 "ein", "eit", "gonger", "slettast", "lagra", "ho", "dei", "ver", "flytta", "adressa", "viss",
                 "heiter", "fleire", "gjer", "slettar", "lagrar", "sjå", "ikkje", "laurdag", "sundag", "måndag",
                 "tysdag", "startar", "stava", "vert", "delte"]),
        ([.da], ["af", "hvad", "mig", "dig", "sig", "oplysninger", "oplysningerne", "personoplysninger", "venlig",
                 "venligst", "sletning", "nu", "bliver", "efter", "tak", "jer", "jeres", "hermed", "mit", "noget",
                 "nogen", "indsigt", "hende", "hendes", "kære", "løb", "gemt", "nyt", "forkert", "blevet", "modtage",
                 "ud", "beder", "jeg", "ikke", "nye", "efternavn", "efternavnet", "virksomhed", "spørgsmål", "løbet", "hilsner", "søn", "mvh"]),
        ([.da, .sv], ["hej", "mig", "dig", "sig"]),
        ([.sv], ["jag", "inte", "och", "är", "uppgifter", "uppgifterna", "personuppgifter", "radera", "att", "vill",
                 "ni", "mina", "mitt", "vänliga", "vänligen", "hälsningar", "tack", "vilka", "också", "från", "ska",
                 "honom", "nya", "mejl", "någon", "något", "hennes", "ett", "av", "för", "till", "det", "som", "om",
                 "min", "med", "har", "kan", "på", "en", "den", "eller"]),
    ]

    private static let words: [Language: [String: Double]] = {
        var words: [Language: [String: Double]] = [
            .en: weighted(1, "the", "and", "you", "your", "my", "to", "of", "is", "that", "please", "with", "this", "for",
                          "have", "are", "would", "about", "me", "not", "be", "information", "regards", "dear", "which",
                          "what", "it", "we", "will", "can", "from", "thanks", "hello", "hi", "i", "a", "an", "in", "on"),
            .de: weighted(3, "ich", "und", "die", "der", "das", "nicht", "ist", "sie", "ihre", "meine", "mich", "mir", "bitte",
                          "daten", "mit", "zu", "von", "auf", "für", "eine", "ein", "dass", "auskunft", "löschung", "geehrte",
                          "grüßen", "freundlichen", "gemäß", "über", "werden", "wurde", "haben", "hallo", "grüße", "meinen",
                          "meiner", "nur", "wissen", "möchte", "keine", "mein"),
        ]
        var users: [String: Set<Language>] = [:]
        for (languages, list) in scandinavian {
            for word in list { users[word, default: []].formUnion(languages) }
        }
        for (word, languages) in users {
            for language in languages { words[language, default: [:]][word] = 3.0 / Double(languages.count) }
        }
        return words
    }()

    /// Token → (language, weight) pairs, built once from `words`.
    private static let table: WordTable<[(Language, Double)]> = {
        var table: [String: [(Language, Double)]] = [:]
        for (language, entries) in words {
            for (word, weight) in entries where weight != 0 {
                table[word, default: []].append((language, weight))
            }
        }
        return WordTable(table)
    }()

    private static func weighted(_ weight: Double, _ words: String...) -> [String: Double] {
        var result: [String: Double] = [:]
        for word in words { result[word, default: 0] += weight }
        return result
    }
}

extension Language {
    /// The position in `allCases`.
    var caseIndex: Int {
        switch self {
        case .nb: 0
        case .nn: 1
        case .en: 2
        case .sv: 3
        case .da: 4
        case .de: 5
        }
    }
}
