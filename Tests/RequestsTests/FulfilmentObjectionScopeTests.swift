import Testing
@testable import Requests

@Suite("Objection scope (GDPR Art. 21)")
struct FulfilmentObjectionScopeTests {
    /// Words are split as characters of letters and digits would split
    /// them: a combining accent stays with its letter, punctuation and
    /// emoji separate.
    @Test("words split as characters would split them", arguments: [
        "Slett meg, takk!", "Ich widerspreche der Übermittlung", "cafe\u{301} partner", "e\u{301}\u{301}x",
        "\u{301}start", "a\u{200D}b dele", "tredje-part 3rd", "👍🏽partner", "na\u{308}he, \u{0915}\u{093F}x", "",
        "DELING\u{2019}s «reklame»", "x\u{20DD}y",
        // Lowercased scalar by scalar, as `lowercased()` does: final sigma, dotted I, Kelvin sign, capital sharp s.
        "ΣΑΣ ΟΔΟΣ", "İSTANBUL PARTNER", "\u{212A}ELVIN", "STRAẞE WERBUNG", "ÆØÅ DELING",
    ])
    func wordsSplitAsCharacters(_ text: String) {
        let byCharacter = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        var words: [String] = []
        ObjectionVocabulary.forEachWord(of: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        #expect(words == byCharacter)
    }

    @Test("sharing with partners", arguments: [
        "Please stop sharing my details with your partners.",
        "I object to you passing my data to third parties.",
        "Jeg vil ikke at dere skal dele opplysningene mine med andre.",
        "Jeg protesterer mot utlevering til samarbeidspartnere.",
        "Jag vill inte att ni delar uppgifter med tredje part.",
        "Ich widerspreche der Weitergabe meiner Daten an Dritte.",
        "Stopp datadeling, takk.",
    ])
    func sharing(_ text: String) {
        #expect(ObjectionScope.from(text: text) == .sharing)
    }

    @Test("direct marketing", arguments: [
        "Unsubscribe me from the newsletter.",
        "I object to direct marketing.",
        "Jeg vil ikke ha mer markedsføring eller reklame fra dere.",
        "Meld meg av nyhetsbrevet.",
        "Ta bort mig från era utskick.",
        "Ich möchte keine Werbung mehr erhalten.",
        "Send meg ikke flere direktemarkedsføringsmeldinger.",
    ])
    func marketing(_ text: String) {
        #expect(ObjectionScope.from(text: text) == .marketing)
    }

    @Test("both, or neither named (the protective reading)", arguments: [
        "Stop sharing my data with partners and stop the newsletter.",
        "I object to the processing of my personal data.",
        "Jeg protesterer mot behandlingen.",
        "",
        "Please delete the delay from my last order.",  // "delete", "delay": not "dele"
    ])
    func both(_ text: String) {
        #expect(ObjectionScope.from(text: text) == .both)
    }

    @Test func scopeFlags() {
        #expect(ObjectionScope.sharing.includesSharing && !ObjectionScope.sharing.includesMarketing)
        #expect(!ObjectionScope.marketing.includesSharing && ObjectionScope.marketing.includesMarketing)
        #expect(ObjectionScope.both.includesSharing && ObjectionScope.both.includesMarketing)
    }
}
