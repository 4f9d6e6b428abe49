import Foundation
import Store

/// `dsr.heartbeat`: when each daemon last finished a round in which every
/// stage did its work. The runner records it after such a round; `dsrd
/// status --max-age` reads it, so monitoring can tell a daemon that is
/// running but stuck (or down) from one that works.
public struct DaemonHeartbeat {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// One daemon's last successful round.
    public struct Beat: Sendable, Equatable {
        /// Who recorded it (the runner's name for itself, e.g. the host name).
        public var daemon: String
        public var lastRoundAt: Date
        /// The version of dsrd that ran the round.
        public var version: String

        public init(daemon: String, lastRoundAt: Date, version: String) {
            self.daemon = daemon
            self.lastRoundAt = lastRoundAt
            self.version = version
        }
    }

    /// Records that `daemon` finished a successful round at `at`. A later
    /// round replaces the earlier one; an earlier time never replaces a
    /// later one (two processes under one name, a clock stepped back).
    public func record(daemon: String, at: Date, version: String) throws {
        try connection.execute("""
            INSERT INTO dsr.heartbeat (daemon, last_round_at, version, recorded_at)
            VALUES ($1, $2::timestamptz, $3, now())
            ON CONFLICT (daemon) DO UPDATE SET last_round_at = excluded.last_round_at, version = excluded.version,
                                               recorded_at = now()
            WHERE dsr.heartbeat.last_round_at <= excluded.last_round_at
            """, [.text(daemon), .timestamp(at), .text(version)])
    }

    /// The most recent successful round of any daemon (or of `daemon`
    /// only); nil when none was recorded.
    public func latest(daemon: String? = nil) throws -> Beat? {
        try connection.execute("""
            SELECT daemon, last_round_at, version FROM dsr.heartbeat
            WHERE $1::text IS NULL OR daemon = $1::text
            ORDER BY last_round_at DESC, daemon LIMIT 1
            """, [.string(daemon)]).first.map { row in
            Beat(daemon: try row.string("daemon"), lastRoundAt: try row.date("last_round_at"),
                 version: try row.string("version"))
        }
    }
}
