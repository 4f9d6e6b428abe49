import MailCore

/// One labelled mail for training: its features and the kinds it asks for.
public struct KindSample: Sendable {
    let features: Set<String>
    let kinds: Set<RequestKind>
}

/// Logistic regression per kind, trained by AdaGrad over the samples in a
/// fixed, seeded order, so the same samples always give the same model.
public enum KindModelTrainer {
    static let epochs = 40
    static let learningRate = 0.2
    /// Pulls weights towards zero, so rare words cannot decide alone.
    static let l2 = 0.002
    /// A word feature must occur in this many training mails to be kept
    /// (a name or a number in one mail never becomes a feature).
    static let minimumMails = 3
    /// Weights closer to zero than this are left out of the stored model.
    static let smallestWeight = 0.0005

    public static func train(_ samples: [KindSample]) -> KindModel {
        var mailsByFeature: [String: Int] = [:]
        for sample in samples { for feature in sample.features { mailsByFeature[feature, default: 0] += 1 } }
        let names = KindModel.inByteOrder(mailsByFeature.filter { $0.value >= minimumMails || isStructural($0.key) }.keys)
        var numbers: [String: Int] = [:]
        for (number, name) in names.enumerated() { numbers[name] = number }
        let rows = samples.map { sample in sample.features.compactMap { numbers[$0] }.sorted() }
        let kinds = RequestKind.allCases
        var weights = [[Double]](repeating: [Double](repeating: 0, count: kinds.count), count: names.count)
        var squares = [[Double]](repeating: [Double](repeating: 1e-8, count: kinds.count), count: names.count)
        var generator = SeededGenerator(seed: 0x5EED)
        for _ in 0..<epochs {
            for index in generator.shuffled(Array(samples.indices)) {
                let row = rows[index]
                for (column, kind) in kinds.enumerated() {
                    var sum = 0.0
                    for feature in row { sum += weights[feature][column] }
                    let expected = samples[index].kinds.contains(kind) ? 1.0 : 0.0
                    let error = KindModel.logistic(sum) - expected
                    for feature in row {
                        let gradient = error + l2 * weights[feature][column]
                        squares[feature][column] += gradient * gradient
                        weights[feature][column] -= learningRate * gradient / squares[feature][column].squareRoot()
                    }
                }
            }
        }
        var kept: [String: [Double]] = [:]
        for (number, name) in names.enumerated() where weights[number].contains(where: { abs($0) >= smallestWeight }) {
            kept[name] = weights[number]
        }
        // Through the text form, so a model trained here reads exactly as the stored one.
        return KindModel(text: KindModel(weights: kept).text) ?? KindModel(weights: kept)
    }

    /// What the rules understood of a mail is kept whatever its count.
    static func isStructural(_ feature: String) -> Bool {
        feature == "bias" || feature.hasPrefix("signal:") || feature.hasPrefix("negated:")
    }
}
