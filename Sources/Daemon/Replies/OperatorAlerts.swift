/// Where the operators are told at once that a request needs a person, and
/// how many such notes an hour at most (`operators` in the configuration).
public struct OperatorAlerts: Sendable, Equatable {
    public var address: String
    public var maximumPerHour: Int

    public init(address: String, maximumPerHour: Int = 30) {
        self.address = address
        self.maximumPerHour = maximumPerHour
    }
}
