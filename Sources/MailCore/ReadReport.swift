/// Defects repaired and limits reached while reading one message, each
/// named once, in the order first met.
struct ReadReport {
    private(set) var defects: [String] = []
    private(set) var limitsReached: [String] = []

    mutating func defect(_ name: String) {
        if !defects.contains(name) { defects.append(name) }
    }

    mutating func limit(_ name: String) {
        if !limitsReached.contains(name) { limitsReached.append(name) }
    }

    mutating func merge(_ other: ReadReport) {
        other.defects.forEach { defect($0) }
        other.limitsReached.forEach { limit($0) }
    }
}

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
