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
