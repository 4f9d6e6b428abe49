import Records
import Requests

extension ReplyWriter.Context {
    /// A mail about `request` to `recipient` in the request's reply
    /// language (or `language`), with its current deadline; threaded under
    /// `inReplyTo` and `references` when given.
    public init(request: RequestRecord, recipient: String, language: ReplyLanguage? = nil, inReplyTo: String? = nil,
                references: [String] = []) {
        self.init(requestID: request.id, reference: request.reference, language: language ?? request.replyLanguage,
                  recipient: recipient, receivedOn: request.receivedOn, dueOn: request.deadline,
                  inReplyTo: inReplyTo, references: references)
    }
}
