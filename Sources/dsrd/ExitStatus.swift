import Daemon
import Requests
import Store

/// How a command ends, in the words of sysexits.h (as Postfix and sendmail
/// use them), so a script or systemd (`RestartPreventExitStatus=`) can tell
/// a typo from a bad configuration from a server that is down.
enum ExitStatus: Int32, Error {
    /// It did what was asked.
    case ok = 0
    /// It ran and refused, or found nothing: an unknown reference, a
    /// decision the rules do not allow, a check that failed.
    case failure = 1
    /// EX_USAGE: the words were wrong (unknown command or option, a
    /// missing value); nothing was read or written.
    case usage = 64
    /// EX_UNAVAILABLE: a server cannot be reached (PostgreSQL; for `probe`
    /// also IMAP or SMTP), or `status` finds no recent round.
    case unavailable = 69
    /// EX_TEMPFAIL: the connection broke mid-command or the database asked
    /// to try again (serialization failure, deadlock); running the command
    /// again is safe.
    case temporaryFailure = 75
    /// EX_NOPERM: the database role may not do this (see README, "The
    /// operators' database role").
    case noPermission = 77
    /// EX_CONFIG: no configuration, or one with problems (templates
    /// missing, a secret unreadable), or a schema older than this dsrd.
    case config = 78

    /// The status for a command that failed with `error`, and a hint for
    /// the operator when there is one.
    static func of(_ error: any Error) -> (status: ExitStatus, hint: String?) {
        switch error {
        case let error as PostgresError:
            switch error.kind {
            case .connectionFailed:
                return (.unavailable, "PostgreSQL cannot be reached with the configured postgres settings")
            case .connectionLost:
                return (.temporaryFailure, "the connection to PostgreSQL broke: the outcome is unknown; run the command again")
            case .statementFailed where error.isRetryableTransactionFailure || error.sqlState == "55P03":
                return (.temporaryFailure, "the database asked to try again; run the command again")
            case .statementFailed where error.sqlState == "42501":
                return (.noPermission, "the database role lacks a privilege for this command (README: the operators' database role)")
            case .statementFailed where ["42P01", "42703", "3F000"].contains(error.sqlState ?? ""):
                return (.config, "schema dsr is older than this dsrd: run dsrd migrate")
            default:
                return (.failure, nil)
            }
        case is DaemonComponents.LoadFailure:
            return (.config, nil)
        default:
            return (.failure, nil)
        }
    }
}
