import MailCore

import Foundation

/// Finds the new values a rectification request names.
///
/// It looks for a value after a cue: "from A to B" (B), "is now B",
/// "new/correct <field> is B", "should be B", and form lines "New address: B"
/// or "Correct value: B" (the field then comes from the line before). Plain
/// `Field: value` lines count only inside a block of changes (after a heading
/// like "Please make the following changes:"), never in the block that
/// identifies the writer. Old values are never taken.
public enum RectificationExtractor {
    public static func extract(subject: String = "", body: String, language: Language) -> [RectificationField: String] {
        var sentences = subject.isEmpty ? [] : [Sentence(text: subject, isSubject: true)]
        sentences += SentenceSplitter.split(body).map { Sentence(text: $0) }
        return extract(from: sentences, language: language)
    }

    /// The values found; `explicit` are those whose field is named in the
    /// same sentence as the cue ("my new phone number is…"), the only ones
    /// strong enough to make a mail a rectification by themselves.
    static func extract(from sentences: [Sentence], language: Language) -> [RectificationField: String] {
        scan(sentences, language: language).all
    }

    /// `ownDomains`: the domains the mail was sent to; an address there is
    /// the company's own, never the person's new one.
    static func scan(_ sentences: [Sentence], language: Language, ownDomains: Set<String> = [])
        -> (all: [RectificationField: String], explicit: [RectificationField: String]) {
        var found: [RectificationField: String] = [:]
        var explicit: [RectificationField: String] = [:]
        var weak: [RectificationField: String] = [:]
        // Values named in the subject ("Address change - moved to København")
        // count only for fields the body names no value for.
        var fromSubject: [RectificationField: (value: String, explicit: Bool)] = [:]
        var inChangeBlock = false
        // Words are split out only for sentences that can hold a value (and,
        // for the field they may carry over, the few sentences before them).
        var cache: [Int: SentenceWords] = [:]
        func words(_ number: Int) -> SentenceWords {
            if let cached = cache[number] { return cached }
            let split = SentenceWords(sentences[number].text)
            cache[number] = split
            return split
        }
        /// "New address is:" / "ändern Sie sie auf:" at a line's end: the value is the next line.
        var announced: (field: RectificationField?, explicit: Bool)?
        for (number, sentence) in sentences.enumerated() {
            // A sign-off ends any block of changes: the signature below is contact data, not new values.
            if sentence.tokens.contains(where: signOffs.contains) { inChangeBlock = false }
            if let pending = announced {
                announced = nil
                let current = words(number)
                // "Organisation: Fjordlys Rådgivning ApS" on the announced line: the label names the field.
                let label = current.folded.first?.endsWithByte(UInt8(ascii: ":")) == true ? current.fieldPositions.first { $0.index == 0 }?.field : nil
                let from = label == nil ? 0 : 1
                if !current.isEmpty, let shape = label ?? ValueReader.guessField(current, from: from) ?? pending.field,
                   found[shape] == nil, let value = ValueReader.read(current, from: from, field: shape, language: language) {
                    found[shape] = value
                    if pending.explicit { explicit[shape] = value }
                    continue
                }
            }
            let isHeading = sentence.text.endsWithByte(UInt8(ascii: ":"))
            if isHeading, let announcement = Self.announcesValue(words(number)) {
                announced = announcement
                // "Korrekt er:" also opens a block of form lines.
                inChangeBlock = words(number).containsPrefix(RectificationVocabulary.changeHeadingWords)
                continue
            }
            // "Could you update my profile? Organisation: B / Job title: C"
            if !isHeading && !sentence.isSubject && sentence.tokens.contains(where: RectificationVocabulary.isChangeVerb) {
                inChangeBlock = true
            }
            guard isHeading || mayHoldValue(sentence) else { continue }
            let current = words(number)
            if current.isEmpty { continue }
            if isHeading && current.fieldPositions.isEmpty {
                // "Bitte aktualisieren Sie meine Kontaktdaten wie folgt:": a change verb opens a block of
                // changes though the heading names contact data.
                inChangeBlock = current.containsPrefix(RectificationVocabulary.changeHeadingWords)
                    && (!current.containsPrefix(RectificationVocabulary.identityHeadingWords) || current.folded.contains(where: RectificationVocabulary.isChangeVerb))
                continue
            }
            let lastField = (max(0, number - lookBack)..<number).reversed().lazy
                .compactMap { words($0).fieldPositions.last?.field }.first
            for hit in values(in: current, lastField: lastField, inChangeBlock: inChangeBlock, language: language, ownDomains: ownDomains)
            where found[hit.field] == nil {
                if sentence.isSubject {
                    if !hit.weak && fromSubject[hit.field] == nil {
                        fromSubject[hit.field] = (hit.value, hit.explicit && !sentence.isQuestion)
                    }
                    continue
                }
                if hit.weak {
                    if weak[hit.field] == nil { weak[hit.field] = hit.value }
                    continue
                }
                found[hit.field] = hit.value
                if hit.explicit && !sentence.isQuestion { explicit[hit.field] = hit.value }
            }
        }
        // "min titel är B" counts only where no stronger cue named the field.
        found.merge(weak) { strong, _ in strong }
        for (field, hit) in fromSubject where found[field] == nil {
            found[field] = hit.value
            if hit.explicit { explicit[field] = hit.value }
        }
        if found[.phone] == nil, let phone = fallbackPhone(sentences, language: language) { found[.phone] = phone }
        if found[.address] == nil, let address = fallbackAddress(sentences, language: language) { found[.address] = address }
        if found[.email] == nil, let email = fallbackEmail(sentences, language: language, ownDomains: ownDomains) { found[.email] = email }
        if found[.firstName] == nil, found[.lastName] == nil, let name = spelledName(sentences) { found[name.field] = name.value }
        // "Navnet mitt er Kristin" signed "Kristin Hjelmeland": a single name read for "name" is a first name
        // when the mail shows it as one and names neither a first name nor a surname as such.
        if found[.firstName] == nil, let single = found[.lastName], !single.contains(" "),
           looksLikeFirstName(single, in: sentences), nameFieldNamed(in: sentences) == nil {
            found[.firstName] = single
            found[.lastName] = nil
            if explicit[.lastName] != nil {
                explicit[.lastName] = nil
                explicit[.firstName] = single
            }
        }
        // "Not with A any more, but with B" says which employer is the new one more plainly than any other cue.
        if let employer = organizationAfterNoLonger(sentences) { found[.organization] = employer }
        if found[.title] == nil || found[.organization] == nil, let job = organizationWithTitle(sentences) {
            if found[.title] == nil { found[.title] = job.title }
            if found[.organization] == nil { found[.organization] = job.organization }
        }
        return (found, explicit)
    }

