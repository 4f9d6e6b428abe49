/// The features the kind model reads of a mail: the person's own words, as
/// words, word beginnings and word pairs, marked by where they stand
/// (inside quotation marks, under a negation, in the subject, in a
/// question), and what the rules understood of its structure: the kinds
/// they read as refused and the other signals they saw (a withdrawal, a
/// passing mention, a sales pitch…).
///
/// The rules' own verdicts (kinds read, scores) are left out on purpose:
/// much of the training mail is mail the rules were tuned on, where they
/// are nearly always right, and a model that learnt to trust them there
/// would add nothing where they fail.
///
/// Word beginnings ("slett", "lösch", "radera") carry a cue across its
/// inflections; word pairs carry short phrases ("my data", "ikke del").
/// Every feature is a plain string, so the trained weights can be read.
enum KindFeatures {
    /// Letters kept of a word as its beginning.
    static let stemLength = 5
    /// Words shorter than this say too little on their own.
    static let minimumWordLength = 2
    /// The marks of where a word stands: the person's own words, negated,
    /// quoted, in the subject, and in a question.
    static let places: WordSet = ["w", "n", "q", "s", "?"]

    static func extract<Sink: KindFeatureSink>(
        sentences: [Sentence], negations: WordSet, tally: SignalTally, into sink: inout Sink
    ) {
        sink.insert(.bias, "", nil)
        for kind in RequestKind.allCases where tally.negatedKinds.contains(kind) {
            sink.insert(.negated, Substring(kind.rawValue), nil)
        }
        for signal in tally.signals {
            if case .kind = signal { continue }
            sink.insert(.signal, Substring(name(of: signal)), nil)
        }
        for sentence in sentences {
            add(sentence, negations: negations, into: &sink)
        }
    }

    /// Where a word stands, with the marks its features start with. A class:
    /// handing one along per word retains it once, not its three marks.
    private final class Place: Sendable {
        let word: KindFeatureMark
        let stem: KindFeatureMark
        let pair: KindFeatureMark
        let isSubject: Bool
        let isOwn: Bool

        init(_ mark: String) {
            word = KindFeatureMark(mark + ":")
            stem = KindFeatureMark(mark + "~")
            pair = KindFeatureMark(mark + "+")
            isSubject = mark == "s"
            isOwn = mark == "w"
        }

        static let own = Place("w")
        static let negated = Place("n")
        static let quoted = Place("q")
        static let subject = Place("s")
    }

    private static func add<Sink: KindFeatureSink>(_ sentence: Sentence, negations: WordSet, into sink: inout Sink) {
        let tokens = sentence.tokens
        // Most sentences hold no negation word: then no word needs the look-back.
        let mayBeNegated = tokens.contains(where: negations.contains)
            || tokens.contains(where: NegationScope.trailingNegations.contains)
        var previous: String?
        for (position, token) in tokens.enumerated() {
            // Scalars counted on bytes: every byte that does not continue a character starts one.
            let letters = token.utf8.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            guard token != TextFolding.clauseBreak, letters >= minimumWordLength, hasLetter(token) else {
                previous = nil
                continue
            }
            let place: Place
            if sentence.isSubject {
                place = .subject
            } else if position < sentence.quoted.count && sentence.quoted[position] {
                place = .quoted
            } else if mayBeNegated && NegationScope.isNegated(position..<(position + 1), in: tokens, negations: negations) {
                place = .negated
            } else {
                place = .own
            }
            sink.insert(place.word, Substring(token), nil)
            if letters > stemLength {
                sink.insert(place.stem, token[..<token.unicodeScalars.index(token.startIndex, offsetBy: stemLength)], nil)
            }
            if let previous, !place.isSubject { sink.insert(place.pair, Substring(previous), Substring(token)) }
            if sentence.isQuestion && place.isOwn { sink.insert(.question, Substring(token), nil) }
            previous = token
        }
    }

