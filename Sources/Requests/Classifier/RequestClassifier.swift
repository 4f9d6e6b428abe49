import Foundation
import MailCore

/// Classifies the new text of a mail into the kinds of request it makes.
///
/// Explainable by design: weighted phrase rules per language (see the
/// `PhraseLexicon+*.swift` files) are matched sentence by sentence; a negation
/// before a phrase cancels it, a passing-mention cue ("I know I could…",
/// "your privacy policy") weakens it, and each kind whose score reaches its
/// threshold is asked for. Erasure is held to a higher standard, because a
/// false erasure is the worst mistake dsrd can make: it needs a request
/// marker ("please", "ber", "bitte"…), the subject line or an imperative,
/// and a legal-hold letter ("preserve the records") never counts as one.
/// A complaint addressed to a supervisory authority asks nothing of us.
public enum RequestClassifier {
    /// A kind needs this score to be asked for.
    static let threshold = 1.0
    /// Erasure needs more.
    static let eraseThreshold = 1.2
    /// A passing mention or hypothetical weakens a phrase by this factor.
    static let mentionFactor = 0.3
    /// Added to an erasure score when photos are talked about.
    static let photoContextBonus = 0.3
    /// An erasure phrase outside a request sentence counts this much.
    static let unrequestedEraseFactor = 0.4
    /// An erasure needs one phrase of at least this weight: one sentence
    /// that asks, not only mentions, quotes or questions.
    static let askingWeight = 0.9

    /// How far before and after a passing-mention cue its phrases are weakened
    /// (in words). The weight of a passing-mention rule scales the reach back:
    /// consequence cues ("…would result in deletion", "zur Folge haben") come
    /// long after the phrase they qualify.
    static let mentionReach = (before: 10, after: 20)

    /// "If" in the six languages ("om" is left out: it is also "about").
    static let conditionalWords: WordSet = ["if", "hvis", "viss", "dersom", "ifall", "falls", "wenn", "såfremt"]

    /// The auxiliaries of a perfect tense ("have deleted", "har sletta", "hat gelöscht").
    static let perfectAuxiliaries: WordSet = ["have", "has", "had", "har", "hadde", "hade", "havde", "hat", "haben", "habt", "hatten", "hatte"]

    /// Words for the company's systems as a whole, in the six languages.
    static let systemStems = ["system", "register", "database", "databas", "datenbank", "kartotek", "crm"]

    /// How many words after a withdrawal cue ("ignore my last mail about…")
    /// the request phrases are the ones taken back.
    static let withdrawalReach = 8
    /// Sales cues ("book a demo", "our customers") that make a mail a pitch.
    static let vendorThreshold = 2.0

    /// Classifies a mail's cleaned subject and new text. The subject only
    /// supports the body: it counts for nothing when the body takes a
    /// request back or negates its kind, and in a reply (`subjectIsReply`,
    /// where the subject is an old one, often ours) whenever the body asks
    /// for something itself.
    /// `model` refines the rules' reading (see `KindPolicy`); nil leaves it.
    /// `ownDomains`: the domains the mail was sent to (no new address of the person's is there).
    /// `attached`: the new text of mail attached to the body (message/rfc822), read after it.
    public static func classify(
        subject: String, body: String, attached: [String] = [], subjectIsReply: Bool = false, model: KindModel? = KindModel.trained,
        ownDomains: Set<String> = []
    ) -> Classification {
        let reading = readByRules(subject: subject, body: body, attached: attached, subjectIsReply: subjectIsReply, ownDomains: ownDomains)
        guard let model else { return reading.classification }
        return model.refine(reading)
    }

    /// The rules' reading of a mail, with the features the kind model reads
    /// (as keys; `namingFeatures` also keeps them as strings, for training).
    /// The kinds the tally asks for with a score at their threshold.
    private static func kindsAsked(in tally: SignalTally) -> Set<RequestKind> {
        Set(RequestKind.allCases.filter { tally.score(.kind($0)) >= ($0 == .erase ? eraseThreshold : threshold) })
    }

