import Records
import Requests
import Store

extension OperatorDigest {
    /// The digest of `day`, from the open requests (`OpenRequests`) as the
    /// caller's transaction sees them.
    static func read(day: Day, in connection: PostgresConnection) throws -> OperatorDigest {
        let open = OpenRequests(connection)
        let counts = try open.countsByState().map { ($0.key.rawValue, $0.value) }
        let entries = try open.due(onOrBefore: day.adding(days: window)).map { due in
            Entry(reference: due.reference, state: due.state.rawValue, kinds: due.kinds.map(\.rawValue),
                  dueOn: due.dueOn, extended: due.extended)
        }
        return OperatorDigest(day: day, openByState: Dictionary(uniqueKeysWithValues: counts), entries: entries)
    }
}
