import Foundation
import MailCore
import Testing
@testable import Requests

@Suite("Kind model")
struct KindModelTests {
    private func sample(_ features: Set<String>, _ kinds: Set<RequestKind>) -> KindSample {
        KindSample(features: features.union(["bias"]), kinds: kinds)
    }

    /// Mails that ask for erasure with "w:slett", for access with "w:innsyn",
    /// and some that ask for nothing.
    private var samples: [KindSample] {
        var samples: [KindSample] = []
        for number in 0..<12 {
            samples.append(sample(["w:slett", "w:meg", "w:\(number)"], [.erase]))
            samples.append(sample(["w:innsyn", "w:meg"], [.access]))
            samples.append(sample(["w:billett", "w:meg"], []))
        }
        return samples
    }

    private func reading(_ features: Set<String>, kinds: Set<RequestKind> = [], confidence: Double = 0.85) -> RuleReading {
        RuleReading(
            classification: Classification(kinds: kinds, language: .nb, confidence: confidence, evidence: [], onBehalf: false,
                                           fields: kinds.contains(.rectify) ? [.phone: "41234567"] : [:]),
            names: features.union(["bias"]))
    }

    @Test("the text form reads back as the same model")
    func textRoundTrip() throws {
        let model = KindModel(weights: ["bias": [-1.5, -2, -2.25, -3], "w:slett": [0, 0, 2.5, 0.125], "s:innsyn": [1, 0, 0, 0]])
        let read = try #require(KindModel(text: model.text))
        #expect(read == model)
        #expect(model.text.hasPrefix(KindModel.header + "\n"))
        #expect(model.text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[0] } == ["bias", "s:innsyn", "w:slett"])
    }

    @Test("weights are read on bytes exactly as Double reads them")
    func numbersAsDoubleReadsThem() {
        var generator = SeededGenerator(seed: 42)
        var texts = ["0", "-0", "1.5", "-0.0000", "12.25", "0.0001", "-3.1415", "123456789012345", "1e-3", "2.5E2", "0.12345678901234567"]
        for _ in 0..<2000 {
            let value = Double(Int(generator.next() % 2_000_000)) / 10_000 - 100
            texts.append(String(format: "%.4f", value))
        }
        for text in texts {
            var copy = text
            let read = copy.withUTF8 { KindModel.number($0) }
            #expect(read == Double(text), "\(text)")
        }
        for bad in ["", "-", ".", "1.2.3", "--1", "1-", "x", "nan", "inf", "1,5"] {
            var copy = bad
            #expect(copy.withUTF8 { KindModel.number($0) } == nil, "\(bad)")
        }
    }

    @Test("a damaged model text is refused, not half read")
    func damagedText() {
        let good = KindModel(weights: ["bias": [1, 2, 3, 4]]).text
        #expect(KindModel(text: good) != nil)
        #expect(KindModel(text: "bias\t1\t2\t3\t4\n") == nil)
        #expect(KindModel(text: good + "w:x\t1\t2\t3\n") == nil)
        #expect(KindModel(text: good + "w:x\t1\t2\t3\tfour\n") == nil)
        #expect(KindModel(text: good + "w:x\t1\t2\t3\tnan\n") == nil)
        #expect(KindModel(text: good + "\t1\t2\t3\t4\n") == nil)
    }

    @Test("training learns which words ask for which kind, the same way every time")
    func trainingLearnsAndRepeats() {
        let model = KindModelTrainer.train(samples)
        #expect(model == KindModelTrainer.train(samples))
        let erase = model.probabilities(["bias", "w:slett", "w:meg"])
        let access = model.probabilities(["bias", "w:innsyn", "w:meg"])
        let nothing = model.probabilities(["bias", "w:billett", "w:meg"])
        #expect(erase[2] > 0.8 && erase[0] < 0.2)
        #expect(access[0] > 0.8 && access[2] < 0.2)
        #expect(nothing.allSatisfy { $0 < 0.2 })
    }

    @Test("a word seen in fewer than three mails is no feature; what the rules understood always is")
    func rareWordsLeftOut() {
        var samples = samples
        samples.append(sample(["w:solveig", "signal:withdrawal"], []))
        let model = KindModelTrainer.train(samples)
        #expect(model.weights["w:solveig"] == nil)
        #expect(model.weights["w:0"] == nil)
        #expect(model.weights["signal:withdrawal"] != nil)
        #expect(model.weights["w:slett"] != nil)
    }

