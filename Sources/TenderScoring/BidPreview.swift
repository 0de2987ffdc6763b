import TenderCore
public import TenderModel

/// What one bid yields under a rubric on its own, without the other bids: its gate verdicts and the
/// points of every objective criterion (judgement and price points need the committee and the other bids).
public struct BidPreview: Hashable, Sendable {
    public var gates: [GateResult]
    public var objectiveScores: [CriterionScore]

    public init(bid: Bid, rubric: Rubric) {
        gates = GateChecker(rubric: rubric).check(bid)
        objectiveScores = rubric.groups.flatMap { group in
            group.criteria.compactMap { criterion -> CriterionScore? in
                guard case .objective(let rule) = criterion.rule else { return nil }
                let fact = bid.facts[criterion.id]
                let (points, applied) = ObjectiveScorer.score(fact, on: rule.scale)
                return CriterionScore(
                    criterionID: criterion.id,
                    groupID: group.id,
                    points: rubric.tender.rounding == .perCriterion
                        ? points.rounded(places: rubric.tender.decimals) : points,
                    unrounded: points,
                    basis: .objective(fact: fact?.value ?? .absent, line: fact?.line, applied: applied)
                )
            }
        }
    }
}