    public static func readByRules(
        subject: String, body: String, attached: [String] = [], subjectIsReply: Bool = false, namingFeatures: Bool = false,
        ownDomains: Set<String> = []
    ) -> RuleReading {
        var sentences: [Sentence] = []
        let trimmedSubject = subject.trimmingWhitespaceAndNewlines()
        if !trimmedSubject.isEmpty { sentences.append(Sentence(text: trimmedSubject, isSubject: true)) }
        for text in SentenceSplitter.split(body) { sentences.append(Sentence(text: text)) }
        /// The subject's and the note's sentences come first; the attached mail's after them.
        let noteSentences = sentences.count
        for part in attached { for text in SentenceSplitter.split(part) { sentences.append(Sentence(text: text)) } }

        let detected = LanguageDetector.detectScored(tokens: sentences.flatMap(\.tokens))
        var language = detected.language
        // Too few known words to tell the language: try every lexicon.
        let chosen = detected.score < RuleIndex.confidentScore ? RuleIndex.universal : RuleIndex.index(for: language)
        guard let index = chosen else {
            return RuleReading(
                classification: Classification(kinds: [], language: language, confidence: 0.3, evidence: [], onBehalf: false, fields: [:]),
                names: ["bias"])
        }
        sentences = sentences.map { $0.correctingCues(index.vocabulary) }
        Sentence.markListsUnderRequests(&sentences, markers: index.requestMarkers)
        var tally = SignalTally()
        var subjectTally = SignalTally()
        var doubts = ReadingDoubts()
        // "Re: Dine opplysninger er slettet" – "Tusen takk, nå er alt slettet!":
        // a reply that thanks for an erasure done asks for none, neither under
        // the old subject nor in its own past-tense words.
        let erasureDone = subjectIsReply
            && sentences.contains { !$0.isSubject && $0.tokens.contains(where: SentenceCues.thanksWords.contains) }
            && sentences.contains { $0.tokens.contains(where: SentenceCues.erasedWords.contains) }
        // A sales pitch the person forwards as an attachment ("se vedlagt e-post") is not
        // the person's: it does not make the note's own demand a pitch.
        var noteAsked: Set<RequestKind> = []
        var attachedVendor = 0.0
        for (number, sentence) in sentences.enumerated() {
            if number == noteSentences {
                noteAsked = kindsAsked(in: tally)
            }
            let vendorBefore = tally.score(.vendor)
            if sentence.isSubject {
                score(sentence, with: index, into: &subjectTally)
            } else if !score(sentence, with: index, erasureDone: erasureDone, into: &tally),
                      ReadingDoubts.isUnreadDemand(sentence, markers: index.requestMarkers) {
                doubts.unreadDemands += 1
            }
            if number >= noteSentences { attachedVendor += tally.score(.vendor) - vendorBefore }
        }
        // Then only what the note itself asks is read: a pitch lists every right it sells.
        let forwardedPitch = !noteAsked.isEmpty && attachedVendor > 0 && tally.score(.vendor) - attachedVendor < vendorThreshold
            ? noteAsked : nil
        let bodyKinds = Set(RequestKind.allCases.filter { tally.score(.kind($0)) > 0 })
        let bodyAsked = kindsAsked(in: tally)
        let bodyAsks = !bodyAsked.isEmpty
        let withdrawn = tally.score(.withdrawal) > 0
        let negated = tally.negatedKinds
        tally.absorb(subjectTally) { signal in
            guard case .kind(let kind) = signal else { return false }
            if withdrawn || negated.contains(kind) || erasureDone && kind == .erase && !bodyKinds.contains(.erase) { return true }
            return subjectIsReply && bodyAsks
        }
        if withdrawn { tally.note("withdrawal: the subject is not read as a request") }
        if detected.score < RuleIndex.confidentScore,
           let voted = tally.languageVotes.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key.rawValue > $1.key.rawValue }) {
            // A one-word mail ("Avmeld") is in the language of the phrase it matched.
            language = voted.key
        }
        let mentionsPrivacy = sentences.contains { $0.tokens.contains(where: SentenceCues.isPrivacyWord) }
        var (result, valuesFound, refused) = decide(
            tally, sentences: sentences, language: language, mentionsPrivacy: mentionsPrivacy, ownDomains: ownDomains,
            askedBesideForwardedPitch: forwardedPitch)
        if !result.kinds.isEmpty {
            // "Henvendelse fra avisen – retten til å bli glemt" over a passing mention of it:
            // the body's own words must ask for the kind, not only mention it.
            doubts.subjectOnly = result.kinds.subtracting(bodyAsked).filter { subjectTally.score(.kind($0)) > 0 }
            doubts.contested = !tally.negatedKinds.isEmpty || tally.notes.contains { $0.hasPrefix("taken back") }
            if !doubts.isEmpty {
                result.confidence = doubts.lowered(result.confidence)
                result.evidence += doubts.evidence
            }
        }
        var reading: RuleReading
        if namingFeatures {
            var names = KindFeatureNames()
            KindFeatures.extract(sentences: sentences, negations: index.negations, tally: tally, into: &names)
            reading = RuleReading(classification: result, names: names.names)
        } else {
            var keys = KindFeatureKeys()
            KindFeatures.extract(sentences: sentences, negations: index.negations, tally: tally, into: &keys)
            reading = RuleReading(classification: result, keys: KindFeatureKeySet(keys.keys))
        }
        reading.erasureDone = erasureDone
        reading.valuesFound = valuesFound
        reading.refused = refused
        return reading
    }

    /// Scores one sentence: the strongest phrase per signal counts. Returns
    /// whether a phrase of a request, or one that takes the place of one (a
    /// withdrawal, a complaint, a legal hold, asking how to do it oneself…),
    /// matched, even if it did not count: a sentence without one that asks
    /// about personal data is a demand not understood.
    @discardableResult
    private static func score(
        _ sentence: Sentence, with index: RuleIndex, erasureDone: Bool = false, into tally: inout SignalTally
    ) -> Bool {
        let tokens = sentence.tokens
        var best: [Signal: (weight: Double, evidence: String, target: ErasureTarget?)] = [:]
        var seen = Set<Int>()
        let matches = index.matches(in: tokens)
        guard !matches.isEmpty else { return false }
        // A subject's cue weakens only the subject; "når jeg har fått svar, …" sets a condition, it reports nothing.
        let mentions = matches.filter { match in
            index.rules[match.rule].signal == .passingMention && (!index.rules[match.rule].subjectOnly || sentence.isSubject)
                && !tokens[max(0, match.range.lowerBound - 3)..<match.range.lowerBound].contains(where: SentenceCues.onceWords.contains)
        }
            .map { (range: $0.range, reachBack: Int(Double(mentionReach.before) * index.rules[$0.rule].weight)) }
        /// A passing-mention cue weakens the phrases near it, not a whole long sentence.
        func mentioned(_ range: Range<Int>) -> Bool {
            mentions.contains {
                range.lowerBound >= $0.range.lowerBound - $0.reachBack && range.lowerBound <= $0.range.upperBound + mentionReach.after
            }
        }
        // "…from all lists and systems" asks for more than an unsubscription.
        let listCues = matches.filter { index.rules[$0.rule].signal == .nonErasureContext }
        let namesSystems = !listCues.isEmpty
            && tokens.contains { token in Self.systemStems.contains { token.hasPrefixBytes($0) || token.hasSuffix($0) } }
        let lists = namesSystems ? [] : listCues.map(\.range)
        func aboutAList(_ range: Range<Int>) -> Bool {
            lists.contains { range.lowerBound >= $0.lowerBound - mentionReach.before && range.lowerBound <= $0.upperBound }
        }
        /// "Take me off the attendee list for that one": a removal that touches
        /// the list of an event's participants cancels a registration.
        let eventLists = matches.filter { index.rules[$0.rule].signal == .eventList }.map(\.range)
        func offAnEventList(_ range: Range<Int>) -> Bool {
            eventLists.contains { $0.lowerBound <= range.upperBound && range.lowerBound <= $0.upperBound }
        }
        /// "Ignore my last mail about updating my address": what follows the
        /// cue in its clause is taken back, not asked.
        /// A match beside one of its rule's foreign words does not count
        /// (`RuleBuilder.foreign`); a subject's rule, anywhere in the subject.
        func isForeign(_ rule: PhraseRule, _ range: Range<Int>) -> Bool {
            guard !rule.foreign.isEmpty else { return false }
            let near = rule.subjectOnly ? tokens.startIndex..<tokens.endIndex
                : max(0, range.lowerBound - 1)..<min(tokens.count, range.upperBound + 1)
            return tokens[near].contains(where: rule.foreign.contains)
        }
        let withdrawals = matches.filter { index.rules[$0.rule].signal == .withdrawal && !isForeign(index.rules[$0.rule], $0.range) }
            .map(\.range)
        func takenBack(_ range: Range<Int>) -> Bool {
            // "I sent a request for erasure yesterday, but ignore it": before the cue;
            // "bitte stoppen Sie die Löschung": around it.
            if withdrawals.contains(where: { range.upperBound <= $0.lowerBound || range.overlaps($0) }) { return true }
            return withdrawals.contains { cue in
                range.lowerBound >= cue.lowerBound && range.lowerBound <= cue.upperBound + withdrawalReach
                    && !tokens[min(cue.upperBound, range.lowerBound)..<range.lowerBound].contains(TextFolding.clauseBreak)
            }
        }
        /// "Delete everything you have on me": the "what you have on me" right
        /// after an erasure phrase says what to erase; it asks for no copy.
        let erasures = matches.filter { index.rules[$0.rule].signal == .kind(.erase) }.map(\.range)
        func saysWhatToErase(_ range: Range<Int>) -> Bool {
            erasures.contains { range.lowerBound >= $0.upperBound && range.lowerBound <= $0.upperBound + 4 }
        }
        /// "If you have anything on me, I want it deleted": the condition asks for no copy.
        let conditionalErasure = !erasures.isEmpty && tokens.prefix(2).contains(where: Self.conditionalWords.contains)
        /// "Viss de alt har sletta han, kan de seie frå?": an erasure in an
        /// if-clause with a perfect tense supposes it done; it asks nothing.
        let supposedDone: Range<Int>? = {
            guard !erasures.isEmpty, tokens.prefix(2).contains(where: Self.conditionalWords.contains) else { return nil }
            let end = tokens.firstIndex(of: TextFolding.clauseBreak) ?? tokens.endIndex
            return tokens[..<end].contains(where: Self.perfectAuxiliaries.contains) ? tokens.startIndex..<end : nil
        }()
        let hasDietary = matches.contains { index.rules[$0.rule].signal == .dietary }
        let hasMarker = sentence.isSubject || sentence.isAskedByItsList || tokens.contains { index.requestMarkers.contains($0) }
            || SentenceCues.asksIfPossible(tokens)
            || SentenceCues.isOwnEarlierRequest(tokens)
        let hasHedge = tokens.contains { index.hedges.contains($0) }
        // "Can you delete…?" asks us; "How do I delete…?", "Do you delete…?" or
        // "Delete my account myself?" does not.
        let isOpenQuestion = sentence.isQuestion && !SentenceCues.isPoliteRequest(tokens)

        for (number, range) in matches where seen.insert(number * 10_000 + range.lowerBound).inserted {
            let rule = index.rules[number]
            if rule.subjectOnly && !sentence.isSubject { continue }
            // A whole-sentence rule also reads the sentence after a one-word
            // opening clause: "Snälla, gör INTE det!", "Hei, avmeld".
            if rule.wholeSentence && range != tokens.startIndex..<tokens.endIndex
                && !(range.upperBound == tokens.endIndex && range.lowerBound == 2 && tokens[1] == TextFolding.clauseBreak) {
                continue
            }
            if isForeign(rule, range) { continue }
            if index.negatable[number] && NegationScope.isNegated(range, in: tokens, negations: index.negations) {
                tally.note("negated \(rule.evidence)")
                switch rule.signal {
                case .kind(let kind), .bareCue(let kind): tally.negated(kind)
                default: break
                }
                continue
            }
            if case .bareCue = rule.signal { continue }
            // "…nå er alt slettet" is done; "…jeg vil ha det slettet" still asks.
            if rule.signal == .kind(.erase) && erasureDone && !hasMarker
                && tokens[range].contains(where: SentenceCues.erasedWords.contains) {
                tally.note("done \(rule.evidence)")
                continue
            }
            // "PC-en min vart nullstilt, og alt vart sletta": a deletion reported, not asked.
            if rule.signal == .kind(.erase) && !hasMarker && SentenceCues.reportsPassiveDeletion(tokens, in: range) {
                tally.note("done \(rule.evidence)")
                continue
            }
            if rule.signal == .kind(.erase), let clause = supposedDone, clause.contains(range.lowerBound) {
                tally.note("supposed done \(rule.evidence)")
                continue
            }
            if case .kind = rule.signal, takenBack(range) {
                tally.note("taken back \(rule.evidence)")
                continue
            }
            if rule.signal == .kind(.access) && !rule.firm && (saysWhatToErase(range) || conditionalErasure) { continue }
            if (rule.signal == .kind(.object) || rule.signal == .kind(.erase)) && !rule.firm && offAnEventList(range) {
                tally.note("event list \(rule.evidence)")
                continue
            }
            var weight = rule.weight
            var signal = rule.signal
            var evidence = rule.evidence
            switch signal {
            case .kind(let kind):
                if mentioned(range) && !rule.firm {
                    weight *= mentionFactor
                    evidence = "mention \(evidence)"
                } else if !sentence.isSubject && !rule.firm && sentence.isQuoted(range) {
                    // «…» or "…" around the phrase: words quoted from a letter.
                    weight *= mentionFactor
                    evidence = "quoted \(evidence)"
                }
                if kind == .erase && aboutAList(range) {
                    weight *= mentionFactor
                    evidence = "list \(evidence)"
                }
                if kind == .erase && !rule.firm && (isOpenQuestion || !hasMarker && !SentenceCues.isImperative(range, in: tokens)) {
                    weight *= unrequestedEraseFactor
                    evidence = "unrequested \(evidence)"
                }
            case .consentWithdrawal:
                // Withdrawing consent for dietary data means erasing that data.
                signal = hasDietary ? .kind(.erase) : .consentWithdrawal
                evidence = hasDietary ? "consent withdrawn for dietary data (\(evidence))" : "consent withdrawn (\(evidence))"
                if mentioned(range) { weight *= mentionFactor }
            case .complaint:
                if hasHedge { continue }
            default:
                break
            }
            let target: ErasureTarget? = signal != .kind(.erase) ? nil
                : rule.signal == .consentWithdrawal ? .dietaryConsent
                : SentenceCues.namesOldValue(tokens, near: range) ? .oldValue
                : rule.namesWholeRecord ? .wholeRecord : rule.namesPhoto ? .photo : .unnamed
            if weight > best[signal]?.weight ?? 0 { best[signal] = (weight, evidence, target) }
            if case .kind = signal { tally.vote(rule.language, weight) }
        }
        let reportsOwnEarlierMail = SentenceCues.reportsOwnEarlierMail(tokens)
        for (signal, hit) in best where signal != .vendor {
            tally.add(signal, hit.weight, evidence: hit.evidence, target: hit.target)
            guard !reportsOwnEarlierMail else { continue }
            if case .kind(let kind) = signal { tally.asked(kind) }
            // Withdrawing consent (to marketing) objects now.
            if signal == .consentWithdrawal { tally.asked(.object) }
        }
        // Each sales cue counts, two in one sentence too ("Hätten Sie Interesse an einem kurzen Gespräch?").
        for match in matches where index.rules[match.rule].signal == .vendor {
            tally.add(.vendor, index.rules[match.rule].weight, evidence: index.rules[match.rule].evidence)
        }
        return matches.contains { match in
            switch index.rules[match.rule].signal {
            case .kind, .withdrawal, .complaint, .legalHold, .publicRecords, .consentWithdrawal, .selfService: return true
            default: return false
            }
        }
    }
}