    @Test("a kind the rules missed is added for a person to check, never carried out unchecked")
    func addedKindGoesToAPerson() {
        let model = KindModelTrainer.train(samples)
        let result = model.refine(reading(["w:innsyn", "w:meg"]))
        #expect(result.kinds == [.access])
        #expect(result.confidence < TriagePolicy.reviewConfidence)
        #expect(result.evidence.contains { $0.hasPrefix("model: access (") })
        // Mail the model reads as nothing keeps the rules' reading and confidence.
        let other = model.refine(reading(["w:billett", "w:meg"]))
        #expect(other.kinds.isEmpty && other.confidence == 0.85 && other.evidence.isEmpty)
    }

    @Test("erasure is added only at its own, higher probability")
    func erasureNeedsMore() {
        let model = KindModelTrainer.train(samples)
        let sure = model.refine(reading(["w:slett", "w:meg"]))
        #expect(sure.kinds == [.erase])
        #expect(sure.erasureScope == .everything)
        #expect(sure.confidence < TriagePolicy.reviewConfidence)
        let probability = model.probabilities(["bias", "w:slett", "w:meg"])[2]
        #expect(model.refine(reading(["w:slett", "w:meg"]), policy: KindPolicy(add: 0.5, addErase: probability + 0.01, addBeside: 0)).kinds.isEmpty)
        // The same probability adds access, whose bar is lower.
        #expect(model.refine(reading(["w:innsyn", "w:meg"]), policy: KindPolicy(add: 0.5, addErase: 1, addBeside: 0)).kinds == [.access])
    }

    @Test("beside a kind the rules read, another is added only at the higher bar")
    func besideTheRules() {
        let model = KindModelTrainer.train(samples)
        let access = model.probabilities(["bias", "w:innsyn", "w:meg"])[0]
        let low = KindPolicy(add: 0.5, addErase: 0.9, addBeside: access - 0.01)
        let high = KindPolicy(add: 0.5, addErase: 0.9, addBeside: access + 0.01)
        #expect(model.refine(reading(["w:innsyn", "w:meg"], kinds: [.object]), policy: low).kinds == [.access, .object])
        #expect(model.refine(reading(["w:innsyn", "w:meg"], kinds: [.object]), policy: high).kinds == [.object])
        #expect(model.refine(reading(["w:innsyn", "w:meg"]), policy: high).kinds == [.access])
    }

    @Test("a rectification the model adds carries the values the rules had no reason to look for")
    func anAddedRectificationLooksForItsValues() {
        var samples = samples
        for _ in 0..<12 { samples.append(sample(["w:mobilnummer", "w:dansk"], [.rectify])) }
        let model = KindModelTrainer.train(samples)
        let text = "Eg studerer i Aarhus no og har fått dansk mobilnummer: +45 21 43 65 87. Det norske er avslutta."
        var unread = reading(["w:mobilnummer", "w:dansk"])
        unread.valuesFound = .notLookedFor(sentences: SentenceSplitter.split(text).map { Sentence(text: $0) }, language: .nn, ownDomains: [])
        let result = model.refine(unread)
        #expect(result.kinds == [.rectify])
        #expect(result.fields == [.phone: "+4521436587"])
        // Values the rules found are taken as found.
        var found = reading(["w:mobilnummer", "w:dansk"])
        found.valuesFound = .found([.phone: "+4798765432"])
        #expect(model.refine(found).fields == [.phone: "+4798765432"])
    }

    @Test("a kind the rules read and then overruled is not added back")
    func anOverruledKindStaysOut() {
        let model = KindModelTrainer.train(samples)
        #expect(model.refine(reading(["w:slett", "w:meg"])).kinds == [.erase])
        var overruled = reading(["w:slett", "w:meg"])
        overruled.refused = [.erase]
        #expect(model.refine(overruled).kinds.isEmpty)
    }

    @Test("a kind is added only when a word of four letters or more speaks for it")
    func aCueWordIsNeeded() {
        var samples = samples
        for _ in 0..<12 { samples.append(sample(["w:be"], [.erase])) }
        let model = KindModelTrainer.train(samples)
        #expect(model.probabilities(["bias", "w:be"])[2] > 0.8)
        #expect(model.refine(reading(["w:be"])).kinds.isEmpty)
        #expect(model.hasCue(2, in: ["bias", "w:slett"]))
        #expect(!model.hasCue(2, in: ["bias", "w:be", "signal:dietary"]))
    }

