import Requests

/// Which reply an operator may send when closing a request by hand (`dsrd
/// requests complete --reply TEMPLATE`), and with what values. Pure.
///
/// Only a final answer to the data subject qualifies (not a receipt, a
/// confirmation step, a refusal or a notice to others), and only one that
/// the request alone fills in: a template whose own placeholders are all
/// flags or optional text. The completion replies that list what was done
/// (categories copied, fields changed, data erased) are left out: their
/// lists come from dsrd's own fulfilment, and sent empty they would tell
/// the person that nothing was done. The set follows `TemplateCatalog`, so
/// a template that gains a list drops out by itself.
public enum ManualReply {
    /// The answers that close a request.
    static let answers: [ReplyTemplate] = [.accessCompleted, .rectifyCompleted, .eraseCompleted, .objectCompleted, .noData]

    /// The templates `--reply` accepts, in catalogue order.
    public static var allowed: [ReplyTemplate] {
        answers.filter { template in
            TemplateCatalog.specific(to: template).values.allSatisfy { $0.kind == .flag || !$0.isRequired }
        }
    }

    /// The template named `name`, when `--reply` may send it.
    public static func template(named name: String) throws(ManualReplyRefusal) -> ReplyTemplate {
        guard let template = ReplyTemplate(rawValue: name) else { throw .unknown(name, allowed: allowed) }
        guard allowed.contains(template) else { throw .notByHand(template, allowed: allowed) }
        return template
    }

    /// Its values beyond the common ones: the request's kinds as flags
    /// (every other flag off, optional text left out).
    public static func values(for kinds: Set<RequestKind>) -> TemplateValues {
        ReplyWriter.kindFlags(kinds)
    }
}
