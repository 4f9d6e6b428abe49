import Foundation
import Requests

/// What an operator's decision may say beyond the lifecycle (which states
/// allow approve, reject and extend is `RequestLifecycle`'s): the kinds an
/// approval covers, when an extension may be announced, and the deadline it
/// gives. Pure: the caller reads the request (locked) and writes the outcome.
public enum DecisionRules {
    /// The kinds an approval covers: those given, else the request's own.
    /// Sorted, without repeats; unknown words and an empty result are refused.
    ///
    /// Given kinds may leave some of the request's own out, never add one:
    /// an approval carries a request out without any further identity
    /// check, so one typo (`--kinds erase` on a request for a copy) would
    /// otherwise erase what nobody asked to erase. Only a request that
    /// names no kind at all (mail the classifier could not read, sent to a
    /// person) takes the kinds the operator read in it.
    public static func approvedKinds(reference: String, given: [String]?, own: [String]) throws(DecisionRefusal)
        -> [String] {
        let asked = try kinds(own)
        let approved = try given.map(kinds) ?? asked
        guard !approved.isEmpty else { throw .noKinds(reference: reference) }
        let added = approved.subtracting(asked)
        guard asked.isEmpty || added.isEmpty else {
            throw .widensKinds(reference: reference, added: added.sorted().map(\.rawValue),
                               asked: asked.sorted().map(\.rawValue))
        }
        return approved.sorted().map(\.rawValue)
    }

    private static func kinds(_ words: [String]) throws(DecisionRefusal) -> Set<RequestKind> {
        var kinds = Set<RequestKind>()
        for word in words {
            let trimmed = word.trimmingCharacters(in: .whitespaces).lowercased()
            if trimmed.isEmpty { continue }
            guard let kind = RequestKind(rawValue: trimmed) else { throw .unknownKind(trimmed) }
            kinds.insert(kind)
        }
        return kinds
    }

    /// An extension is announced once, while the request is open and no
    /// later than its first due day (Art. 12(3): "within one month").
    public static func checkExtend(reference: String, state: RequestState, dueOn: Day, extendedDueOn: Day?,
                                   today: Day) throws(DecisionRefusal) {
        guard RequestLifecycle.transition(from: state, on: .extended(until: dueOn, reason: "")) != nil else {
            throw .notOpen(reference: reference, state: state.rawValue)
        }
        if let extendedDueOn { throw .alreadyExtended(reference: reference, until: extendedDueOn) }
        guard today <= dueOn else { throw .pastFirstDueDate(reference: reference, dueOn: dueOn, today: today) }
    }

    /// The extended deadline: `months` (1 or 2) calendar months after the
    /// first due day, moved to a working day as `DueDate` does, but never
    /// beyond two months after it; where the move would pass that limit,
    /// the last working day before it is taken instead.
    public static func extendedDueDate(dueOn: Day, months: Int) throws(DecisionRefusal) -> Day {
        guard DueDate.allowedExtensionMonths.contains(months),
              let moved = try? DueDate.extended(from: dueOn, months: months) else {
            throw .extensionMonths(months)
        }
        let limit = dueOn.adding(months: DueDate.allowedExtensionMonths.upperBound)
        guard moved > limit else { return moved }
        var day = limit
        while !NorwegianHolidays.isWorkingDay(day) && day > dueOn {
            day = day.adding(days: -1)
        }
        return day
    }
}
