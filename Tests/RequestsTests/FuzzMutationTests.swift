import FuzzSupport
import MailCore
import Testing

@Test func fuzzMutationsChangeTheirInput() {
    var random = SeededGenerator(seed: 3)
    let seed = Array(FuzzSeedMessages.mixedWithAttachment.utf8)
    var changed = 0
    for kind in 0..<Mutation.count {
        var bytes = seed
        for _ in 0..<5 { Mutation.apply(kind, to: &bytes, random: &random) }
        if bytes != seed { changed += 1 }
    }
    #expect(changed == Mutation.count)
}
