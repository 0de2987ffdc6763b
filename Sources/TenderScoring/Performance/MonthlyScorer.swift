public import TenderCore
public import TenderModel

/// The monthly score (月考评) of one contract: the weighted means of the survey, the teams' recommendations and
/// the departments' evaluations, less the month's capped patrol deductions, rounded once as the plan says.
///
/// Pure: the caller reads the records and the corrections (TenderHistory) and stores the result.
public enum MonthlyScorer {
    /// Applies the month's corrections (in number order) to the recorded values and computes the score.
    /// - Throws: a located error when a source has no records for the month, has fewer than the plan's minimum,
    ///   when a correction no longer fits the records, or when an exact value cannot be held (no score is
    ///   published rather than a wrong one).
    public static func evaluate(
        plan: EvaluationPlan,
        records: MonthRecords,
        corrections: [PerformanceCorrection]
    ) throws(DiagnosticError) -> MonthlyEvaluation {
        let applicable = corrections.filter { $0.contractID == records.contractID && $0.month == records.month }
            .sorted { $0.number < $1.number }
        let corrected = try PerformanceCorrections.apply(applicable, to: records, plan: plan)
        try requireEverySource(plan: plan, records: corrected)
        var breakdown = try MonthlyBreakdown(plan: plan, records: corrected)
        breakdown.evaluation.corrections = applicable.map(\.number)
        return breakdown.evaluation
    }

    /// Collects every missing or short source before throwing, so the officer learns all of them at once.
    static func requireEverySource(plan: EvaluationPlan, records: MonthRecords) throws(DiagnosticError) {
        var problems = DiagnosticCollector()
        let month = records.month
        let counts = Dictionary(
            sourceCounts(plan: plan, records: records).map { ($0.source, $0.count) },
            uniquingKeysWith: { first, _ in first }
        )
        let respondents = counts[.survey] ?? 0
        if respondents == 0 {
            problems.error(
                "\(month) cannot be scored: no survey responses (群众测评) are recorded",
                at: plan.survey.location
            )
        } else if respondents < plan.survey.minimumResponses {
            problems.error(
                "\(month) cannot be scored: the survey has \(respondents) respondent\(respondents == 1 ? "" : "s") "
                    + "with an answer; the plan requires at least \(plan.survey.minimumResponses)",
                at: plan.survey.location
            )
        }
        let teams = counts[.team] ?? 0
        if teams == 0 {
            problems.error(
                "\(month) cannot be scored: no team recommendations (班组推荐) are recorded",
                at: plan.team.location
            )
        } else if teams < plan.team.minimumTeams {
            problems.error(
                "\(month) cannot be scored: \(teams) team\(teams == 1 ? "" : "s") recommended; the plan requires at "
                    + "least \(plan.team.minimumTeams)",
                at: plan.team.location
            )
        }
        let departments = counts[.department] ?? 0
        if departments == 0 {
            problems.error(
                "\(month) cannot be scored: no department scores (科室考评) are recorded",
                at: plan.department.location
            )
        } else if departments < plan.department.minimumDepartments {
            problems.error(
                "\(month) cannot be scored: \(departments) department\(departments == 1 ? "" : "s") evaluated; the "
                    + "plan requires at least \(plan.department.minimumDepartments)",
                at: plan.department.location
            )
        }
        // Findings can only lower the score, so a forgotten patrol sheet would silently raise it: a month
        // without findings is recorded as an empty sheet.
        if records.patrol.isEmpty && !records.sheets.contains(where: { $0.source == .patrol }) {
            problems.error(
                "\(month) cannot be scored: no patrol sheet (周巡查) is recorded; a month without findings is "
                    + "recorded as a sheet with only its header",
                at: plan.patrol.location
            )
        }
        for response in records.survey {
            for answer in response.answers {
                if !plan.survey.items.contains(answer.item) {
                    problems.error(
                        "respondent '\(VisibleText.excerpt(response.respondent))' answered '\(VisibleText.excerpt(answer.item))', "
                            + "which the survey does not ask about",
                        at: response.location
                    )
                } else if plan.survey.answer(labelled: answer.answer) == nil {
                    problems.error(
                        "respondent '\(VisibleText.excerpt(response.respondent))' gave '\(VisibleText.excerpt(answer.answer))' "
                            + "for '\(answer.item)', which is not one of the plan's answers",
                        at: response.location
                    )
                }
            }
        }
        try problems.throwIfErrors()
    }
}

