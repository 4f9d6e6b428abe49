import Testing
@testable import Requests

/// The rectification columns of a map like the reference one (fictional names only).
private let columns = [
    "first_name": "first_name", "last_name": "last_name", "email": "email", "phone": "phone",
    "organization": "organization", "title": "title", "nationality": "nationality",
]

@Suite("Rectification validation (GDPR Art. 16)")
struct FulfilmentRectificationValidationTests {
    @Test func goodValuesAreNormalisedAndMapped() {
        let plan = RectificationValidation.plan(
            fields: [.phone: " +47 912 34 567 ", .nationality: "se", .lastName: "  Nordby   Hansen ", .title: "CTO"],
            columns: columns, language: .nb)
        #expect(plan.problems.isEmpty)
        #expect(plan.changes == [
            .init(field: .lastName, column: "last_name", value: "Nordby Hansen"),
            .init(field: .nationality, column: "nationality", value: "SE"),
            .init(field: .phone, column: "phone", value: "+4791234567"),
            .init(field: .title, column: "title", value: "CTO"),
        ])
        #expect(plan.pendingEmail == nil)
        #expect(plan.unmapped.isEmpty)
    }

    @Test func nationalNumbersFollowTheLanguage() {
        #expect(RectificationValidation.normalized("912 34 567", field: .phone, language: .nb) == .success("+4791234567"))
        #expect(RectificationValidation.normalized("070-123 45 67", field: .phone, language: .sv) == .success("+46701234567"))
    }

    @Test("impossible values are problems", arguments: [
        (RectificationField.firstName, "   ", RectificationProblem.empty(.firstName)),
        (.lastName, "", .empty(.lastName)),
        (.phone, "12 34", .impossiblePhone),
        (.phone, "1234567890123456789", .impossiblePhone),
        (.phone, "0123 45 678", .impossiblePhone),  // a national number of no known country
        (.nationality, "Norwegian", .unknownCountryCode),
        (.nationality, "XX", .unknownCountryCode),
        (.email, "not-an-address", .invalidEmail),
        (.firstName, "Kari\u{7}", .unusableText(.firstName)),
        (.organization, "12345", .unusableText(.organization)),
    ])
    func problems(_ field: RectificationField, _ value: String, _ problem: RectificationProblem) {
        let plan = RectificationValidation.plan(fields: [field: value], columns: columns, language: .en)
        #expect(plan.problems == [problem])
        #expect(plan.changes.isEmpty)
    }

    @Test("links and messages are no names, titles or organisations", arguments: [
        (RectificationField.title, "URGENT – your partner account is suspended, verify at janteloppet-partner.example"),
        (.title, "Sales, see https://example.com"),
        (.title, "Daglig leder (janteloppet-partner.example)"),
        (.organization, "www.example.com"),
        (.organization, "Bergen.net AS"),
        (.organization, "Eksempel AS hxxp://example.net"),
        (.firstName, "Kari.Nordmann"),
        (.firstName, "Kari!"),
        (.firstName, "Please call us about your account"),
        (.lastName, "Nordmann2"),
        (.title, "Leder <b>"),
        (.title, "Sjef @ Eksempel"),
        (.address, "Storgata 1, see http://example.org"),
        (.dietary, "Se www.example.org"),
    ])
    func linkLikeOrMessageLikeValuesAreRefused(_ field: RectificationField, _ value: String) {
        #expect(RectificationValidation.normalized(value, field: field, language: .en) == .failure(.unusableText(field)))
    }

    @Test func freeTextHasLengthLimits() {
        let limits: [(RectificationField, Int)] = [(.firstName, 60), (.lastName, 80), (.title, 100), (.organization, 120),
                                                   (.address, 200), (.dietary, 500)]
        for (field, limit) in limits {
            let fits = String(repeating: "a", count: limit)
            #expect(RectificationValidation.normalized(fits, field: field, language: .nb) == .success(fits), "\(field)")
            #expect(RectificationValidation.normalized(fits + "a", field: field, language: .nb) == .failure(.unusableText(field)))
        }
    }

    @Test("honest names, titles and organisations pass", arguments: [
        (RectificationField.firstName, "Anne-Marie"), (.firstName, "Kari B."), (.lastName, "O’Brien"), (.lastName, "van der Berg"),
        (.lastName, "Ødegård"), (.title, "Head of R&D"), (.title, "CEO & Founder"), (.title, "Ph.D. student"),
        (.title, "Leder, økonomi/regnskap"), (.organization, "Smith & Partners Ltd"), (.organization, "Bølgen Lyd og Lys AS"),
        (.organization, "3M Norge AS"), (.organization, "Nordmann Regnskap A.S."), (.organization, "Eksempel AS (avd. Oslo)"),
        (.address, "Storgata 1, 0155 Oslo"), (.dietary, "glutenfri, ingen nøtter"),
    ])
    func honestValuesPass(_ field: RectificationField, _ value: String) {
        #expect(RectificationValidation.normalized(value, field: field, language: .nb) == .success(value))
    }

    @Test func emailIsPendingAndUnmappedFieldsAreReported() {
        let plan = RectificationValidation.plan(
            fields: [.email: "kari.ny@example.no", .dietary: "vegetar", .address: "Storgata 1", .firstName: "Kari"],
            columns: columns, language: .nb)
        #expect(plan.problems.isEmpty)
        #expect(plan.pendingEmail == "kari.ny@example.no")
        #expect(plan.unmapped == [.address, .dietary])
        #expect(plan.changes == [.init(field: .firstName, column: "first_name", value: "Kari")])
    }

    @Test func problemTextsNameTheFieldButNotTheValue() {
        for language in ReplyLanguage.allCases {
            let text = RectificationProblem.empty(.lastName).text(language)
            #expect(text.contains(language == .nb ? "etternavn" : "last name"))
            #expect(!RectificationProblem.impossiblePhone.text(language).isEmpty)
        }
        let values = RectificationOutcome.moreInformationValues(
            problems: [.impossiblePhone, .unknownCountryCode], rectifiable: ["phone", "first_name"], language: .en)
        #expect(values["fields"] == .list([["name": "first name"], ["name": "phone number"]]))
        guard case .text(let problem)? = values["problem"] else {
            Issue.record("no problem text")
            return
        }
        #expect(problem.contains("phone number") && problem.contains("country code"))
    }
}
