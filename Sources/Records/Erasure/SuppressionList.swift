import Store

/// Why an address is on the suppression list.
public enum SuppressionReason: String, Sendable, CaseIterable, Codable {
    /// The person's data was erased: never import or contact them again unasked.
    case erased
    /// The person objected to direct marketing (GDPR Art. 21(3)): absolute.
    case marketingObjection = "marketing_objection"
}

/// `dsr.suppression`: addresses we must not contact or share again, kept as
/// keyed hashes so the list itself holds no address. The hash (HMAC-SHA256
/// hex of the lowercased address) is computed by the caller, which holds the key.
public struct SuppressionList {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Adds the hash with `reason`, or adds the reason to an existing entry.
    public func add(addressHash: String, reason: SuppressionReason) throws {
        try Self.checkHash(addressHash)
        try connection.execute("""
            INSERT INTO dsr.suppression (address_hmac, reasons) VALUES ($1, ARRAY[$2::text])
            ON CONFLICT (address_hmac) DO UPDATE SET
                reasons = CASE WHEN $2::text = ANY (dsr.suppression.reasons) THEN dsr.suppression.reasons
                               ELSE dsr.suppression.reasons || $2::text END,
                last_at = now()
            """, [.text(addressHash), .text(reason.rawValue)])
    }

    public func contains(addressHash: String) throws -> Bool {
        !(try reasons(addressHash: addressHash)).isEmpty
    }

    /// The reasons recorded for the hash; empty when it is not listed.
    public func reasons(addressHash: String) throws -> [SuppressionReason] {
        let result = try connection.execute(
            "SELECT unnest(reasons) AS reason FROM dsr.suppression WHERE address_hmac = $1", [.text(addressHash)])
        return result.rows.compactMap { $0["reason"].flatMap(SuppressionReason.init(rawValue:)) }
    }

    /// A hash in the wrong form is a programming error upstream; refusing it
    /// here keeps a plain address from ever reaching the table.
    static func checkHash(_ hash: String) throws {
        guard hash.utf8.count == 64, hash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            throw PostgresError(kind: .unexpectedResult, context: "suppression list: not a lowercase hex HMAC-SHA256")
        }
    }
}
