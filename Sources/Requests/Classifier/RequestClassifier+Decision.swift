/// The decision over a whole message's tally: which kinds are asked for,
/// what overrules them (a complaint to an authority, a legal hold, a
/// freedom-of-information request, a withdrawal, asking how to do it
/// oneself, a sales pitch), the values named, and the confidence.
extension RequestClassifier {
    /// Also returns the kinds asked for but overruled (a stand's photo, a
    /// correction's old value…), which the kind model does not add back, and
    /// the values for a rectification the kind model may add
    /// (`KindModel.refine`): every value the extractor found, or, where the
    /// rules saw no reason to look, the means to look.
    /// `askedBesideForwardedPitch`: when the sales cues stand in attached mail the
    /// person forwards under a note that asks, the kinds the note asks (the only ones read).
    static func decide(
        _ tally: SignalTally, sentences: [Sentence], language: Language, mentionsPrivacy: Bool, ownDomains: Set<String> = [],
        askedBesideForwardedPitch: Set<RequestKind>? = nil
    ) -> (classification: Classification, valuesFound: FoundValues, refused: Set<RequestKind>) {
        var kinds = Set<RequestKind>()
        var evidence: [String] = []
        // "There is a photo of me on your site. Please remove it.": with photos
        // talked about, a bare "remove it" is asked of the photo.
        // Photos of the writer's stand or logo: "remove it" asks nothing of personal data.
        let thingPhotos = tally.score(.objectPhoto) > 0
        let photoBoost = tally.score(.photo) > 0 && !thingPhotos && tally.score(.kind(.erase)) >= 0.9 ? photoContextBonus : 0
        // Some sentence must ask: questions about erasure, or mentions of it, in
        // many sentences ("Hur tar ni emot begäranden om radering? Raderas
        // uppgifterna även i säkerhetskopior?") add up to no request.
        let eraseAsked = tally.score(.kind(.erase)) + photoBoost >= eraseThreshold
            && tally.strongest(.kind(.erase)) >= askingWeight
        for kind in RequestKind.allCases {
            var score = tally.score(.kind(kind)) + (kind == .erase ? photoBoost : 0)
            // Withdrawing consent objects to the processing; in an erasure
            // letter it is the ground for the erasure (Art. 17(1)(b)) instead.
            if kind == .object && !eraseAsked { score += tally.score(.consentWithdrawal) }
            // Asking which data will be kept is part of an erasure, not a
            // separate access request: access then needs a clear phrase.
            if kind == .access && eraseAsked && tally.strongest(.kind(.access)) < 1.3 { score = 0 }
            if score >= (kind == .erase ? eraseThreshold : threshold) && (kind != .erase || eraseAsked) {
                kinds.insert(kind)
                evidence += tally.evidence(.kind(kind)).map { "\(kind.rawValue): \($0)" }
                if kind == .object && !eraseAsked {
                    evidence += tally.evidence(.consentWithdrawal).map { "object: \($0)" }
                }
            }
        }
        // The kinds the phrases asked for, before what overrules them.
        let asked = kinds
        if tally.score(.complaint) >= 1.5 && !kinds.isEmpty {
            kinds.removeAll()
            evidence = ["other: complaint to a supervisory authority (\(tally.evidence(.complaint).joined(separator: ", ")))"]
        }
        // "I asked you to delete my account, but I have changed my mind: do NOT
        // delete anything": with a withdrawal, a kind also negated is taken back,
        // and so is one only reported from an earlier mail ("On Monday I wrote
        // asking you to erase all my information. … Please disregard that request").
        if tally.score(.withdrawal) > 0 {
            for kind in RequestKind.allCases where kinds.contains(kind)
                && (tally.negatedKinds.contains(kind) || !tally.askedNow.contains(kind)) {
                kinds.remove(kind)
                evidence = evidence.filter { !$0.hasPrefix("\(kind.rawValue):") }
                evidence.append(tally.negatedKinds.contains(kind) ? "not \(kind.rawValue): taken back and negated"
                                    : "not \(kind.rawValue): taken back; asked only in an earlier mail")
            }
        }
        // "How do I change my e-mail myself? I'd rather fix it myself": asks how, not that we do it.
        if tally.score(.selfService) > 0 {
            // In the kinds' own order: a set's order changes from run to run.
            for kind in RequestKind.allCases where kinds.contains(kind) && tally.strongest(.kind(kind)) < 1.5 {
                kinds.remove(kind)
                evidence = evidence.filter { !$0.hasPrefix("\(kind.rawValue):") }
                evidence.append("not \(kind.rawValue): asks how to do it oneself")
            }
        }
        // "Kollegaen min heter nå Mari Solberg. Hun skal sende dere en mail selv.": the colleague will ask.
        if tally.score(.othersOwnAction) > 0 {
            for kind in RequestKind.allCases where kinds.contains(kind) && tally.strongest(.kind(kind)) < 1.5 {
                kinds.remove(kind)
                evidence = evidence.filter { !$0.hasPrefix("\(kind.rawValue):") }
                evidence.append("not \(kind.rawValue): the person concerned will ask themselves")
            }
        }
        if let asked = askedBesideForwardedPitch {
            for kind in RequestKind.allCases where kinds.contains(kind) && !asked.contains(kind) {
                kinds.remove(kind)
                evidence = evidence.filter { !$0.hasPrefix("\(kind.rawValue):") }
                evidence.append("not \(kind.rawValue): only the sales pitch the person forwards names it")
            }
        } else if tally.score(.vendor) >= vendorThreshold && !kinds.isEmpty {
            kinds.removeAll()
            evidence = ["other: a sales pitch (\(tally.evidence(.vendor).joined(separator: ", ")))"]
        }
        if kinds.contains(.erase) && thingPhotos && tally.erasureTargets == [.photo] {
            kinds.remove(.erase)
            evidence = evidence.filter { !$0.hasPrefix("erase:") }
            evidence.append("not erase: the photo is of a stand or a logo (\(tally.evidence(.objectPhoto).joined(separator: ", ")))")
        }
        // "Nytt nummer: … Det gamle kan dere bare fjerne": the correction's old value goes, not the person's data.
        if kinds.contains(.erase) && kinds.contains(.rectify) && tally.erasureTargets == [.oldValue] {
            kinds.remove(.erase)
            evidence = evidence.filter { !$0.hasPrefix("erase:") }
            evidence.append("not erase: removes the old value of a correction")
        }
        if kinds.contains(.erase) && tally.score(.legalHold) >= 1.5 {
            kinds.remove(.erase)
            evidence = evidence.filter { !$0.hasPrefix("erase:") }
            evidence.append("not erase: asks to preserve records (\(tally.evidence(.legalHold).joined(separator: ", ")))")
        }
        if kinds.contains(.access) && tally.score(.publicRecords) >= 1.5 {
            kinds.remove(.access)
            evidence = evidence.filter { !$0.hasPrefix("access:") }
            evidence.append("not access: freedom-of-information request for documents")
        }
        var fields: [RectificationField: String] = [:]
        // Values are looked for in rectification mail, or where a "new"/"now" word
        // could introduce one ("my new number is…"); other mail skips the work.
        let worthScanning = tally.score(.kind(.rectify)) > 0
            || sentences.contains { $0.tokens.contains(where: RectificationVocabulary.valueHints.contains) }
        let extracted = worthScanning
            ? RectificationExtractor.scan(sentences, language: language, ownDomains: ownDomains)
            : (all: [:], explicit: [:])
        if kinds.contains(.rectify) {
            fields = extracted.all
        } else if !extracted.explicit.isEmpty && tally.score(.complaint) < 1.5 && tally.score(.vendor) < vendorThreshold
                    && tally.score(.othersOwnAction) == 0 {
            // In an erasure letter an employer or an address identifies the
            // writer ("I worked for X until March", "she lives at Y"); a name
            // or number named as the right one is still a correction.
            fields = rectificationValues(extracted.explicit, erasing: kinds.contains(.erase))
            if !fields.isEmpty {
                // Once a named value makes the mail a correction, the values beside it are
                // the correction's too ("Nya numret är …. Post kan skickas till: <address>");
                // not a name, which "My name is Kari Lunde" only introduces.
                let beside = extracted.all.filter { $0.key != .firstName && $0.key != .lastName }
                fields = rectificationValues(beside.merging(extracted.explicit) { _, named in named }, erasing: kinds.contains(.erase))
                kinds.insert(.rectify)
                evidence.append("rectify: new value named for \(fields.keys.sorted().map(\.rawValue).joined(separator: ", "))")
            }
        }
        evidence += tally.notes.prefix(4)
        let onBehalf = tally.score(.onBehalf) >= 1.0 || tally.score(.relative) > 0 && tally.score(.thirdPartyData) > 0
        if onBehalf {
            evidence += (tally.evidence(.onBehalf) + tally.evidence(.relative) + tally.evidence(.thirdPartyData))
                .map { "on behalf: \($0)" }
        }
        // Withdrawing consent for dietary data erases that data alone,
        // unless another erasure phrase names the person's data as a whole.
        let targets = tally.erasureTargets
        let erasureScope: ErasureScope? = !kinds.contains(.erase) ? nil
            : targets.contains(.dietaryConsent) && !targets.contains(.wholeRecord) ? .consentData : .everything
        let classification = Classification(
            kinds: kinds, language: language,
            confidence: confidence(kinds: kinds, tally: tally, mentionsPrivacy: mentionsPrivacy), evidence: evidence,
            onBehalf: onBehalf, fields: fields, erasureScope: erasureScope)
        // "har fått dansk mobilnummer: +45 21 43 65 87", "Det er Thea med h, ikke Tea" name no cue
        // the scan is started for: a rectification the model adds looks for its values then.
        let valuesFound: FoundValues = worthScanning
            ? .found(extracted.all) : .notLookedFor(sentences: sentences, language: language, ownDomains: ownDomains)
        return (classification, valuesFound, asked.subtracting(kinds))
    }

    /// The values a rectification asks for, of those found: in an erasure
    /// letter an employer or an address identifies the writer.
    static func rectificationValues(_ found: [RectificationField: String], erasing: Bool) -> [RectificationField: String] {
        erasing ? found.filter { $0.key != .organization && $0.key != .address } : found
    }

    /// High when every kind asked for is well above its threshold; for
    /// "other", low when some request phrase was seen but did not count (a
    /// person should look), high when nothing request-like was seen at all.
    static func confidence(kinds: Set<RequestKind>, tally: SignalTally, mentionsPrivacy: Bool) -> Double {
        let scores = RequestKind.allCases.map { tally.score(.kind($0)) }
        if kinds.isEmpty {
            let strongest = scores.max() ?? 0
            let quiet = strongest == 0 && tally.notes.isEmpty
            let value = quiet ? (mentionsPrivacy ? 0.45 : 0.85) : max(0.3, 0.5 - 0.2 * strongest)
            return (value * 100).rounded() / 100
        }
        let weakest = kinds.map { tally.score(.kind($0)) }.min() ?? 0
        let value = min(0.98, 0.6 + 0.12 * weakest)
        return (value * 100).rounded() / 100
    }
}
