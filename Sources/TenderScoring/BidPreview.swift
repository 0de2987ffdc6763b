public import TenderCore
public import TenderModel

/// What one bid yields under a rubric on its own, without the other bids: its gate verdicts and the
/// points of every objective criterion (judgement and price points need the committee and the other bids).
public struct BidPreview: Hashable, Sendable {
    public var gates: [GateResult]
    public var objectiveScores: [CriterionScore]

    /// - Throws: a located error naming the criterion whose exact value cannot be held.
    public init(bid: Bid, rubric: Rubric) throws(DiagnosticError) {
        gates = GateChecker(rubric: rubric).check(bid)
        var scores: [CriterionScore] = []
        for group in rubric.groups {
            for criterion in group.criteria {
                guard case .objective(let rule) = criterion.rule else { continue }
                let fact = bid.facts[criterion.id]
                do {
                    let (points, applied) = try ObjectiveScorer.score(fact, on: rule.scale)
                    scores.append(
                        CriterionScore(
                            criterionID: criterion.id,
                            groupID: group.id,
                            points: try Points(rounding: points, places: rubric.tender.decimals),
                            unrounded: points,
                            basis: .objective(fact: fact?.value ?? .absent, line: fact?.line, applied: applied)
                        )
                    )
                } catch {
                    throw DiagnosticError(
                        ScoringOverflow(file: bid.file, criterionID: criterion.id, overflow: error).diagnostic
                    )
                }
            }
        }
        objectiveScores = scores
    }
}