    @Test("the model adds nothing to a mail the rules read as refused, taken back, asked in passing or sold to us")
    func rulesVeto() {
        let model = KindModelTrainer.train(samples)
        #expect(model.refine(reading(["w:innsyn", "w:meg", "negated:access"])).kinds.isEmpty)
        var done = reading(["w:slett", "w:meg"])
        done.erasureDone = true
        #expect(model.refine(done).kinds.isEmpty)
        #expect(model.refine(reading(["w:slett", "w:meg"])).kinds == [.erase])
        for veto in KindModel.vetoes {
            #expect(model.refine(reading(["w:innsyn", "w:meg", veto])).kinds.isEmpty, "\(veto)")
        }
    }

    @Test("the model built in is read, and refines the rules' reading of a mail they miss")
    func builtInModel() throws {
        let model = try #require(KindModel.trained)
        #expect(model.weights.count > 1000)
        #expect(!KindModel.trainedOn.isEmpty)
        // Rules alone read nothing here; with the model it is an access request for a person to check.
        let text = "Jeg vil gerne se min profil, som den ligger hos jer."
        #expect(RequestClassifier.classify(subject: "hei", body: text, model: nil).kinds.isEmpty)
        let refined = RequestClassifier.classify(subject: "hei", body: text)
        #expect(refined.kinds == [.access])
        #expect(refined.confidence < TriagePolicy.reviewConfidence)
        #expect(refined.evidence.contains { $0.hasPrefix("model: access") })
    }

    @Test("a kind the rules read is never taken back, however unlikely the model finds it")
    func rulesKindsKept() {
        let model = KindModelTrainer.train(samples)
        let kept = model.refine(reading(["w:billett", "w:meg"], kinds: [.rectify]))
        #expect(model.probabilities(["bias", "w:billett", "w:meg"])[1] < 0.2)
        #expect(kept.kinds == [.rectify] && kept.fields == [.phone: "41234567"] && kept.confidence == 0.85)
        #expect(kept.evidence.isEmpty)
    }
}

@Suite("Kind model features")
struct KindFeaturesTests {
    private func features(subject: String = "", _ body: String) -> Set<String> {
        RequestClassifier.readByRules(subject: subject, body: body, namingFeatures: true).names
    }

    @Test("the keys read when classifying are those of the names kept for training")
    func keysAreTheNamesKeys() {
        for body in ["Dere skrev «vi sletter profilen». Ikke slett noe, men send meg en kopi?", "Bitte NICHT löschen, ich habe es mir anders überlegt.",
                     "Stop sharing my name with the exhibitors, and what do you hold on me?"] {
            let named = RequestClassifier.readByRules(subject: "Re: Konto", body: body, namingFeatures: true)
            let keyed = RequestClassifier.readByRules(subject: "Re: Konto", body: body)
            #expect(!named.names.isEmpty && keyed.names.isEmpty)
            #expect(Set(keyed.keys) == Set(named.names.map(KindFeatureKey.of)))
        }
        // FNV-1a of the empty string and of "a", as published.
        #expect(KindFeatureKey.of("") == 0xCBF2_9CE4_8422_2325)
        #expect(KindFeatureKey.of("a") == 0xAF63_DC4C_8601_EC8C)
    }

    @Test("words are marked by where they stand: own words, negated, quoted, the subject")
    func placesOfWords() {
        let read = features(subject: "Profilen min", "Dere skrev «vi sletter profilen». Ikke slett noe, men send meg en kopi.")
        #expect(read.contains("s:profilen"))
        #expect(read.contains("q:sletter"))
        #expect(read.contains("n:slett"))
        #expect(read.contains("w:kopi"))
        #expect(read.contains("w+meg_en"))
        #expect(!read.contains("w:slett"))
        #expect(read.contains("bias"))
    }

    @Test("what the rules understood of the structure is a feature: negated kinds and other signals")
    func rulesReading() {
        let read = features("Please delete my account and all my data.")
        #expect(!read.contains { $0.hasPrefix("negated:") || $0.hasPrefix("signal:") })
        let negated = features("Please do NOT delete my account, I want to keep it.")
        #expect(negated.contains("negated:erase"))
        let withdrawn = features("Ignore my last mail, I have changed my mind.")
        #expect(withdrawn.contains("signal:withdrawal"))
    }

    @Test("long words also give their first letters, so inflections share a feature")
    func wordBeginnings() {
        let read = features("Jeg vil ha opplysningene mine slettet.")
        #expect(read.contains("w:opplysningene"))
        #expect(read.contains("w~opply"))
        #expect(read.contains("w~slett"))
    }
}
