/// Budget shared by all parts of one reading, embedded messages included.
final class ReadBudget {
    let limits: ReaderLimits
    private(set) var partsUsed = 0

    init(limits: ReaderLimits) {
        self.limits = limits
    }

    /// Takes one part from the budget; false once it is spent.
    func takePart() -> Bool {
        guard partsUsed < limits.maxParts else { return false }
        partsUsed += 1
        return true
    }
}
