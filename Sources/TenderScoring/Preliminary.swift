import TenderModel

/// What a valid bid's result may show when the evaluation cannot rank: while judgement scores are outstanding,
/// the committee's part is left out entirely (a mean of the sheets that came in is no score, and showing it would
/// tell members who have not scored yet what the others gave); a failed tender keeps its scores but ranks no one.
enum Preliminary {
    static func withoutRanking(_ result: BidResult, rubric: Rubric, pendingJudgement: Bool) -> BidResult {
        var result = result
        result.rank = nil
        result.decidedBy = nil
        result.tiedWith = []
        guard pendingJudgement else { return result }
        result.criterionScores.removeAll { score in
            if case .judgement = score.basis { return true }
            return false
        }
        // A group with a judgement criterion has no subtotal yet; the others are complete.
        let pendingGroups = Set(
            rubric.groups.filter { group in
                group.criteria.contains { criterion in
                    if case .judgement = criterion.rule { return true }
                    return false
                }
            }.map(\.id)
        )
        result.groupScores.removeAll { pendingGroups.contains($0.groupID) }
        result.total = nil
        result.unroundedTotal = nil
        return result
    }
}