    /// A line ending in "is:", "er:", "to:", "auf:" after a field name or a
    /// "new" word announces the value on the next line.
    private static func announcesValue(_ words: SentenceWords) -> (field: RectificationField?, explicit: Bool)? {
        guard let last = words.folded.last, last.endsWithByte(UInt8(ascii: ":")) else { return nil }
        let bare = String(last.dropLast())
        let vocabulary = RectificationVocabulary.self
        // "Nytt nummer:", "New address:" at the end of a line.
        if let labelled = words.fieldPositions.last, labelled.index == words.folded.count - 1, words.newWord(before: labelled.index) {
            return (labelled.field, true)
        }
        guard vocabulary.isWords.contains(bare) || vocabulary.toWords.contains(bare) else { return nil }
        let field = words.fieldPositions.last?.field
        let changes = words.folded.contains(where: vocabulary.isChangeVerb)
        let isNew = words.folded.contains(where: vocabulary.newWords.contains)
        // Without a field named, the next line's shape (an address, a number) decides.
        guard changes || isNew else { return nil }
        return (field, true)
    }

    private static func endsSentence(_ word: String) -> Bool {
        word.endsWithByte(UInt8(ascii: ".")) || word.endsWithByte(UInt8(ascii: "!")) || word.endsWithByte(UInt8(ascii: "?"))
    }

    /// "as of 1 September", "as well": no title follows.
    private static let notATitleAfterAs: WordSet = ["of", "well", "soon", "a", "an", "the", "from", "per", "von", "fra", "från", "af", "i", "in"]

    /// "…, og stillinga er B": a clause joined by "and".
    private static let andWords: WordSet = ["and", "og", "och", "und"]