/// The numbers behind one month's score, computed source by source.
struct MonthlyBreakdown {
    var evaluation: MonthlyEvaluation

    init(plan: EvaluationPlan, records: MonthRecords) throws(DiagnosticError) {
        let month = records.month
        let surveyPart = try Self.located(month, "the survey", at: Self.place(of: .survey, records, plan)) {
            () throws(FixedPointOverflow) in try Self.survey(plan: plan, records: records)
        }
        let team = try Self.located(month, "the team recommendation", at: Self.place(of: .team, records, plan)) {
            () throws(FixedPointOverflow) in
            try Self.source(
                sum: try Points.sum(records.teams.map(\.score)),
                count: records.teams.count,
                weight: plan.team.weight,
                plan: plan
            )
        }
        let departmentPart = try Self.located(
            month,
            "the department evaluation",
            at: Self.place(of: .department, records, plan)
        ) { () throws(FixedPointOverflow) in try Self.department(plan: plan, records: records) }
        let patrol = try Self.located(month, "the patrol deduction", at: Self.place(of: .patrol, records, plan)) {
            () throws(FixedPointOverflow) in try Self.patrol(plan: plan, records: records)
        }
        let (unrounded, score) = try Self.located(month, "the monthly score", at: plan.location) {
            () throws(FixedPointOverflow) in
            try Self.total(plan: plan, sources: [surveyPart.score, team, departmentPart.score], patrol: patrol)
        }
        evaluation = MonthlyEvaluation(
            contractID: records.contractID,
            month: month,
            survey: surveyPart.score,
            team: team,
            department: departmentPart.score,
            patrol: patrol,
            unrounded: unrounded,
            score: score,
            standing: plan.standing(for: score).id,
            corrections: [],
            surveyItems: surveyPart.items,
            departmentTotals: departmentPart.totals,
            departmentItemMeans: departmentPart.itemMeans
        )
    }

    /// S_survey: every answer given that month, all items together (blanks are not answers).
    static func survey(plan: EvaluationPlan, records: MonthRecords) throws(FixedPointOverflow) -> (
        score: SourceScore, items: [SurveyItemSummary]
    ) {
        let labels = plan.survey.answers.map(\.label)
        var counts: [String: [Int]] = [:]
        for item in plan.survey.items { counts[item] = Array(repeating: 0, count: labels.count) }
        // Labels were checked against the plan when read and when corrected; an answer outside the plan or for
        // an item the survey does not ask about cannot be here.
        let index = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for response in records.survey {
            for answer in response.answers {
                guard let position = index[answer.answer], counts[answer.item] != nil else { continue }
                counts[answer.item]![position] += 1
            }
        }
        // Sums of counts × values in 128 bits: no number of respondents reaches the limit.
        var sumUnits: Int128 = 0
        var answered = 0
        var items: [SurveyItemSummary] = []
        for item in plan.survey.items {
            let itemCounts = counts[item]!
            var itemUnits: Int128 = 0
            var itemAnswered = 0
            for (position, answer) in plan.survey.answers.enumerated() {
                itemUnits += Int128(itemCounts[position]) * Int128(answer.value.units)
                itemAnswered += itemCounts[position]
            }
            sumUnits += itemUnits
            answered += itemAnswered
            items.append(
                SurveyItemSummary(
                    item: item,
                    counts: zip(labels, itemCounts).map { AnswerCount(label: $0, count: $1) },
                    mean: itemAnswered == 0
                        ? nil : try Self.mean(units: itemUnits, count: itemAnswered)
                )
            )
        }
        guard let sum = Int64(exactly: sumUnits) else { throw FixedPointOverflow(.outOfRange) }
        return (
            try source(sum: Points(units: sum), count: answered, weight: plan.survey.weight, plan: plan),
            items
        )
    }

