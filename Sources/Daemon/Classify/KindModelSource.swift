import Requests

/// The Swift source that builds a trained kind model into the classifier
/// (`Sources/Requests/Classifier/KindModel+Trained.swift`), with the
/// manifests it was trained on, so a test can train it again and compare.
/// The literal ends with an empty line: a multi-line literal drops the
/// newline before its closing quotes, and the text form ends with one.
enum KindModelSource {
    static func swift(_ model: KindModel, trainedOn manifests: [String]) -> String {
        let list = manifests.map { "        \"\($0)\",\n" }.joined()
        return """
            extension KindModel {
                /// The manifests the model was trained on, from the package's folder.
                public static let trainedOn = [
            \(list)    ]

                /// Written by `dsrd train-kinds --write`; do not edit by hand.
                static let trainedText = #\"\"\"
            \(model.text)
            \"\"\"#
            }

            """
    }
}
