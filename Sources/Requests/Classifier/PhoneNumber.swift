import Foundation
import MailCore

/// Phone number normalisation to E.164.
public enum PhoneNumber {
    /// Normalises a written number: "+47 912 34 567", "0047 91234567" and a
    /// Norwegian "912 34 567" all become "+4791234567". National numbers of
    /// Sweden, Denmark and Germany get their country code when the mail's
    /// language says which country; otherwise the digits are kept as written.
    /// Returns nil when the text holds too few or too many digits.
    public static func normalize(_ text: String, language: Language? = nil) -> String? {
        let trimmed = text.trimmingSpaces()
        var digits = trimmed.filter { $0.isASCII && $0.isNumberFast }
        guard digits.count >= 7, digits.count <= 15 else { return nil }
        if trimmed.hasPrefix("+") { return "+" + digits }
        if digits.hasPrefix("00") {
            digits.removeFirst(2)
            return digits.count >= 7 ? "+" + digits : nil
        }
        switch (language, digits.count) {
        case (.nb?, 8), (.nn?, 8), (nil, 8), (.en?, 8):
            // Norwegian numbers have eight digits and no trunk prefix.
            return digits.first == "0" ? digits : "+47" + digits
        case (.da?, 8):
            return "+45" + digits
        case (.sv?, _) where digits.hasPrefix("0") && digits.count >= 9:
            return "+46" + digits.dropFirst()
        case (.de?, _) where digits.hasPrefix("0") && digits.count >= 9:
            return "+49" + digits.dropFirst()
        case (_, 10) where digits.hasPrefix("47") && digits.dropFirst(2).first.map({ "2345679".contains($0) }) == true:
            return "+" + digits
        default:
            return digits
        }
    }
}
