import Foundation
import MailCore
import Records
import Requests
import Store

/// What `dsrd requests` shows: the reads of `RequestViews`, each sent once
/// more on a new connection when the connection was lost, and for one
/// request the sender verdict the operator sees.
public struct RequestQueries: Sendable {
    /// The states a request can be in (`dsr.requests.state`).
    public static let states = RequestState.allCases.map(\.rawValue)

    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// Requests, newest first, optionally in one state only.
    public func list(state: String? = nil, limit: Int = 1000) async throws -> [RequestSummary] {
        let wanted = try state.map { name in
            guard let known = RequestState(rawValue: name) else { throw OperatorError.unknownState(name) }
            return known
        }
        return try await client.withConnection(retryOnConnectionLoss: true) {
            try RequestViews($0).summaries(in: wanted, limit: limit)
        }
    }

    /// One request with its messages (oldest first) and audit trail (in
    /// order). `senderTrust` judges the opening message of a request that
    /// has no sender verdict recorded (one from before intake kept it).
    public func detail(reference: String, senderTrust: SenderTrust = .none) async throws -> RequestDetail {
        guard let overview = try await client.withConnection(retryOnConnectionLoss: true, {
            try RequestViews($0).overview(reference: reference)
        }) else { throw OperatorError.unknownReference(reference) }
        let id = overview.id
        let opening = try await client.withConnection(retryOnConnectionLoss: true) {
            try RequestRecords($0).openingMessage(of: id)
        }.map { MessageReader.read($0) }
        let from = opening?.from.first
        var verdict = SenderVerdictText.unknown
        if let recorded = overview.recordedSenderVerdict, !recorded.isEmpty {
            verdict = SenderVerdictText(text: recorded, source: .intake)
        } else if let opening {
            verdict = SenderVerdictText(text: Self.text(of: senderTrust.verdict(of: opening)), source: .storedMessage)
        }
        let messages = try await client.withConnection(retryOnConnectionLoss: true) {
            try RequestViews($0).messages(of: id)
        }
        let audit = try await client.withConnection(retryOnConnectionLoss: true) { try RequestViews($0).audit(of: id) }
        return RequestDetail(
            overview: overview,
            requesterAddress: overview.recordedRequester.flatMap { $0.isEmpty ? nil : $0 } ?? from?.address,
            requesterName: from?.displayName, senderVerdict: verdict, messages: messages, audit: audit)
    }

    /// `pass (dmarc=pass)`, `unverified (no Authentication-Results)`, …
    static func text(of verdict: SenderVerdict) -> String {
        let word = switch verdict {
        case .pass: "pass"
        case .fail: "fail"
        case .unverified: "unverified"
        }
        return "\(word) (\(verdict.reason))"
    }
}