    /// S_department: the mean over departments of each department's total (the sum of its item scores).
    static func department(plan: EvaluationPlan, records: MonthRecords) throws(FixedPointOverflow) -> (
        score: SourceScore, totals: [DepartmentTotal], itemMeans: [ItemMean]
    ) {
        let departments = departmentsInOrder(records.departments)
        var totals: [String: Points] = [:]
        var itemSums: [String: Points] = [:]
        var itemCounts: [String: Int] = [:]
        for entry in records.departments {
            totals[entry.department] = try (totals[entry.department] ?? .zero) + entry.score
            itemSums[entry.item] = try (itemSums[entry.item] ?? .zero) + entry.score
            itemCounts[entry.item, default: 0] += 1
        }
        var itemMeans: [ItemMean] = []
        for item in plan.department.items {
            guard let count = itemCounts[item.id], let sum = itemSums[item.id] else { continue }
            itemMeans.append(ItemMean(item: item.id, mean: try ExactRatio(integer: Int128(sum.units)) / mean(count)))
        }
        let sum = try Points.sum(departments.map { totals[$0]! })
        return (
            try source(sum: sum, count: departments.count, weight: plan.department.weight, plan: plan),
            departments.map { DepartmentTotal(department: $0, total: totals[$0]!) },
            itemMeans
        )
    }

    static func patrol(plan: EvaluationPlan, records: MonthRecords) throws(FixedPointOverflow) -> PatrolDeduction {
        let total = try Points.sum(records.patrol.map(\.deduction))
        let capped = total > plan.patrol.monthlyCap
        return PatrolDeduction(
            // A finding whose deduction was corrected to 0 is withdrawn: it no longer counts as a finding.
            findings: records.patrol.filter { $0.deduction > .zero }.count,
            total: total,
            applied: capped ? plan.patrol.monthlyCap : total,
            capped: capped
        )
    }

    /// One source's mean and weighted contribution; rounded here only under per-source rounding.
    static func source(sum: Points, count: Int, weight: Points, plan: EvaluationPlan) throws(FixedPointOverflow)
        -> SourceScore
    {
        let score = try sum.ratio / ExactRatio(integer: Int128(count))
        let contribution = try weight.ratio * score / ExactRatio(100)
        return SourceScore(
            score: score,
            sum: sum,
            count: count,
            weight: weight,
            contribution: contribution,
            roundedContribution: plan.rounding == .perSource
                ? try Points(rounding: contribution, places: plan.decimals) : nil
        )
    }

    /// The score before and after rounding; a month whose deductions exceed its contributions scores 0.
    static func total(plan: EvaluationPlan, sources: [SourceScore], patrol: PatrolDeduction) throws(FixedPointOverflow)
        -> (unrounded: ExactRatio, score: Points)
    {
        var exact = ExactRatio.zero
        for source in sources { exact = try exact + source.contribution }
        exact = try exact - patrol.applied.ratio
        let unrounded = max(exact, .zero)
        switch plan.rounding {
        case .perSource:
            var sum = Points.zero
            for source in sources { sum = try sum + source.roundedContribution! }
            return (unrounded, max(try sum - patrol.applied, .zero))
        case .total:
            return (unrounded, try Points(rounding: unrounded, places: plan.decimals))
        }
    }

    static func mean(units: Int128, count: Int) throws(FixedPointOverflow) -> ExactRatio {
        try ExactRatio(integer: units) / mean(count)
    }

    /// `count × 10^6`: divides a sum of micro-units into a mean of whole values.
    private static func mean(_ count: Int) throws(FixedPointOverflow) -> ExactRatio {
        try ExactRatio(integer: Int128(count)) * ExactRatio(integer: Int128(Points.unitsPerWhole))
    }

    /// Departments in the order they first appear on the sheet.
    static func departmentsInOrder(_ scores: [DepartmentScore]) -> [String] {
        var seen = Set<String>()
        return scores.compactMap { seen.insert($0.department).inserted ? $0.department : nil }
    }

    /// Where an overflow in a source is reported: its sheet when the history names one, else the plan's source.
    static func place(of source: PerformanceSource, _ records: MonthRecords, _ plan: EvaluationPlan) -> SourceLocation {
        if let sheet = records.sheets.first(where: { $0.source == source }) { return SourceLocation(file: sheet.file) }
        switch source {
        case .survey: return plan.survey.location
        case .team: return plan.team.location
        case .department: return plan.department.location
        case .patrol: return plan.patrol.location
        }
    }

    static func located<Value>(
        _ month: YearMonth,
        _ what: String,
        at location: SourceLocation,
        _ body: () throws(FixedPointOverflow) -> Value
    ) throws(DiagnosticError) -> Value {
        do {
            return try body()
        } catch {
            throw DiagnosticError(
                .error(
                    "\(what) of \(month) cannot be computed exactly: \(error); no score is published rather than a "
                        + "wrong one",
                    at: location
                )
            )
        }
    }
}
