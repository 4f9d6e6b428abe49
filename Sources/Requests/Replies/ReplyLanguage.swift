import Foundation

/// The languages replies are written in.
public enum ReplyLanguage: String, Sendable, CaseIterable, Codable {
    /// Norwegian bokmål.
    case nb
    case en

    /// The reply language for a writer whose language is `code` (`nb`, `nn-NO`,
    /// `sv_SE`, `EN`, `nob`…). Norwegian (nb, nn, no), Swedish and Danish
    /// readers get bokmål, which they read without trouble; everyone else
    /// gets English.
    public static func forWriter(_ code: String) -> ReplyLanguage {
        let primary = code.trimmingCharacters(in: .whitespaces)
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" })
            .first
            .map { $0.lowercased() } ?? ""
        switch primary {
        case "nb", "nn", "no", "sv", "da", "nob", "nno", "nor", "swe", "dan": return .nb
        default: return .en
        }
    }
}
