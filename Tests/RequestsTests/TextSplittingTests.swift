import Testing
@testable import Requests

@Suite struct TextSplittingTests {
    @Test func joinsWrappedLinesAndSplitsSentences() {
        let body = "I would like a copy of all the\npersonal data you hold. Please send it\nby e-mail.\n\nThanks,\nAnna"
        #expect(SentenceSplitter.split(body) == [
            "I would like a copy of all the personal data you hold.",
            "Please send it by e-mail.",
            "Thanks,",
            "Anna",
        ])
    }

    @Test func keepsArticleNumbersAndDatesTogether() {
        #expect(SentenceSplitter.split("I refer to Art. 15 GDPR. Thanks") == ["I refer to Art. 15 GDPR.", "Thanks"])
        #expect(SentenceSplitter.split("Am 1. Februar schrieb ich Ihnen.") == ["Am 1. Februar schrieb ich Ihnen."])
    }

    @Test func endsASentenceAfterANumber() {
        #expect(SentenceSplitter.split("My number is 934 56 780. Can you change it?")
                == ["My number is 934 56 780.", "Can you change it?"])
    }

    @Test func listItemsAreSentences() {
        #expect(SentenceSplitter.split("Please:\n- delete my account\n- stop the newsletter").count == 3)
    }

    @Test func foldsContractionsAndMarksClauseBreaks() {
        let tokens = TextFolding.tokens(TextFolding.fold("I don\u{2019}t want this, I'm sure — e-mail me"))
        #expect(tokens == ["i", "do", "not", "want", "this", ",", "i", "am", "sure", ",", "e", "mail", "me"])
    }

    @Test func boundsTheNumberOfSentences() {
        let body = String(repeating: "Line one.\n\n", count: 2000)
        #expect(SentenceSplitter.split(body).count == SentenceSplitter.maxSentences)
    }
}
