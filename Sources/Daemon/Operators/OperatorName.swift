/// Who made a decision, as the audit trail names them (`operator:kari`).
public enum OperatorName {
    /// The environment variables read, in order, when no name is given:
    /// an explicit one, then the login behind `sudo`, then the login.
    public static let environmentVariables = ["DSRD_OPERATOR", "SUDO_USER", "USER", "LOGNAME"]

    /// The name given with `--operator`, else the first set variable of
    /// `environmentVariables`. A name is checked, never altered.
    public static func resolve(explicit: String?, environment: [String: String]) throws(DecisionRefusal) -> String {
        let candidates = [explicit] + environmentVariables.map { environment[$0] }
        guard let name = candidates.lazy.compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw .noOperatorName
        }
        guard isValid(name) else { throw .badOperatorName }
        return name
    }

    /// The audit trail's actor for a decision by `name`.
    public static func actor(_ name: String) -> String { "operator:" + name }

    static func isValid(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_@".unicodeScalars.contains(scalar)
        }
    }
}
