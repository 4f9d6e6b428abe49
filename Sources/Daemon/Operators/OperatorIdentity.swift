import Foundation

/// Who made a decision. The name the audit trail keeps (`operator:kari`) is
/// the one the operating system vouches for: the login behind `sudo` when
/// the command runs as root under sudo, else the login of the process's
/// real user. A name typed with `--operator` (or `$DSRD_OPERATOR`) is free
/// text anyone can type, so it is recorded beside that login (`typed_name`
/// in the event's details), never instead of it.
public struct OperatorIdentity: Sendable, Equatable, CustomStringConvertible {
    /// The login the operating system names.
    public var login: String
    /// The name typed, if any.
    public var typedName: String?

    public init(login: String, typedName: String? = nil) {
        self.login = login
        self.typedName = typedName
    }

    /// The audit trail's actor.
    public var actor: String { "operator:" + login }

    /// What goes into the decision's audit details besides its own facts.
    public var auditDetails: [String: Any] { typedName.map { ["typed_name": $0] } ?? [:] }

    /// For the operator's terminal: `kari`, or `kari (typed: per)`.
    public var description: String { login + (typedName.map { " (typed: \($0))" } ?? "") }

    /// The identity of this process. `$SUDO_USER` is believed only when the
    /// real user is root: sudo sets it there, and root could name anyone
    /// anyway; any other user can put any name in their own environment,
    /// so for them it is their own login that counts.
    public static func resolve(typed: String?, environment: [String: String], realUID: uid_t = getuid(),
                               loginOf: (uid_t) -> String? = OperatorIdentity.login(of:))
        throws(DecisionRefusal) -> OperatorIdentity {
        let login: String
        if realUID == 0, let sudoUser = environment["SUDO_USER"], !sudoUser.isEmpty {
            login = sudoUser
        } else {
            login = loginOf(realUID) ?? "uid-\(realUID)"
        }
        guard isValid(login) else { throw .badLogin }
        let typed = [typed, environment["DSRD_OPERATOR"]].lazy.compactMap { $0 }.first { !$0.isEmpty }
        if let typed, !isValid(typed) { throw .badOperatorName }
        return OperatorIdentity(login: login, typedName: typed)
    }

    /// The user name of `uid` in the password database.
    public static func login(of uid: uid_t) -> String? {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return nil }
        let text = String(cString: name)
        return text.isEmpty ? nil : text
    }

    static func isValid(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_@".unicodeScalars.contains(scalar)
        }
    }
}
