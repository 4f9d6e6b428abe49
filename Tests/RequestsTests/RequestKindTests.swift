import Testing
@testable import Requests

@Test func kindsSortByName() {
    #expect([RequestKind.object, .access, .erase].sorted() == [.access, .erase, .object])
}