    static let signOffs: WordSet = [
        "regards", "sincerely", "faithfully", "cheers", "hilsen", "helsing", "hälsningar", "hälsning", "grüße", "grüßen",
        "gruß", "mvh", "vh", "hilsner",
    ]

    /// How many sentences back a field named earlier still counts ("Field: address" … "Correct value: …").
    static let lookBack = 4

    /// Words every cue needs one of ("from", "now", "new", "should", "use",
    /// "moved", "work", "with"); with the change verbs, a sentence holding
    /// none of them (and no colon) names no new value.
    private static let cueTokens: WordSet = {
        let v = RectificationVocabulary.self
        return WordSet(v.fromWords.union(v.nowWords).union(v.newWords).union(v.shouldWords).union(v.useWords).union(v.movedWords)
            .union(v.workWords).union(v.withWords).union(v.changedWords).union(["correctly", "rigtigt"])
            .union(v.actuallyWords).union(v.namingWords).union(v.contrastWords).union(v.startedWords)
            // "it's B, not A"
            .union(v.negations))
    }()

    private static func mayHoldValue(_ sentence: Sentence) -> Bool {
        sentence.text.unicodeScalars.contains(":")
            || sentence.tokens.contains { token in
                cueTokens.contains(token) || RectificationVocabulary.isChangeVerb(token)
                    // "Jeg er dansk", "I'm vegan now"
                    || ValueReader.isDietWord(token) || ValueReader.isNationalityWord(token)
            }
            || sentence.text.containsBytes("'s ") || sentence.text.containsBytes("\u{2019}s ")
    }

    /// Whether the address is at one of the domains or below one.
    static func isAddress(_ address: String, atOneOf domains: Set<String>) -> Bool {
        guard !domains.isEmpty, let at = address.lastIndex(of: "@") else { return false }
        let domain = address[address.index(after: at)...].lowercasedByScalar()
        return domains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }

