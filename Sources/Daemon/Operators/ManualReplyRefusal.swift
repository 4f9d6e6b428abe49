import LogSafety
import Requests

/// Why `--reply TEMPLATE` was refused. Names templates only.
public enum ManualReplyRefusal: LogSafeError, Sendable, Equatable {
    case unknown(String, allowed: [ReplyTemplate])
    case notByHand(ReplyTemplate, allowed: [ReplyTemplate])

    public var description: String {
        switch self {
        case .unknown(let name, let allowed):
            "unknown reply template '\(name)' (--reply takes \(Self.list(allowed)))"
        case .notByHand(let template, let allowed):
            "\(template.rawValue) cannot be sent by hand: it needs what only dsrd's own fulfilment fills in "
                + "(lists of categories, changes or erased data) or is not a final answer; --reply takes "
                + "\(Self.list(allowed)), or give --no-reply and write to the person yourself"
        }
    }

    private static func list(_ templates: [ReplyTemplate]) -> String {
        templates.map(\.rawValue).joined(separator: ", ")
    }
}
