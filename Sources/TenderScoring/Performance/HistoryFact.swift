public import TenderCore
public import TenderModel

/// The fact a history criterion scores: a bidder's past monthly scores in a window before the tender.
public enum HistoryFact {
    /// The `months` whole months ending with the month before `publication`: a month still running when the
    /// tender is published is not yet evaluated, so it never counts.
    public static func window(months: Int, before publication: YearMonth) -> (first: YearMonth, last: YearMonth) {
        let earliest = YearMonth(year: 1, month: 1)!
        let last = publication.adding(months: -1) ?? earliest
        let first = last.adding(months: -(max(months, 1) - 1)) ?? earliest
        return (first, last)
    }

    /// The exact mean of every published monthly score of every contract, each month weighing the same; nil when
    /// the bidder has no month in the window (the rubric's neutral value applies, never 0).
    public static func mean(_ history: BidderHistory) throws(FixedPointOverflow) -> ExactRatio? {
        let scores = history.monthScores
        guard !scores.isEmpty else { return nil }
        var units: Int128 = 0
        for score in scores { units += Int128(score.units) }
        return try ExactRatio(integer: units)
            / (try ExactRatio(integer: Int128(scores.count)) * ExactRatio(integer: Int128(Points.unitsPerWhole)))
    }

    /// A bidder's points on a history criterion: its mean on the rule's scale, or the rule's neutral points when it
    /// has no month in the window (`history` nil or empty) — a bidder new to this buyer is neither rewarded nor
    /// punished.
    /// - Returns: the mean (nil: neutral), the exact points, and how the scale was applied (nil: neutral).
    public static func points(for history: BidderHistory?, rule: HistoryRule) throws(FixedPointOverflow) -> (
        mean: ExactRatio?, points: ExactRatio, applied: AppliedScale?
    ) {
        guard let history, let mean = try mean(history) else { return (nil, rule.neutral.ratio, nil) }
        let scored = try ObjectiveScorer.score(Fact(.number(mean)), on: rule.scale)
        return (mean, scored.points, scored.applied)
    }

    /// The warnings a committee sees for the bidder: rules that warn the next tender, raised in the window.
    public static func warnings(_ history: BidderHistory, first: YearMonth, last: YearMonth) -> [RaisedRule] {
        history.warnings.filter { $0.warnsNextTender && first <= $0.raisedIn && $0.raisedIn <= last }
    }
}