    private static func values(
        in words: SentenceWords, lastField: RectificationField?, inChangeBlock: Bool, language: Language, ownDomains: Set<String>
    ) -> [(field: RectificationField, value: String, explicit: Bool, weak: Bool)] {
        let vocabulary = RectificationVocabulary.self
        var result: [(field: RectificationField, value: String, explicit: Bool, weak: Bool)] = []
        // Each word's roles, and those of the word without a trailing colon
        // ("update my address to: Flat 3, …": the colon does not hide the cue).
        let roles = words.folded.map(RectificationWordRoles.of)
        let bareRoles = words.folded.indices.map { index in
            words.folded[index].endsWithByte(UInt8(ascii: ":")) ? RectificationWordRoles.of(String(words.folded[index].dropLast())) : roles[index]
        }
        func role(_ index: Int) -> RectificationWordRoles { roles.indices.contains(index) ? roles[index] : [] }
        for index in words.folded.indices {
            let word = words.folded[index]
            let previous = index > 0 ? words.folded[index - 1] : ""
            var start: Int?
            var field = words.field(before: index)
            var moved = false
            var naming = false
            var weakCue = false
            // "…ikke længere Mette Kjærgaard, men Mette Holm": the first name did not change.
            var firstNameKept = false
            if roles[index].contains(.use),
               let offset = (1...8).first(where: { offset in
                   index + offset < words.folded.count && [RectificationField.email, .phone].contains(ValueReader.guessField(words, from: index + offset))
                       // Further than four words only past the field's own name: "använd mitt norska mobilnummer i stället: …"
                       && (offset <= 4 || words.fieldPositions.contains { $0.index > index && $0.index < index + offset && ($0.field == .phone || $0.field == .email) })
               }),
               let guessed = ValueReader.guessField(words, from: index + offset) {
                // "please use anne@example.org from now on", "skriv til mig på anne@example.org"
                start = index + offset
                field = guessed
                moved = true
            } else if roles[index].contains(.use), index + 1 < words.folded.count, ValueReader.isDiet(words, at: index + 1) {
                // "hvis I vil skrive glutenfri ud for mit navn", "please put down vegan"
                start = index + 1
                field = .dietary
                moved = true
            } else if vocabulary.valueIntroducers.contains(word), words.folded[..<index].contains(where: RectificationVocabulary.isChangeVerb),
                      let guessed = ValueReader.guessField(words, from: index + 1), guessed == .email || guessed == .phone {
                // "Vennligst oppdater profilen min med (+47) 401-23-456", "swap the UK mobile for +47 …":
                // an address or number after "with" or "for" is the new value.
                start = index + 1
                field = guessed
                moved = true
            } else if roles[index].contains(.movedPreposition) && role(index - 1).contains(.moved) {
                start = index + 1
                field = .address
                moved = true
            } else if roles[index].contains(.livePreposition), index > 1,
                      role(index - 1).contains(.live) && roles[index - 2].contains(.now)
                        || role(index - 1).contains(.now) && roles[index - 2].contains(.live) {
                // "I now live at …", "jeg bor nå i …"
                start = index + 1
                field = .address
                moved = true
            } else if roles[index].contains(.workPreposition) && (role(index - 1).contains(.work)
                        || index > 1 && roles[index - 2].contains(.work)
                        && (role(index - 1).contains(.now) || SentenceCues.firstPerson.contains(previous))),
                      !Self.reportsTheRecordBeforeAContrast(words, at: index) {
                // "I now work for B"; "Fra september jobber jeg i B" (the verb before its subject)
                start = index + 1
                field = .organization
                moved = true
            } else if word == "joined", index + 1 < words.original.count, words.original[index + 1].first?.isUppercase == true {
                // "I've joined Fjordlys Analytics as Head of Data Science"
                start = index + 1
                field = .organization
                moved = true
            } else if roles[index].contains(.as) && role(index - 1).contains(.job) {
                // "ny jobb som prosjektleiar i Fjordvind AS"
                start = index + 1
                field = .title
                moved = true
            } else if roles[index].contains(.as), words.original[index].first?.isLowercase == true,
                      index + 1 < words.folded.count, !role(index + 1).contains(.notValue), !Self.notATitleAfterAs.contains(words.folded[index + 1]),
                      words.folded[max(0, index - 5)..<index].contains(where: vocabulary.startedWords.contains) {
                // "började den 1 februari som projektledare på B", "joined Fjordlys Analytics as Head of Data Science"
                start = index + 1
                field = .title
                moved = true
            } else if roles[index].contains(.is), let organizationStart = Self.organizationAfterIsNow(words, after: index) {
                // "ich bin jetzt bei Hafenblick Consulting", "er nå i Skarvik Analyse AS"
                start = organizationStart
                field = .organization
                moved = true
            } else if bareRoles[index].contains(.to) || (word == "in" && (words.folded.contains("von") || language == .de)
                            // "…in Hamburg 2023" reports a place; "ändern Sie es in Berg" changes a value.
                            && words.folded.contains(where: RectificationVocabulary.isChangeVerb))
                        || (roles[index].contains(.with) && words.folded[..<index].contains { w in vocabulary.replaceVerbs.contains { w.hasPrefixBytes($0) } }) {
                if isChangeTo(words, at: index) {
                    start = index + 1
                } else if isPronounChangeTo(words, at: index) {
                    // "My number has changed. Please update it to 482 13 579."
                    start = index + 1
                    if field == nil { field = lastField }
                } else if lastField == .lastName || lastField == .firstName, index >= 1,
                          words.folded[max(0, index - 2)..<index].contains(where: RectificationVocabulary.isChangeVerb),
                          index + 1 < words.original.count, words.original[index + 1].first?.isUppercase == true {
                    // "…har tatt mannens navn. Fint om dere kan bytte til Haugland": the name named before.
                    start = index + 1
                    field = lastField
                } else if words.folded[..<index].contains(where: { vocabulary.fromWords.contains($0) }),
                          ValueReader.guessField(words, from: index + 1) != nil {
                    // "change it from old@example.com to new@example.net"
                    start = index + 1
                } else if let from = words.folded[max(0, index - 4)..<index].lastIndex(where: { vocabulary.fromWords.contains($0) }),
                          from + 1 < index, index + 2 < words.original.count,
                          words.original[from + 1].first?.isUppercase == true, words.original[index + 1].first?.isUppercase == true,
                          words.folded[from + 1] == words.folded[index + 1],
                          !words.folded.contains(where: { vocabulary.movedWords.contains($0) || vocabulary.liveWords.contains($0) }) {
                    // "I've gone from Hannah Gallagher to Hannah Lindqvist-Gallagher": a name whose first name stays.
                    start = index + 1
                    field = .lastName
                    naming = true
                    firstNameKept = true
                } else if words.folded[max(0, index - 6)..<index].contains(where: RectificationVocabulary.isChangeVerb),
                          ValueReader.isDiet(words, at: index + 1) || ValueReader.isNationality(words, at: index + 1) {
                    // "Kan dere endre til nøtteallergi?", "bitte ändern auf: vegan", "Ändra gärna till svensk":
                    // a diet or a nationality names its field.
                    start = index + 1
                    field = ValueReader.isDiet(words, at: index + 1) ? .dietary : .nationality
                    moved = true
                }
            } else if roles[index].contains(.is), let titleStart = Self.titleAtOrganization(words, after: index) {
                // "Fra 1. mars er jeg personaldirektør i Posten Norge AS", "I'm now Head of X at Y";
                // weak: "jeg er optaget på Robinsonlisten" is no correction by itself.
                start = titleStart
                field = .title
                moved = true
                weakCue = true
            } else if roles[index].contains(.is) {
                let next = index + 1 < words.folded.count ? words.folded[index + 1] : ""
                if roles[index].contains(.naming), let change = Self.contrastAfterNoLonger(words, after: index),
                   ValueReader.startsLikeValue(words, at: change.contrast + 1) {
                    // "Jeg hedder ikke længere Mette Kjærgaard, men Mette Holm", "heiße jetzt nicht mehr A,
                    // sondern B", "heiter ikkje Årdal lenger, men B": the name after the contrast.
                    start = change.contrast + 1
                    firstNameKept = words.folded[change.old] == words.folded[change.contrast + 1]
                } else if !roles[index].contains(.naming), field ?? lastField != nil,
                          let change = Self.contrastAfterNoLonger(words, after: index), change.contrast + 1 < words.folded.count,
                          !role(change.contrast + 1).contains(.firstPerson) {
                    // "Jobbtittelen er feil – jeg er ikke daglig leder lenger, men styreleder": the value after the contrast.
                    start = change.contrast + 1
                    if field == nil { field = lastField }
                } else if role(index + 1).contains(.now) || role(index + 1).contains(.new) || next == "correctly" || next == "rigtigt" {
                    // "is now B", "lautet richtig B"
                    start = index + 2
                    // "heiße jetzt mit Nachnamen B", "heter nå med etternavn B": the field, then the value.
                    if index + 4 < words.folded.count, vocabulary.withWords.contains(words.folded[index + 2]),
                       let named = words.fieldPositions.first(where: { $0.index == index + 3 }) {
                        start = index + 4
                        field = named.field
                    }
                } else if role(index - 1).contains(.new) || words.newWord(before: index)
                            || role(index - 1).contains(.now)
                            // "frå no av heiter eg Solveig Teigen Rysstad"
                            || roles[index].contains(.naming) && roles[max(0, index - 3)..<index].contains(where: { $0.contains(.now) }) {
                    // "…så mit efternavn nu er B"
                    start = index + 1
                } else if index + 1 < words.folded.count, roles[index + 1].contains(.spelled) {
                    // "my first name is spelled Siobhán"
                    start = index + 2
                } else if Self.followsContrast(words, at: index), ValueReader.startsLikeValue(words, at: index + 1) {
                    // "det står Kathrine, men det er Katrine", "it's actually Jonathan"
                    start = index + 1
                    if field == nil { field = lastField }
                    if ValueReader.isDiet(words, at: index + 1) { field = .dietary }
                    if ValueReader.isNationality(words, at: index + 1) { field = .nationality }
                } else if role(index - 1).contains(.firstPerson) || word == "i'm" || word == "i\u{2019}m",
                          ValueReader.isNationality(words, at: index + 1) {
                    // "Jeg er dansk", "I'm actually Canadian"
                    start = index + 1
                    field = .nationality
                    weakCue = true
                } else if role(index - 1).contains(.firstPerson) || word == "i'm" || word == "i\u{2019}m",
                          ValueReader.isDiet(words, at: index + 1) {
                    // "Jeg er vegetar": a diet, though not one that makes a mail a correction by itself.
                    start = index + 1
                    field = .dietary
                    weakCue = true
                } else if Self.valueThenNowOrNot(words, after: index) {
                    // "my surname is B now", "det er B, ikke A"
                    start = index + 1
                } else if index >= 2, roles[index - 2].contains(.possessive) && words.fieldPositions.contains(where: { $0.index == index - 1 })
                            // "Navnet mitt er B"
                            || roles[index - 1].contains(.possessive) && words.fieldPositions.contains(where: { $0.index == index - 2 }),
                          index + 1 < words.folded.count, !roles[index + 1].contains(.notValue) {
                    // "min titel är B": a value, though not one that makes a mail a correction by itself.
                    start = index + 1
                    weakCue = true
                } else if index >= 1, index == 1 || words.original[index - 2].endsWithByte(UInt8(ascii: ","))
                            || index >= 3 && andWords.contains(words.folded[index - 2]) && words.original[index - 3].endsWithByte(UInt8(ascii: ",")),
                          words.fieldPositions.contains(where: { $0.index == index - 1 && !$0.whole }),
                          index + 1 < words.folded.count, !roles[index + 1].contains(.notValue),
                          !roles[index + 1].contains(.negation) {
                    // "…, stilling er lagersjef", "…, og stillinga er B": a field opening its clause; weak, as above.
                    start = index + 1
                    weakCue = true
                }
                if field == nil && start != nil { field = lastField }
                if start != nil && roles[index].contains(.naming) && (words.field(before: index).map { $0 == .lastName || $0 == .firstName } ?? true)
                    && field != .firstName {
                    // "jeg heter nå B" names the person; "Företaget heter numera B" the company.
                    field = .lastName
                    naming = true
                }
            } else if bareRoles[index].contains(.be) && role(index - 1).contains(.should)
                        || (bareRoles[index].contains(.be) && index > 1 && roles[index - 2].contains(.should)) {
                // (Nynorsk "no" is now: "det bør no stå glutenfri".)
                if !(index > 1 && roles[index - 1].contains(.negation) && !(language == .nn && words.folded[index - 1] == "no")) {
                    // "Det som ska stå är 0708-55 21 94": the is-word after "stand" is not the value.
                    start = role(index + 1).contains(.is) && !role(index + 1).contains(.naming) ? index + 2 : index + 1
                    if field == nil { field = lastField }
                }
            } else if words.original[index].endsWithByte(UInt8(ascii: ":")) {
                // The label is the word without its colon: its roles are `bareRoles`.
                // A changed word before the label ("updated", "endret", "geändert") says new too.
                let isNew = bareRoles[index].contains(.new) || bareRoles[index].contains(.changed)
                    || role(index - 1).contains(.new) || words.newWord(before: index)
                    || roles[max(0, index - 4)..<index].contains { $0.contains(.changed) }
                    || words.folded[max(0, index - 2)...index].contains { vocabulary.nowWords.contains($0.endsWithByte(UInt8(ascii: ":")) ? String($0.dropLast()) : $0) }
                if bareRoles[index].contains(.spelled) && words.field(before: index) != nil {
                    // "Mein Nachname wird mit ö geschrieben: Köhler"
                    start = index + 1
                } else if bareRoles[index].contains(.value) && isNew {
                    start = index + 1
                    if field == nil { field = lastField }
                } else if isNew, words.fieldPositions.first(where: { $0.index == index }) == nil,
                          ValueReader.guessField(words, from: index + 1) != nil {
                    // "New number: 415 22 333"
                    start = index + 1
                    field = nil
                } else if let labelled = words.fieldPositions.first(where: { $0.index == index })?.field
                            ?? words.fieldPositions.first(where: { $0.index == index - 1 && index - 1 >= 0 })?.field,
                          inChangeBlock || isNew {
                    // Only when no cue later in the line names the value, and never
                    // after "Gammel adresse:", "Old phone:".
                    if !words.hasCue(after: index),
                       !words.folded[max(0, index - 2)..<index].contains(where: vocabulary.oldWords.contains) {
                        start = index + 1
                        field = labelled
                        moved = words.newWord(before: index)
                    }
                }
            }
            // A value that is plainly an address or number decides its own field
            // when the field was only carried over from an earlier sentence.
            var shaped = false
            if start != nil, !moved, words.field(before: index) == nil, let valueStart = start,
               let guessed = ValueReader.guessField(words, from: valueStart) {
                field = guessed
                shaped = true
            }
            if start != nil, !moved, words.field(before: index) == nil,
               let after = words.fieldPositions.first(where: { $0.index > index }), after.index - index <= 8 {
                // "…it should say Vestland Bygg AS as my organisation" (a cue that
                // decides its field, "I work at B, my title is C", keeps it)
                field = after.field
            }
            if start != nil, field == nil || field == lastField && words.field(before: index) == nil,
               let valueStart = start, ValueReader.isDiet(words, at: valueStart) {
                // "I am now vegan", "jeg er nå vegetarianer"
                field = .dietary
            }
            guard let valueStart = start,
                  var target = field ?? ValueReader.guessField(words, from: valueStart)
                    // "det ska vær 40 12 34 56 no": a number in groups of two.
                    ?? (valueStart < words.original.count && Self.startsGroupedNumber(words.original, at: valueStart) ? .phone : nil)
            else { continue }
            // "…hvilket firma jeg jobber i. Dere skal …": the cue ends its sentence (one the
            // splitter kept whole, taking "i." for an initial); what follows is no value.
            if valueStart > 0, valueStart > index, Self.endsSentence(words.original[valueStart - 1]) { continue }
            // An e-mail address is an e-mail address, whatever word stood before it.
            if target != .email, ValueReader.guessField(words, from: valueStart) == .email { target = .email }
            // "firmaet har skiftet navn fra A til B": the company's name, not a person's.
            if target == .lastName, let nameAt = words.fieldPositions.last(where: { $0.index < index }), nameAt.whole,
               words.folded[max(0, nameAt.index - 3)..<nameAt.index].contains(where: vocabulary.companyWords.contains) {
                target = .organization
            }
            let named = !weakCue && (words.fieldPositions.last(where: { $0.index < index }).map { index - $0.index <= 10 } ?? (shaped || moved || naming))
            // "I have moved to Gothenburg" explains; "…to Storgata 5, 0155 Oslo" gives an address.
            // A town or country alone is no postal address to store ("…to Denmark, so my number is…":
            // the digits after the comma are another value's).
            if moved && target == .address && words.field(before: index) == nil, let valueStart = start {
                let head = words.original[min(valueStart, words.original.count)...].prefix(8)
                let firstPart = head.firstIndex { $0.endsWithByte(UInt8(ascii: ",")) }.map { head[...$0] } ?? head
                if !firstPart.contains(where: { $0.contains(where: \.isNumberFast) }) {
                    // "My organisation is still X. I moved to Nordhavn Port Authority": after the employer
                    // was named, a move to a capitalised name is to a new employer.
                    guard lastField == .organization, valueStart < words.original.count,
                          words.original[valueStart].first?.isUppercase == true else { continue }
                    target = .organization
                }
            }
            if let value = ValueReader.read(words, from: valueStart, field: target, language: language),
               // "Jeg er flyttet til Oslo og har fået norsk mobilnummer: …": a town alone is no address.
               !(moved && target == .address && words.field(before: index) == nil && !value.contains(where: \.isNumberFast)),
               // "…my address to a Jonathan Hauge", "Adresse … dann": an address has a number or names a place.
               !(target == .address && !ValueReader.looksLikePlace(value)),
               !(target == .organization && value.first?.isLowercase == true),
               !(target == .email && Self.isAddress(value, atOneOf: ownDomains)),
               !vocabulary.determiners.contains(value.split(separator: " ").first.map { $0.lowercased() } ?? "") {
                if target == .title, moved, let end = Self.organizationAfterTitle(words, from: valueStart, title: value, language: language) {
                    result.append((.organization, end, named, weakCue))
                }
                let whole = target != .organization && (naming || words.isWholeName(before: index))
                if target == .firstName || target == .lastName || whole {
                    let surnameChanged = lastField == .lastName || words.fieldPositions.contains { $0.field == .lastName && !$0.whole }
                    for (part, text) in ValueReader.splitName(value, field: target, whole: whole, surnameChanged: surnameChanged)
                    where !(part == .firstName && firstNameKept) {
                        result.append((part, text, named, weakCue))
                    }
                } else {
                    result.append((target, value, named, weakCue))
                }
            }
        }
        return result
    }
}
