import Foundation

/// A linear model per request kind over `KindFeatures`: the probability that
/// a mail asks for the kind is the logistic of the summed weights of the
/// features it has. Trained on labelled mail (`KindModelTrainer`), stored
/// as text, one feature per line with a weight per kind, so what it learnt
/// can be read and diffed.
public struct KindModel: Sendable, Equatable {
    /// The first line of the text form.
    static let header = "# dsrd kind model 1\tfeature\t" + RequestKind.allCases.map(\.rawValue).joined(separator: "\t")

    /// Per feature, a weight per kind in `RequestKind.allCases` order.
    let weights: [String: [Double]]
    /// The same weights by feature key (`KindFeatureKey`), one row each,
    /// for classifying without building the features' strings.
    private let rowByKey: KindRowTable
    /// The weights in ten-thousandths (the text form's precision): integer
    /// sums are exact in any order, and a Set's order changes from process
    /// to process, so a sum of doubles could differ in its last bit.
    private let table: [Int64]
    static let ticksPerUnit = 10_000.0
    /// Per row, a bit per kind: whether the feature is a cue word for it
    /// (see `hasCue`).
    private let cueBits: [UInt8]

    init(weights: [String: [Double]]) {
        self.weights = weights
        let columns = RequestKind.allCases.count
        var rowByKey = KindRowTable(count: weights.count)
        var table: [Int64] = []
        table.reserveCapacity(weights.count * columns)
        var cueBits: [UInt8] = []
        cueBits.reserveCapacity(weights.count)
        for (name, row) in weights {
            rowByKey.set(cueBits.count, for: KindFeatureKey.of(name))
            table += row.map { Int64(($0 * Self.ticksPerUnit).rounded()) }
            var bits: UInt8 = 0
            for column in 0..<columns where Self.isCue(name, weight: row[column]) { bits |= 1 << column }
            cueBits.append(bits)
        }
        self.rowByKey = rowByKey
        self.table = table
        self.cueBits = cueBits
    }

    public static func == (lhs: KindModel, rhs: KindModel) -> Bool { lhs.weights == rhs.weights }

    /// Reads the text form; nil when a line is not a feature and four numbers.
    /// Read on bytes: the built-in model has some ten thousand lines, and
    /// every `dsrd` process that classifies reads it.
    public init?(text: String) {
        var text = text
        guard let weights = text.withUTF8({ Self.parse($0) }) else { return nil }
        self.init(weights: weights)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: [Double]]? {
        let newline = UInt8(ascii: "\n")
        let tab = UInt8(ascii: "\t")
        let header = Array(Self.header.utf8)
        guard bytes.count >= header.count, bytes.prefix(header.count).elementsEqual(header) else { return nil }
        var weights: [String: [Double]] = [:]
        weights.reserveCapacity(bytes.count / 40)
        var index = header.count
        let columns = RequestKind.allCases.count
        // One buffer for every line's field ranges.
        var fields: [Range<Int>] = []
        fields.reserveCapacity(columns + 1)
        while index < bytes.count {
            var end = index
            while end < bytes.count && bytes[end] != newline { end += 1 }
            defer { index = end + 1 }
            guard end > index else { continue }
            fields.removeAll(keepingCapacity: true)
            var start = index
            for position in index..<end where bytes[position] == tab {
                fields.append(start..<position)
                start = position + 1
            }
            fields.append(start..<end)
            guard fields.count == columns + 1, !fields[0].isEmpty else { return nil }
            var row: [Double] = []
            row.reserveCapacity(columns)
            for field in fields.dropFirst() {
                guard let value = number(UnsafeBufferPointer(rebasing: bytes[field])) else { return nil }
                row.append(value)
            }
            weights[String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[0]]), as: UTF8.self)] = row
        }
        return weights
    }

    /// A decimal such as "-0.1208": the integer of its digits divided by a
    /// power of ten, both exact, so the one rounding gives what `Double("…")`
    /// gives. Other forms (exponents, long digit strings) go to `Double`.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var digits: Int64 = 0
        var count = 0
        var decimals = -1
        var negative = false
        for (position, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where position == 0: negative = true
            case UInt8(ascii: "."): guard decimals < 0 else { return slowNumber(bytes) }; decimals = 0
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits = digits * 10 + Int64(byte - UInt8(ascii: "0"))
                count += 1
                if decimals >= 0 { decimals += 1 }
            default: return slowNumber(bytes)
            }
        }
        guard count > 0, count <= 15, decimals != 0 else { return slowNumber(bytes) }
        let scale = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15][max(0, decimals)]
        let value = Double(digits) / scale
        return negative ? -value : value
    }

    private static func slowNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// The text form: the header, then one line per feature in byte order,
    /// weights with four decimals.
    public var text: String {
        var lines = [Self.header]
        for feature in Self.inByteOrder(weights.keys) {
            let row = weights[feature] ?? []
            lines.append(([feature] + row.map { String(format: "%.4f", $0) }).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The probability of each kind, in `RequestKind.allCases` order, for
    /// the features with these keys.
    func probabilities(keys: KindFeatureKeySet) -> [Double] {
        let columns = RequestKind.allCases.count
        var sums = [Int64](repeating: 0, count: columns)
        for key in keys {
            guard let row = rowByKey.row(for: key) else { continue }
            for column in 0..<columns { sums[column] += table[row * columns + column] }
        }
        return sums.map { Self.logistic(Double($0) / Self.ticksPerUnit) }
    }

    /// The probability of each kind for the features with these names.
    func probabilities(_ features: Set<String>) -> [Double] {
        probabilities(keys: KindFeatureKeySet(features.map(KindFeatureKey.of)))
    }

    /// Whether any of the features with these keys is a cue word for the
    /// kind in `column`.
    func hasCue(_ column: Int, keys: KindFeatureKeySet) -> Bool {
        keys.contains { key in rowByKey.row(for: key).map { cueBits[$0] & (1 << column) != 0 } ?? false }
    }

    static func logistic(_ sum: Double) -> Double { 1 / (1 + exp(-sum)) }

    /// Feature names in the order of their UTF-8 bytes, the same in every
    /// locale and process: the text form's order and the rows' numbering.
    static func inByteOrder<Names: Sequence<String>>(_ names: Names) -> [String] {
        names.map { (bytes: Array($0.utf8), name: $0) }
            .sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
            .map(\.name)
    }

    /// The model trained on the labelled sets in the repository, read once.
    /// Nil only if its text were damaged or empty, which a test rules out;
    /// the classifier then keeps the rules' reading.
    public static let trained: KindModel? = KindModel(text: trainedText).flatMap { $0.weights.isEmpty ? nil : $0 }
}
