import Testing
@testable import Requests

@Suite struct RectificationExtractorTests {
    private func fields(_ body: String, _ language: Language = .en) -> [RectificationField: String] {
        RectificationExtractor.extract(body: body, language: language)
    }

    @Test func takesTheNewValueNotTheOldOne() {
        #expect(fields("Please change my surname from Pettersen to Aasland.") == [.lastName: "Aasland"])
        #expect(fields("Vennligst endre etternavnet mitt fra Berg til Lunde.", .nb) == [.lastName: "Lunde"])
        #expect(fields("Bitte ändern Sie meinen Nachnamen von Schmidt zu Weber.", .de) == [.lastName: "Weber"])
    }

    @Test func readsEachField() {
        #expect(fields("My new phone number is 912 34 567.")[.phone] == "+4791234567")
        #expect(fields("Please update my email address to ny.adresse@example.no.")[.email] == "ny.adresse@example.no")
        #expect(fields("My new address is Fjordveien 17, 5003 Bergen.")[.address] == "Fjordveien 17, 5003 Bergen")
        #expect(fields("Please update my employer to Nordlys AS.")[.organization] == "Nordlys AS")
        #expect(fields("Please change my job title to Senior Adviser.")[.title] == "Senior Adviser")
        #expect(fields("Please change my dietary preference to vegetarian for the dinner.")[.dietary] == "vegetarian")
        #expect(fields("Please correct my nationality to Norwegian.")[.nationality] == "Norwegian")
        #expect(fields("My first name is misspelled. It should be Kristoffer, not Kristofer.")[.firstName] == "Kristoffer")
    }

    @Test func formLinesCountOnlyInABlockOfChanges() {
        let identity = "To identify me:\nName: Kari Nordmann\nPhone: 912 34 567\n"
        #expect(fields(identity).isEmpty)
        let changes = "Please make the following changes:\nPhone: 912 34 567\n"
        #expect(fields(changes)[.phone] == "+4791234567")
        let correct = "Field: postal address\nCurrent value: Storgata 1, 0155 Oslo\nCorrect value: Kirkegata 4, 0153 Oslo\n"
        #expect(fields(correct)[.address] == "Kirkegata 4, 0153 Oslo")
    }

    @Test func signatureBelowASignOffIsNoChange() {
        let body = "Please make the following changes:\nAddress: Nygata 3, 5003 Bergen\n\nBest regards\nKari\nPhone: 900 00 000\n"
        #expect(fields(body) == [.address: "Nygata 3, 5003 Bergen"])
    }

    @Test func quotedValues() {
        #expect(fields("Etternavnet er stavet feil (det står «Hauglan», det skal være «Haugland»).", .nb)[.lastName] == "Haugland")
    }

    @Test func noValueWithoutACue() {
        #expect(fields("I live in Storgata 1, 0155 Oslo and my phone is 912 34 567.").isEmpty)
    }
}
