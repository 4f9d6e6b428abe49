/// Which names each reply template may use, and of what kind.
///
/// Loading checks every template file against this, so a misspelt placeholder
/// is found when the daemon starts and not when a reply is due.
public enum TemplateCatalog: Sendable {
    /// Names every template may use.
    public static let common: [String: TemplatePlaceholder] = [
        "reference": .text,        // DSR-2026-7KQ3M
        "organisation": .text,     // the company's name
        "dpo_address": .text,      // where to reach the privacy contact (or the DPO)
        // A data protection officer is designated (`organisation.dpo_designated`):
        // only then may a reply use that title (GDPR Art. 37–39).
        "dpo_designated": .flag,
        "received_date": .text,
        "due_date": .text,
        // How long a closed request's record is kept: "3 years", "3 år".
        "case_period": .text,
    ]

    /// One flag per kind of request; the template words each in its language.
    public static let kindFlags: [String: TemplatePlaceholder] = [
        "access": .flag, "rectify": .flag, "erase": .flag, "object": .flag,
    ]

    /// One flag per named ground of `decision` (`DecisionGround.flag`).
    static func groundFlags(_ decision: DecisionGround.Decision) -> [String: TemplatePlaceholder] {
        Dictionary(uniqueKeysWithValues: DecisionGround.all(for: decision).map { ($0.flag, TemplatePlaceholder.flag) })
    }

    /// The names `template` may use: the common ones and its own.
    public static func placeholders(for template: ReplyTemplate) -> [String: TemplatePlaceholder] {
        common.merging(specific(to: template), uniquingKeysWith: { _, own in own })
    }

    /// The names only `template` uses.
    public static func specific(to template: ReplyTemplate) -> [String: TemplatePlaceholder] {
        switch template {
        case .receipt:
            // A correction's new values as read, so the person can put a misreading right.
            return kindFlags.merging(["changes": .list("field", "new_value")], uniquingKeysWith: { $1 })
        case .accessCompleted:
            // What the copy holds and, from the data map, what is said of
            // each of its categories (see `AccessReplyValues`).
            return [
                "categories": .list("name", "count"),
                "purposes": .list("categories", "purpose", "legal_basis"),
                "retention": .list("categories", "text"),
                "sources": .list("categories", "text"),
                "shared_with": .list("categories", "text"),
                "special_categories": .list("name", "legal_basis"),
                "recipients": .list("name", "date"),
                "processors": .list("name", "service", "country", "safeguard"),
                "transfers": .text,
                "attachment_name": .text,
                "readable_name": .text,
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
            // sharing_stopped: the customer record now says "do not share";
            // suppressed: the address went on the suppression list (marketing).
            return ["changes": .list("what", "from_date"), "sharing_stopped": .flag, "suppressed": .flag]
        case .confirmationNeeded, .confirmationReminder:
            return kindFlags.merging([
                "token": .text, "expires_date": .text,
                // The address the request came from, when it is not the one asked.
                "requested_by": .optionalText,
                // A correction's new values, so the person sees what would change.
                "changes": .list("field", "new_value"),
            ], uniquingKeysWith: { $1 })
        case .partnerNotice:
            // list_dates: the days of the disclosures, for "do not use the
            // list we sent on …" after an objection (several_dates: more than one).
            return [
                "subject_address": .optionalText, "person": .list("field", "value"), "disclosures": .list("date", "fields"),
                "erased": .flag, "rectified": .flag, "changes": .list("field", "new_value"), "objected": .flag,
                "list_dates": .text, "several_dates": .flag,
            ]
        case .noData:
            // The request named another address than the sender's (never repeated).
            return ["other_address": .flag]
        case .confirmationExpired, .accessTooLarge:
            return [:]
        case .moreInformation:
            return ["fields": .list("name"), "problem": .optionalText]
        case .extension:
            // reason: the operator's text in the reply's language ("" with a ground only).
            return groundFlags(.extension).merging(["new_due_date": .text, "reason": .text], uniquingKeysWith: { $1 })
        case .refusal:
            return groundFlags(.refusal).merging(["reason": .text], uniquingKeysWith: { $1 })
        case .operatorNote:
            return kindFlags.merging(["state": .text, "reason": .optionalText, "sender_verdict": .optionalText],
                                     uniquingKeysWith: { $1 })
        }
    }
}
