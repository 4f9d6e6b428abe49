import Testing
@testable import Requests

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("+47 912 34 567", Language.nb, "+4791234567"),
        ("912 34 567", .nb, "+4791234567"),
        ("0047 91234567", .en, "+4791234567"),
        ("91 23 45 67", .nn, "+4791234567"),
        ("(+47) 412-34-567", .en, "+4741234567"),
        ("070-123 45 67", .sv, "+46701234567"),
        ("20 12 34 56", .da, "+4520123456"),
        ("0171 2345678", .de, "+491712345678"),
        ("+46 70 123 45 67", .nb, "+46701234567"),
    ])
    func normalisesToE164(_ written: String, _ language: Language, _ expected: String) {
        #expect(PhoneNumber.normalize(written, language: language) == expected)
    }

    @Test func rejectsTooFewOrTooManyDigits() {
        #expect(PhoneNumber.normalize("123", language: .nb) == nil)
        #expect(PhoneNumber.normalize("1234567890123456789", language: .nb) == nil)
        #expect(PhoneNumber.normalize("", language: nil) == nil)
    }

    @Test func keepsNumbersOfUnclearCountryAsDigits() {
        #expect(PhoneNumber.normalize("0123 456 789", language: .en) == "0123456789")
    }
}
