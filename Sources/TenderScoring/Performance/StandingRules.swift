public import TenderModel

/// The plan's rules over months' standings ("3 unqualified months in the last 12"), checked after a month is
/// evaluated.
public enum StandingRules {
    /// The rules `month` raises: a rule is raised at the month that completes it, that is when `month` itself has
    /// the rule's standing and the window of `withinMonths` months ending with it holds at least `count` such
    /// months. A later good month does not raise it again.
    /// - Parameters:
    ///   - plan: the contract's plan, whose rules are checked in order.
    ///   - month: the month just evaluated.
    ///   - standings: the standing id of each evaluated month of this contract (its latest computation).
    /// - Returns: the raised rules in the plan's order, each with its matching months oldest first.
    public static func raised(plan: EvaluationPlan, month: YearMonth, standings: [YearMonth: String]) -> [RaisedRule] {
        guard let current = standings[month] else { return [] }
        return plan.rules.compactMap { rule in
            guard rule.standing == current else { return nil }
            let firstOrdinal = month.ordinal - rule.withinMonths + 1
            let matching = standings.filter { entry in
                (firstOrdinal...month.ordinal).contains(entry.key.ordinal) && entry.value == rule.standing
            }.keys.sorted()
            guard matching.count >= rule.count else { return nil }
            return RaisedRule(
                contractID: plan.contract.id,
                ruleID: rule.id,
                raisedIn: month,
                months: matching,
                consequence: rule.consequence,
                warnsNextTender: rule.warnsNextTender
            )
        }
    }

    /// Every month at which a rule is met, over the given standings (each month's latest), oldest first: what a
    /// report shows and a tender reads, the same whatever order the months were computed in.
    public static func raisedOverStandings(plan: EvaluationPlan, standings: [YearMonth: String]) -> [RaisedRule] {
        standings.keys.sorted().flatMap { raised(plan: plan, month: $0, standings: standings) }
    }
}
