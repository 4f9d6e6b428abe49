import Foundation
import Requests

/// The figures of `dsrd evaluate`, added up message by message.
struct EvaluationScore {
    private var total = 0
    private var right = 0
    private var byLanguage: [String: (right: Int, total: Int)] = [:]
    private var byKind: [String: (right: Int, total: Int)] = [:]
    private var falseErasures = 0
    /// False erasures read at or above the review threshold: the ones a
    /// person would not see first (below it, triage sends the mail to review).
    private var falseErasuresAboveReview = 0
    private var machineMail = (found: 0, total: 0)
    private var personMailCalledMachine = 0
    private var values = (right: 0, total: 0)
    private var unexpectedValues = 0
    /// Per confidence band: messages and wrong kinds, for mail read as a request.
    private var bands: [(floor: Double, messages: Int, wrong: Int)] = [(0, 0, 0), (0.6, 0, 0), (0.8, 0, 0), (0.9, 0, 0)]

    /// Adds one message; true when its kinds and machine verdict are right.
    mutating func add(_ item: EvaluationCase, _ result: MessageClassification) -> Bool {
        let kinds = result.classification.kinds
        let kindsRight = kinds == item.kinds && result.isAuto == item.auto
        total += 1
        if kindsRight { right += 1 }
        byLanguage[item.language, default: (0, 0)].total += 1
        if kindsRight { byLanguage[item.language, default: (0, 0)].right += 1 }
        let names = item.kinds.isEmpty ? ["other"] : item.kinds.map(\.rawValue)
        for name in names {
            byKind[name, default: (0, 0)].total += 1
            if kindsRight { byKind[name, default: (0, 0)].right += 1 }
        }
        if kinds.contains(.erase) && !item.kinds.contains(.erase) {
            falseErasures += 1
            if result.classification.confidence >= TriagePolicy.reviewConfidence { falseErasuresAboveReview += 1 }
        }
        if item.auto {
            machineMail.total += 1
            if result.isAuto { machineMail.found += 1 }
        } else if result.isAuto {
            personMailCalledMachine += 1
        }
        let read = Dictionary(uniqueKeysWithValues: result.classification.fields.map { ($0.key.rawValue, $0.value) })
        for (key, expected) in item.fields {
            values.total += 1
            if Self.normalized(key, read[key] ?? "") == Self.normalized(key, expected) { values.right += 1 }
        }
        unexpectedValues += read.keys.filter { item.fields[$0] == nil }.count
        if !kinds.isEmpty, let band = bands.lastIndex(where: { result.classification.confidence >= $0.floor }) {
            bands[band].messages += 1
            if kinds != item.kinds { bands[band].wrong += 1 }
        }
        return kindsRight
    }

    /// Phones compare by their last eight digits; other values without case,
    /// surrounding punctuation or repeated blanks.
    static func normalized(_ key: String, _ value: String) -> String {
        if key == "phone" { return String(value.filter(\.isNumber).suffix(8)) }
        let squeezed = value.precomposedStringWithCanonicalMapping.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return squeezed.trimmingCharacters(in: CharacterSet(charactersIn: " .,;"))
    }

    func report() -> [String] {
        func share(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "\(part)/0" : String(format: "%d/%d (%.1f%%)", part, whole, 100.0 * Double(part) / Double(whole))
        }
        var lines = ["messages \(total): exact kinds \(share(right, total)), false erasures \(falseErasures)"
                     + " (\(falseErasuresAboveReview) at or above the review threshold \(TriagePolicy.reviewConfidence))"]
        lines.append("machine mail recognised \(share(machineMail.found, machineMail.total)), person's mail taken for machine mail \(personMailCalledMachine)")
        lines.append("correction values \(share(values.right, values.total)), values read where none were expected \(unexpectedValues)")
        lines.append("per language: " + byLanguage.keys.sorted().map { "\($0) \(share(byLanguage[$0]?.right ?? 0, byLanguage[$0]?.total ?? 0))" }.joined(separator: ", "))
        lines.append("per kind: " + byKind.keys.sorted().map { "\($0) \(share(byKind[$0]?.right ?? 0, byKind[$0]?.total ?? 0))" }.joined(separator: ", "))
        lines.append("confidence of mail read as a request (review below \(TriagePolicy.reviewConfidence)):")
        for (index, band) in bands.enumerated() {
            let ceiling = index + 1 < bands.count ? String(format: "%.2f", bands[index + 1].floor) : "1.00"
            lines.append(String(format: "  %.2f-%@: %d messages, %@ wrong kinds", band.floor, ceiling, band.messages,
                                share(band.wrong, band.messages)))
        }
        return lines
    }
}
