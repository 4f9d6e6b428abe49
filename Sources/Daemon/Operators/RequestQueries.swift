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
        try await listing(state: state, limit: limit).requests
    }

    /// A listing and whether it was cut.
    public struct Listing: Sendable {
        public var requests: [RequestSummary]
        /// How many there are in all, when `limit` cut the list.
        public var total: Int?
    }

    /// Up to `limit` requests (nil: all), newest first, optionally in one
    /// state only; with the total when there were more.
    public func listing(state: String? = nil, limit: Int?) async throws -> Listing {
        let wanted = try state.map { name in
            guard let known = RequestState(rawValue: name) else { throw OperatorError.unknownState(name) }
            return known
        }
        return try await client.withConnection(retryOnConnectionLoss: true) { connection in
            let views = RequestViews(connection)
            guard let limit else { return Listing(requests: try views.summaries(in: wanted, limit: Int(Int32.max))) }
            var requests = try views.summaries(in: wanted, limit: limit + 1)
            guard requests.count > limit else { return Listing(requests: requests) }
            requests.removeLast(requests.count - limit)
            return Listing(requests: requests, total: try views.count(in: wanted))
        }
    }

    /// Every request whose data subject or requester is `address`: by its
    /// stored forms (`AddressMatcher.storedForms` under `matcher`'s alias
    /// rules) while the address is kept, and by its keyed hash under
    /// `suppressionKey` (`AddressHash`) where an erasure replaced it.
    public func find(address: String, matcher: AddressMatcher, suppressionKey: [UInt8]?) async throws
        -> [(summary: RequestSummary, match: AddressMatch)] {
        var found = matcher.storedForms(address)
        for form in AddressMatcher().storedForms(address) where !found.contains(form) { found.append(form) }
        let forms = found
        guard !forms.isEmpty else { throw OperatorError.notAnAddress }
        let hashes = suppressionKey.map { [AddressHash.hex(address: address, key: $0)] } ?? []
        return try await client.withConnection(retryOnConnectionLoss: true) {
            try RequestViews($0).find(forms: forms, hashes: hashes)
        }
    }

    /// Every request received from the start of `from` to the end of `to`
    /// (Oslo days; nil: no bound), oldest first, as the export shows them.
    public func export(from: Day?, to: Day?, today: Day) async throws -> [InspectionExport.Line] {
        let requests = try await client.withConnection(retryOnConnectionLoss: true) {
            try RequestExportView($0).requests(from: from, to: to)
        }
        return InspectionExport.lines(requests, today: today)
    }

    /// One request with its messages (oldest first) and audit trail (in
    /// order). `senderTrust` judges the opening message of a request that
    /// has no sender verdict recorded (one from before intake kept it).
    public func detail(reference: String, senderTrust: SenderTrust = .none) async throws -> RequestDetail {
        try await detail(.reference(reference), senderTrust: senderTrust)
    }

    /// How the operator names a request: its reference, or the numeric id
    /// that log lines carry (`request_id=42`).
    public enum Key: Sendable, Equatable {
        case reference(String)
        case id(Int)

        /// A word of digits only is an id; anything else a reference.
        public init(_ word: String) {
            if !word.isEmpty, word.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let id = Int(word) {
                self = .id(id)
            } else {
                self = .reference(word)
            }
        }
    }

    public func detail(_ key: Key, senderTrust: SenderTrust = .none) async throws -> RequestDetail {
        guard let overview = try await client.withConnection(retryOnConnectionLoss: true, {
            switch key {
            case .reference(let reference): try RequestViews($0).overview(reference: reference)
            case .id(let id): try RequestViews($0).overview(id: id)
            }
        }) else {
            switch key {
            case .reference(let reference): throw OperatorError.unknownReference(reference)
            case .id(let id): throw OperatorError.unknownRequestID(id)
            }
        }
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
