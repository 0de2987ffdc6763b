import TenderCore
import TenderModel

/// 班组推荐: one score per team, 0…100 in the plan's step, with a reason below 100 when the plan requires it.
enum TeamSheet {
    static func recommendations(
        _ sheet: SheetRows,
        plan: EvaluationPlan
    ) -> (teams: [TeamRecommendation], problems: [Diagnostic]) {
        var checks = SheetValueChecks()
        var seen: [String: SourceLocation] = [:]
        var teams: [TeamRecommendation] = []
        for row in sheet.rows {
            let team = checks.required(.team, of: row)
            let isNew = team.map { checks.unique($0, "team", at: row.location(.team), seen: &seen) } ?? false
            let context = team.map { " of team '\(VisibleText.excerpt($0))'" } ?? ""
            guard
                let score = checks.number(.score, of: row, maximum: 100, context: context, step: plan.team.step)
            else { continue }
            let reason = checks.reason(
                of: row,
                in: sheet,
                score: score,
                maximum: 100,
                scored: context.trimmingPrefixSpace,
                required: plan.team.reasonsRequired
            )
            guard let team, isNew else { continue }
            teams.append(TeamRecommendation(team: team, score: score, reason: reason, location: row.location(.score)))
        }
        if seen.count < plan.team.minimumTeams {
            checks.problems.error(
                "the team sheet has \(counted(seen.count, "team")); the plan requires at least "
                    + "\(plan.team.minimumTeams) (minimum-teams)",
                at: SourceLocation(file: sheet.file)
            )
        }
        return (teams, checks.problems.diagnostics)
    }
}

extension String {
    /// Without the one space a message fragment starts with.
    var trimmingPrefixSpace: String {
        hasPrefix(" ") ? String(dropFirst()) : self
    }
}
