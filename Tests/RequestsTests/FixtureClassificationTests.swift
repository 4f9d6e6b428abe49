import Foundation
import MailCore
import Testing
@testable import Requests

/// Every fixture message must come out as its manifest says: kinds, auto
/// mail, on-behalf flag and the rectification values named.
@Suite struct FixtureClassificationTests {
    static let cases = FixtureCase.all()

    @Test func manifestHasEnoughFixtures() {
        #expect(Self.cases.count >= 150)
        let languages = Set(Self.cases.compactMap(\.language))
        #expect(languages == Set(Language.allCases))
    }

    @Test(arguments: cases)
    func fixtureIsClassifiedAsExpected(_ fixture: FixtureCase) throws {
        let folder = try #require(FixtureCase.folder)
        let data = try Data(contentsOf: folder.appendingPathComponent(fixture.file))
        let result = MessageClassification(MessageReader.read([UInt8](data)))
        let c = result.classification
        #expect(result.isAuto == fixture.auto, "auto")
        #expect(c.kinds == fixture.kinds, "kinds; evidence: \(c.evidence)")
        #expect(c.onBehalf == fixture.onBehalf, "on_behalf")
        for (field, value) in fixture.fields {
            #expect(FixtureCase.sameValue(field, value, c.fields[field]), "\(field.rawValue): got \(c.fields[field] ?? "nothing")")
        }
        if !fixture.auto, let language = fixture.language {
            #expect(c.language == language, "language")
        }
        if result.isAuto { #expect(c.kinds.isEmpty) }
    }

    /// The share of fixtures whose kinds come out exactly right (reported by
    /// the failure message when below 100%).
    @Test func kindsAccuracyIsComplete() throws {
        let folder = try #require(FixtureCase.folder)
        var right = 0
        var wrong: [String] = []
        for fixture in Self.cases {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(fixture.file)) else {
                wrong.append(fixture.file)
                continue
            }
            let result = MessageClassification(MessageReader.read([UInt8](data)))
            if result.classification.kinds == fixture.kinds && result.isAuto == fixture.auto {
                right += 1
            } else {
                wrong.append(fixture.file)
            }
        }
        let accuracy = Double(right) / Double(max(Self.cases.count, 1))
        #expect(accuracy == 1.0, "kinds accuracy \(right)/\(Self.cases.count); wrong: \(wrong)")
    }
}
