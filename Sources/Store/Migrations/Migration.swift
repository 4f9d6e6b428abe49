
/// One versioned change to a schema (dsrd's own, `dsr`, is `DSRSchema` in
/// Records). Versions only grow; a migration, once released, is never
/// edited: a change is a new migration.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: [String]

    public init(version: Int, name: String, sql: [String]) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
