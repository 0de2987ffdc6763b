public import TenderCore

/// One decision applied: the evaluation was computed again, and this is what changed.
public struct DecisionRound: Hashable, Sendable {
    public var decision: Decision
    /// Whether the decision was applied; a decision with an error (a `from` that is not the current value, a
    /// bidder with no bid, …) changes nothing and its error is among the evaluation's diagnostics.
    public var applied: Bool
    public var effects: [DecisionEffect]
    /// Bidders whose rank differs after the round, in the order of the ranking after it.
    public var rankChanges: [RankChange]

    public init(decision: Decision, applied: Bool, effects: [DecisionEffect], rankChanges: [RankChange]) {
        self.decision = decision
        self.applied = applied
        self.effects = effects
        self.rankChanges = rankChanges
    }
}

/// A value a round changed, before and after (nil: absent or not counted).
public enum DecisionEffect: Hashable, Sendable {
    case memberScore(member: String, bidder: String, criterion: String, before: Points?, after: Points?)
    /// The points a criterion adds to a bidder's total (for a consensus: the agreed score beside the aggregate).
    case criterionPoints(bidder: String, criterion: String, before: Points?, after: Points?)
    case total(bidder: String, before: Points?, after: Points?)
    case status(bidder: String, file: String, before: BidStatus, after: BidStatus)
    /// A replaced member's scores set aside: `scores` member scores, archived and no longer counted.
    case archived(member: String, scores: Int)
}

public struct RankChange: Hashable, Sendable {
    public var bidder: String
    public var before: Int?
    public var after: Int?

    public init(bidder: String, before: Int?, after: Int?) {
        self.bidder = bidder
        self.before = before
        self.after = after
    }
}
