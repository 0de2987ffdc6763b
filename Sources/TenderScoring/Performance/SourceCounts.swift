public import TenderModel

/// How many respondents, teams or departments a month's source has, against the plan's minimum: a month below a
/// minimum cannot be scored, so the same count refuses a correction that would take a month there.
public struct SourceCount: Hashable, Sendable {
    /// `.survey`, `.team` or `.department` (patrol findings have no minimum).
    public var source: PerformanceSource
    /// Respondents with at least one answer; teams; departments.
    public var count: Int
    public var minimum: Int

    public var isBelowMinimum: Bool { count < minimum }

    /// `29 respondents with an answer`, `2 teams`, `1 department`.
    public var described: String {
        switch source {
        case .survey: return "\(count) respondent\(count == 1 ? "" : "s") with an answer"
        case .team: return "\(count) team\(count == 1 ? "" : "s")"
        case .department: return "\(count) department\(count == 1 ? "" : "s")"
        case .patrol: return "\(count) finding\(count == 1 ? "" : "s")"
        }
    }
}

extension MonthlyScorer {
    /// The survey's, the teams' and the departments' counts as the monthly score counts them: a respondent whose
    /// every answer is blank (or struck) does not count, a department counts once however many items it scored.
    public static func sourceCounts(plan: EvaluationPlan, records: MonthRecords) -> [SourceCount] {
        [
            SourceCount(
                source: .survey,
                count: records.survey.filter { !$0.answers.isEmpty }.count,
                minimum: plan.survey.minimumResponses
            ),
            SourceCount(source: .team, count: records.teams.count, minimum: plan.team.minimumTeams),
            SourceCount(
                source: .department,
                count: MonthlyBreakdown.departmentsInOrder(records.departments).count,
                minimum: plan.department.minimumDepartments
            ),
        ]
    }
}
