/// Which names each reply template may use, and of what kind.
///
/// Loading checks every template file against this, so a misspelt placeholder
/// is found when the daemon starts and not when a reply is due.
public enum TemplateCatalog: Sendable {
    /// Names every template may use.
    public static let common: [String: TemplatePlaceholder] = [
        "reference": .text,        // DSR-2026-7KQ3M
        "organisation": .text,     // the company's name
        "dpo_address": .text,      // where to reach the data protection officer
        "received_date": .text,
        "due_date": .text,
        // How long a closed request's record is kept: "3 years", "3 år".
        "case_period": .text,
    ]

    /// One flag per kind of request; the template words each in its language.
    public static let kindFlags: [String: TemplatePlaceholder] = [
        "access": .flag, "rectify": .flag, "erase": .flag, "object": .flag,
    ]

    /// The names `template` may use: the common ones and its own.
    public static func placeholders(for template: ReplyTemplate) -> [String: TemplatePlaceholder] {
        common.merging(specific(to: template), uniquingKeysWith: { _, own in own })
    }

    /// The names only `template` uses.
    public static func specific(to template: ReplyTemplate) -> [String: TemplatePlaceholder] {
        switch template {
        case .receipt:
            return kindFlags
        case .accessCompleted:
            return [
                "categories": .list("name", "count"),
                "attachment_name": .text,
                "recipients": .list("name", "date"),
            ]
        case .rectifyCompleted:
            return ["changes": .list("field", "new_value")]
        case .eraseCompleted:
            return [
                "erased": .list("category"),
                "kept": .list("category", "reason", "until"),
                "consent_only": .flag,
            ]
        case .objectCompleted:
            return ["changes": .list("what", "from_date")]
        case .confirmationNeeded, .confirmationReminder:
            return kindFlags.merging([
                "token": .text, "expires_date": .text,
                // The address the request came from, when it is not the one asked.
                "requested_by": .optionalText,
                // A correction's new values, so the person sees what would change.
                "changes": .list("field", "new_value"),
            ], uniquingKeysWith: { $1 })
        case .partnerNotice:
            return [
                "subject_address": .optionalText, "person": .list("field", "value"), "disclosures": .list("date", "fields"),
                "erased": .flag, "rectified": .flag, "changes": .list("field", "new_value"), "objected": .flag,
            ]
        case .noData:
            // The request named another address than the sender's (never repeated).
            return ["other_address": .flag]
        case .confirmationExpired, .accessTooLarge:
            return [:]
        case .moreInformation:
            return ["fields": .list("name"), "problem": .optionalText]
        case .extension:
            return ["new_due_date": .text, "reason": .text]
        case .refusal:
            return ["reason": .text]
        case .operatorNote:
            return kindFlags.merging(["state": .text, "reason": .optionalText, "sender_verdict": .optionalText],
                                     uniquingKeysWith: { $1 })
        }
    }
}
