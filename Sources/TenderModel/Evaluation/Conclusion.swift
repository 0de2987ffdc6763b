public import TenderCore

/// How far an evaluation has come, which decides what its reports may claim and the exit status of `score`.
///
/// A failed tender (废标) and an evaluation that cannot conclude are different verdicts: the first follows from
/// lawful disqualifications and ends the procurement; the second only says the inputs are not complete yet
/// (a bid that could not be read, a duplicate bid awaiting the committee's decision), and the fix is to supply
/// or decide them, never to re-tender.
public enum EvaluationConclusion: String, Hashable, Sendable {
    /// Every bid read and decided, every judgement score given: the ranking stands.
    case final
    /// Lawful disqualifications leave fewer valid bids than the minimum: the tender failed (废标); no ranks.
    case failed
    /// Every bid read and decided, but judgement scores are outstanding: gates, objective and price points only.
    case preliminary
    /// A bid could not be read or is held for the committee: nothing may be concluded until that is fixed.
    case cannotConclude = "cannot-conclude"
}

/// A judgement score the committee has not given yet: one member, one bidder, one criterion.
public struct OutstandingScore: Hashable, Sendable {
    /// The member's id; nil for a member known only by the committee's size (no committee file, and fewer members
    /// on the sheets than the rubric's committee has).
    public var member: String?
    public var bidder: String
    public var criterionID: String
    /// Where the member declared a conflict of interest with this bidder: the absence awaits a recorded recusal.
    public var conflictDeclaredAt: SourceLocation?

    public init(member: String?, bidder: String, criterionID: String, conflictDeclaredAt: SourceLocation? = nil) {
        self.member = member
        self.bidder = bidder
        self.criterionID = criterionID
        self.conflictDeclaredAt = conflictDeclaredAt
    }
}

/// A lawful ground, other than a failed gate, on which a bid is disqualified, with the evidence in the bid.
public struct Disqualification: Hashable, Sendable {
    public enum Ground: Hashable, Sendable {
        /// Submitted after the deadline (or, without one, after the evaluation date): refused, 87号令 Art 33.
        case lateSubmission(submittedAt: String, deadline: String)
        /// Priced above the tender's ceiling price (最高限价): invalid, 87号令 Art 63.
        case aboveCeiling(price: Money, ceiling: Money, currency: String)
        /// Priced above the tender's budget when there is no ceiling: invalid, 87号令 Art 63.
        case aboveBudget(price: Money, budget: Money, currency: String)
        /// The committee rejected the bid after the written clarification its flagged low price required: treated
        /// as non-responsive, 87号令 Art 60. The evidence is the decision's entry in the decisions file.
        case rejectedAfterClarification(decision: Int, date: String, reason: String)
    }

    public var ground: Ground
    /// The bid file and line of the evidence (the submission time, the price), or the decision's `outcome`.
    public var location: SourceLocation

    public init(ground: Ground, location: SourceLocation) {
        self.ground = ground
        self.location = location
    }

    /// The clause that makes this ground a disqualification.
    public var clause: String {
        switch ground {
        case .lateSubmission: "87号令 Art 33"
        case .aboveCeiling, .aboveBudget: "87号令 Art 63"
        case .rejectedAfterClarification: "87号令 Art 60"
        }
    }
}