    /// Whether the token holds a letter; ASCII letters are found on bytes.
    private static func hasLetter(_ token: String) -> Bool {
        var nonASCII = false
        for byte in token.utf8 {
            if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") { return true }
            if byte >= 0x80 { nonASCII = true }
        }
        return nonASCII && token.unicodeScalars.contains(where: { $0.properties.isAlphabetic })
    }

    private static func name(of signal: Signal) -> String {
        switch signal {
        case .kind(let kind): "kind-\(kind.rawValue)"
        case .bareCue(let kind): "bare-\(kind.rawValue)"
        case .onBehalf: "on-behalf"
        case .consentWithdrawal: "consent-withdrawal"
        case .dietary: "dietary"
        case .complaint: "complaint"
        case .legalHold: "legal-hold"
        case .publicRecords: "public-records"
        case .passingMention: "passing-mention"
        case .relative: "relative"
        case .thirdPartyData: "third-party-data"
        case .photo: "photo"
        case .objectPhoto: "object-photo"
        case .othersOwnAction: "others-own-action"
        case .nonErasureContext: "non-erasure-context"
        case .eventList: "event-list"
        case .withdrawal: "withdrawal"
        case .vendor: "vendor"
        case .selfService: "self-service"
        }
    }
}

/// The start of a feature ("w:", "n~", "q+", "signal:"…), with its key
/// state after its bytes, so a feature's key hashes only its word.
struct KindFeatureMark: Sendable {
    let text: String
    let key: KindFeatureKey

    init(_ text: String) {
        self.text = text
        var key = KindFeatureKey()
        key.add(text.utf8)
        self.key = key
    }

    static let bias = KindFeatureMark("bias")
    static let negated = KindFeatureMark("negated:")
    static let signal = KindFeatureMark("signal:")
    static let question = KindFeatureMark("?:")
}

/// Receives the features of a mail, each in pieces: a mark, a word and,
/// for a word pair, the second word. The feature is `mark + word`, or
/// `mark + word + "_" + second`.
protocol KindFeatureSink {
    mutating func insert(_ mark: KindFeatureMark, _ word: Substring, _ second: Substring?)
}

/// The features as strings: for training, and for the model's text form.
struct KindFeatureNames: KindFeatureSink {
    var names: Set<String> = []

    mutating func insert(_ mark: KindFeatureMark, _ word: Substring, _ second: Substring?) {
        names.insert(second.map { mark.text + word + "_" + $0 } ?? mark.text + word)
    }
}

/// The features as keys (`KindFeatureKey`) of the same strings, built
/// without making the strings: what classifying a mail needs.
struct KindFeatureKeys: KindFeatureSink {
    /// In the order met, repeats included (`KindFeatureKeySet` sorts them).
    var keys: [UInt64] = []

    mutating func insert(_ mark: KindFeatureMark, _ word: Substring, _ second: Substring?) {
        var key = mark.key
        key.add(word)
        if let second {
            key.add(byte: UInt8(ascii: "_"))
            key.add(second)
        }
        keys.append(key.value)
    }
}

/// The 64-bit FNV-1a hash of a feature's UTF-8 bytes, fed piece by piece.
/// With some ten thousand features in the model, two sharing a key is
/// vanishingly unlikely, and would only merge their weights.
struct KindFeatureKey: Sendable {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { add(byte: byte) }
    }

    /// A word's bytes, read from its storage where it has one.
    mutating func add(_ text: Substring) {
        var state = value
        let read: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { state = Self.step(state, byte) }
            return true
        }
        if read == nil { add(text.utf8) } else { value = state }
    }

    mutating func add(byte: UInt8) {
        value = Self.step(value, byte)
    }

    private static func step(_ state: UInt64, _ byte: UInt8) -> UInt64 {
        (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    static func of(_ name: String) -> UInt64 {
        var key = KindFeatureKey()
        key.add(name.utf8)
        return key.value
    }
}
