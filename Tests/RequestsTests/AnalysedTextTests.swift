import MailCore
import Testing
@testable import Requests

@Test func shortTextIsReadWhole() {
    let (text, cut) = AnalysedText.prefix("Please delete all my data.\n")
    #expect(text == "Please delete all my data.\n" && !cut)
}

@Test func longTextIsCutAtALineBreakWithinTheLimit() {
    let line = "Hei, dette er en lang linje med æøå.\n"
    let (text, cut) = AnalysedText.prefix(String(repeating: line, count: 1_000), maximumBytes: 1_000)
    #expect(cut)
    #expect(text.utf8.count <= 1_000 && text.hasSuffix("\n") && text.hasPrefix(line))
}

@Test func aCutWithoutLineBreaksEndsOnAWholeCharacter() {
    let (text, cut) = AnalysedText.prefix(String(repeating: "ø", count: 1_000), maximumBytes: 101)
    #expect(cut && text == String(repeating: "ø", count: 50))
}

/// A request read from a text that had to be cut is left to a person.
@Test func aRequestInACutTextIsBelowTheReviewThreshold() {
    let filler = String(repeating: "Vi gleder oss til konferansen i Bergen.\n", count: 8_000)
    let raw = "From: kari@example.no\r\nSubject: Personvern\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + "Hei, slett alle opplysninger dere har om meg.\n" + filler
    let long = MessageClassification(MessageReader.read(Array(raw.utf8)))
    #expect(long.classification.kinds == [.erase])
    #expect(long.classification.confidence < TriagePolicy.reviewConfidence)
    #expect(long.classification.evidence.contains { $0.hasPrefix("text cut") })
    let short = MessageClassification(MessageReader.read(Array(raw.utf8.prefix(raw.utf8.count - filler.utf8.count))))
    #expect(short.classification.kinds == [.erase])
    #expect(short.classification.confidence >= TriagePolicy.reviewConfidence)
}
