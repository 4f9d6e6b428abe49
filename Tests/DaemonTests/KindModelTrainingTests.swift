import Foundation
import Testing
@testable import Daemon
@testable import Requests

/// The kind model built into the classifier is what `dsrd train-kinds`
/// gives on the manifests it names, so it can always be trained again.
@Suite struct KindModelTrainingTests {
    private var packageFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    @Test func theBuiltInModelIsWhatTrainingGives() throws {
        let manifests = KindModel.trainedOn.map { packageFolder + "/" + $0 }
        let mails = try #require(TrainKindsCommand.load(manifests))
        #expect(mails.count > 2000)
        let model = KindModelTrainer.train(mails.map { $0.reading.sample(labelled: $0.kinds) })
        #expect(model == KindModel.trained)
        #expect(model.text == KindModel.trainedText)
    }

    @Test func theWrittenSourceHoldsTheModelAndItsManifests() throws {
        let model = KindModel(weights: ["bias": [-1, -2, -3, -4], "w:slett": [0, 0, 2.5, 0]])
        let source = KindModelSource.swift(model, trainedOn: ["Tests/Evaluation/a/MANIFEST-tune.tsv"])
        #expect(source.contains("\"Tests/Evaluation/a/MANIFEST-tune.tsv\","))
        let start = try #require(source.range(of: "#\"\"\"\n"))
        let end = try #require(source.range(of: "\n\"\"\"#"))
        #expect(KindModel(text: String(source[start.upperBound..<end.lowerBound])) == model)
    }

    @Test func usageErrorsAreRefused() {
        #expect(TrainKindsCommand.run([]) == 64)
        #expect(TrainKindsCommand.run(["--folds", "1", "x.tsv"]) == 64)
        #expect(TrainKindsCommand.run(["x.tsv"]) == 64)
        #expect(TrainKindsCommand.run(["--bogus", "x.tsv", "--folds", "3"]) == 64)
        #expect(TrainKindsCommand.run(["/nonexistent/MANIFEST.tsv", "--folds", "3"]) == 1)
    }
}
