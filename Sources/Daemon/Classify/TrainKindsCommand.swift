import Foundation
import Hashing
import MailCore
import Requests

/// `dsrd train-kinds MANIFEST.tsv…`: trains the kind model on labelled mail
/// (the manifests of `dsrd evaluate`; only tune and training parts should
/// be given, so the held-out parts stay unseen).
///
/// `--folds N` reports, before anything is written, how the rules alone and
/// the rules with a model do on mail the model was not trained on: the mails
/// are split into N parts by a hash of their file name, and each part is
/// read by a model trained on the others (and on `--also` mail); then each
/// manifest in turn is read by a model trained on the others (new writers,
/// new wording). `--against MANIFEST` reads another set with the model
/// trained on all. `--write FILE` writes the model trained on all the mails
/// as the Swift source the classifier builds in.
public enum TrainKindsCommand {
    public static let usage =
        "usage: dsrd train-kinds MANIFEST.tsv... [--folds N] [--against MANIFEST] [--also MANIFEST] [--misses] [--write FILE.swift]"

    struct Mail {
        let manifest: Int
        let file: String
        let reading: RuleReading
        let kinds: Set<RequestKind>
    }

    public static func run(_ arguments: [String]) -> Int32 {
        var manifests: [String] = []
        var against: [String] = []
        var also: [String] = []
        var folds = 0
        var listMisses = false
        var output: String?
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--folds":
                guard let value = rest.popFirst().flatMap(Int.init), value >= 2 else { return usageError() }
                folds = value
            case "--against":
                guard let value = rest.popFirst() else { return usageError() }
                against.append(value)
            case "--misses":
                listMisses = true
            case "--also":
                guard let value = rest.popFirst() else { return usageError() }
                also.append(value)
            case "--write":
                guard let value = rest.popFirst() else { return usageError() }
                output = value
            default:
                guard !argument.hasPrefix("--") else { return usageError() }
                manifests.append(argument)
            }
        }
        guard !manifests.isEmpty, folds > 0 || output != nil || !against.isEmpty else { return usageError() }
        guard let mails = load(manifests), let checks = load(against, numberedFrom: manifests.count),
              let extra = load(also, numberedFrom: manifests.count + against.count) else { return 1 }
        var writer = ClassifyWriter()
        if folds > 0 {
            let byFold = Dictionary(grouping: mails) { Int(SHA256.hash(Array($0.file.utf8))[0]) % folds }
            report("\(folds) folds", parts: (0..<folds).map { byFold[$0] ?? [] }, all: mails, extra: extra, listMisses: listMisses, writer: &writer)
            if manifests.count > 1 {
                let bySet = Dictionary(grouping: mails, by: \.manifest)
                report("by manifest", parts: manifests.indices.map { bySet[$0] ?? [] }, all: mails, writer: &writer)
            }
        }
        if !against.isEmpty {
            report("against", parts: [checks], all: mails + extra, writer: &writer)
        }
        if let output {
            let model = KindModelTrainer.train((mails + extra).map { $0.reading.sample(labelled: $0.kinds) })
            do {
                try KindModelSource.swift(model, trainedOn: manifests + also).write(toFile: output, atomically: true, encoding: .utf8)
                writer.line("wrote the model trained on \(mails.count + extra.count) mails to \(output)")
            } catch {
                writer.flush()
                ClassifyWriter.error("dsrd train-kinds: cannot write \(output)")
                return 1
            }
        }
        writer.flush()
        return 0
    }

    /// The person mail of the manifests with the rules' reading, or nil
    /// (said on standard error) when one cannot be read.
    static func load(_ manifests: [String], numberedFrom first: Int = 0) -> [Mail]? {
        var mails: [Mail] = []
        for (number, manifest) in manifests.enumerated() {
            switch EvaluationCase.load(manifest) {
            case .failure(let error):
                ClassifyWriter.error("dsrd train-kinds: \(error)")
                return nil
            case .success(let cases):
                for item in cases {
                    guard case .success(let bytes) = ClassifyFiles.read(item.path) else {
                        ClassifyWriter.error("dsrd train-kinds: cannot read \(item.file)")
                        return nil
                    }
                    guard !item.auto, let reading = MessageClassification.readByRules(MessageReader.read(bytes)) else { continue }
                    mails.append(Mail(manifest: first + number, file: item.file, reading: reading, kinds: item.kinds))
                }
            }
        }
        return mails
    }

    /// Each part read by a model trained on the other parts, rules alone beside it.
    static func report(
        _ title: String, parts: [[Mail]], all: [Mail], extra: [Mail] = [], listMisses: Bool = false, writer: inout ClassifyWriter
    ) {
        // The standard policy, then each threshold moved on its own: how they were chosen.
        let standard = KindPolicy.standard
        var policies: [KindPolicy] = [standard]
        for add in [0.5, 0.7] { policies.append(KindPolicy(add: add, addErase: standard.addErase, addBeside: standard.addBeside)) }
        for erase in [0.6, 0.8] { policies.append(KindPolicy(add: standard.add, addErase: erase, addBeside: standard.addBeside)) }
        for beside in [0.0, 0.9, 1.0] { policies.append(KindPolicy(add: standard.add, addErase: standard.addErase, addBeside: beside)) }
        var rules = Tally()
        var refined = [Tally](repeating: Tally(), count: policies.count)
        for (number, part) in parts.enumerated() where !part.isEmpty {
            let training = all.filter { mail in !part.contains { $0.file == mail.file && $0.manifest == mail.manifest } } + extra
            let model = KindModelTrainer.train(training.map { $0.reading.sample(labelled: $0.kinds) })
            var partRules = Tally()
            var partModel = Tally()
            for mail in part {
                partRules.add(mail.reading.classification.kinds, expected: mail.kinds, rules: mail.reading.classification.kinds)
                for (index, policy) in policies.enumerated() {
                    let kinds = model.refine(mail.reading, policy: policy).kinds
                    refined[index].add(kinds, expected: mail.kinds, rules: mail.reading.classification.kinds)
                    if index == 0 {
                        partModel.add(kinds, expected: mail.kinds, rules: mail.reading.classification.kinds)
                        if listMisses && kinds != mail.kinds {
                            let chances = zip(RequestKind.allCases, model.probabilities(of: mail.reading))
                                .map { "\($0.0.rawValue) \(Int(($0.1 * 100).rounded()))%" }.joined(separator: ", ")
                            writer.line("miss: \(mail.file): expected \(names(mail.kinds)), rules \(names(mail.reading.classification.kinds)), read \(names(kinds)) (\(chances))")
                        }
                    }
                }
            }
            rules.merge(partRules)
            writer.line("\(title) part \(number + 1): \(part.count) mails, rules \(partRules.summary), with model \(partModel.summary)")
        }
        writer.line("\(title): rules alone \(rules.summary)")
        for (index, policy) in policies.enumerated() {
            writer.line("\(title): add at \(policy.add), erasure at \(policy.addErase), beside the rules' at \(policy.addBeside): \(refined[index].summary)")
        }
    }

    static func names(_ kinds: Set<RequestKind>) -> String {
        kinds.isEmpty ? "other" : kinds.sorted().map(\.rawValue).joined(separator: "+")
    }

    /// Exact kinds and false erasures over some mails.
    struct Tally {
        var right = 0
        var total = 0
        var falseErasures = 0
        var missedErasures = 0

        var fixed = 0
        var broken = 0

        mutating func add(_ kinds: Set<RequestKind>, expected: Set<RequestKind>, rules: Set<RequestKind>) {
            total += 1
            if kinds == expected && rules != expected { fixed += 1 }
            if kinds != expected && rules == expected { broken += 1 }
            if kinds == expected { right += 1 }
            if kinds.contains(.erase) && !expected.contains(.erase) { falseErasures += 1 }
            if !kinds.contains(.erase) && expected.contains(.erase) { missedErasures += 1 }
        }

        mutating func merge(_ other: Tally) {
            right += other.right
            total += other.total
            falseErasures += other.falseErasures
            missedErasures += other.missedErasures
            fixed += other.fixed
            broken += other.broken
        }

        var summary: String {
            let share = total == 0 ? 0 : Double(right) / Double(total) * 100
            return "\(right)/\(total) (\(String(format: "%.1f", share))%), false erasures \(falseErasures), missed erasures \(missedErasures), fixed \(fixed), broken \(broken)"
        }
    }

    private static func usageError() -> Int32 {
        ClassifyWriter.error(usage)
        return 64
    }
}
