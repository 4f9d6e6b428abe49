import Foundation
import Testing
@testable import Daemon
@testable import Requests
import MailCore

/// `dsrd evaluate` on a small manifest written for the test.
@Suite struct EvaluateCommandTests {
    private func folder(_ files: [String: String], manifest: String) throws -> String {
        let path = NSTemporaryDirectory() + "dsrd-evaluate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        try manifest.write(toFile: path + "/MANIFEST.tsv", atomically: true, encoding: .utf8)
        return path
    }

    @Test func scoresKindsFalseErasuresValuesAndConfidence() throws {
        let path = try folder([
            "a.txt": "Please delete my account and all my data.\n",
            "b.txt": "Please send me a copy of the data you hold about me.\n",
            "c.txt": "My new phone number is 412 34 567. Please update it.\n",
            "d.txt": "Please delete my account and all my data.\n",
        ], manifest: """
            file\tlang\texpected_kinds\tauto\trectify_fields
            a.txt\ten\terase\tno\t-
            b.txt\ten\tother\tno\t-
            c.txt\ten\trectify\tno\tphone=41234567
            d.txt\ten\taccess\tno\t-

            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cases = try EvaluationCase.load(path + "/MANIFEST.tsv").get()
        var score = EvaluationScore()
        var right: [Bool] = []
        for item in cases {
            let bytes = try #require(try? ClassifyFiles.read(item.path).get())
            right.append(score.add(item, MessageClassification(MessageReader.read(bytes))))
        }
        #expect(right == [true, false, true, false])
        let report = score.report()
        // d.txt, labelled access, is read as a confident erasure: a false erasure no review would catch.
        #expect(report[0] == "messages 4: exact kinds 2/4 (50.0%), false erasures 1 (1 at or above the review threshold \(TriagePolicy.reviewConfidence))")
        #expect(report[2].hasPrefix("correction values 1/1 (100.0%)"))
        #expect(report.contains { $0.hasPrefix("per kind: ") && $0.contains("other 0/1 (0.0%)") })
        // b.txt is read as access and d.txt as erasure, each with a confidence of at least 0.6: two wrong kinds above the threshold.
        let wrongAbove = report.filter { $0.hasPrefix("  0.6") || $0.hasPrefix("  0.8") || $0.hasPrefix("  0.9") }
            .compactMap { line in line.split(separator: ",").last.flatMap { Int($0.split(separator: "/").first?.trimmingCharacters(in: .whitespaces) ?? "") } }
        #expect(wrongAbove.reduce(0, +) == 2)
    }

    @Test func aManifestWithoutItsColumnsIsRefused() throws {
        let path = try folder([:], manifest: "name\tkind\nx.txt\terase\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let error) = EvaluationCase.load(path + "/MANIFEST.tsv") else {
            Issue.record("a manifest without a file column was accepted")
            return
        }
        #expect(error.description.contains("no file column"))
        #expect(EvaluateCommand.run([path + "/MANIFEST.tsv"]) == 1)
    }
}
