import Testing
@testable import MailCore

@Test func domainIsLowercasedLocalPartIsNot() {
    let a = MailAddress(address: "Kari.Nordmann@Example.COM")
    #expect(a.domain == "example.com")
    #expect(a.localPart == "Kari.Nordmann")
}
