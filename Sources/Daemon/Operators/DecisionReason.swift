import Foundation
import Requests

/// Why an operator refuses a request or extends its deadline, as the person
/// reads it: named grounds (`DecisionGround`, worded by the templates in the
/// reply's language) and/or free text per reply language. Text typed without
/// a language (`--reason`) is taken as written in the request's reply
/// language; the command prints that language, and `--preview` shows the mail.
public struct DecisionReason: Sendable, Equatable {
    public var grounds: [DecisionGround]
    /// Free text per reply language; blank texts are left out.
    public var texts: [ReplyLanguage: String]
    /// Free text meant for whatever language the request's replies are in.
    public var replyLanguageText: String?

    public init(grounds: [DecisionGround] = [], texts: [ReplyLanguage: String] = [:], replyLanguageText: String? = nil) {
        self.grounds = grounds
        self.texts = texts.compactMapValues(Self.trimmed)
        self.replyLanguageText = replyLanguageText.flatMap(Self.trimmed)
    }

    /// The free text the person reads in `language` ("" when only grounds are given).
    public func text(_ language: ReplyLanguage) -> String {
        texts[language] ?? replyLanguageText ?? ""
    }

    /// Whether a reply in `language` has a reason: a ground, or text for it.
    public func isComplete(for language: ReplyLanguage) -> Bool {
        !grounds.isEmpty || !text(language).isEmpty
    }

    /// The template values: `reason` and one flag per ground of `decision`.
    public func templateValues(_ language: ReplyLanguage, decision: DecisionGround.Decision) -> TemplateValues {
        var values: TemplateValues = ["reason": .text(text(language))]
        for ground in DecisionGround.all(for: decision) {
            values[ground.flag] = .flag(grounds.contains(ground))
        }
        return values
    }

    /// What the audit trail and `state_reason` keep: the grounds by name and
    /// the text in the reply's language (`ground art12-5; Already answered.`).
    public func summary(_ language: ReplyLanguage) -> String {
        (grounds.map { "ground \($0.rawValue)" } + [text(language)].filter { !$0.isEmpty }).joined(separator: "; ")
    }

    private static func trimmed(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
