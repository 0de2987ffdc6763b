public import TenderCore

/// A month's computed score, standing and every number behind it, as stored in the history and explained in
/// the monthly report. Computed by `MonthlyScorer` (TenderScoring) from the plan, the records and the
/// corrections; nothing in it is rounded except `contribution` (under per-source rounding) and `score`.
public struct MonthlyEvaluation: Hashable, Sendable {
    public var contractID: String
    public var month: YearMonth
    public var survey: SourceScore
    public var team: SourceScore
    public var department: SourceScore
    public var patrol: PatrolDeduction
    /// Weighted contributions minus the (capped) deduction, before rounding; never below 0.
    public var unrounded: ExactRatio
    /// The published monthly score, rounded at the plan's decimals as the plan's rounding says.
    public var score: Points
    /// The standing band's id.
    public var standing: String
    /// Correction numbers applied to this month's records, in order.
    public var corrections: [Int]
    /// Survey detail: per item, how many respondents gave each answer (labels in the plan's order).
    public var surveyItems: [SurveyItemSummary]
    /// Department detail: each department's total and the mean per item.
    public var departmentTotals: [DepartmentTotal]
    public var departmentItemMeans: [ItemMean]

    public init(
        contractID: String,
        month: YearMonth,
        survey: SourceScore,
        team: SourceScore,
        department: SourceScore,
        patrol: PatrolDeduction,
        unrounded: ExactRatio,
        score: Points,
        standing: String,
        corrections: [Int],
        surveyItems: [SurveyItemSummary],
        departmentTotals: [DepartmentTotal],
        departmentItemMeans: [ItemMean]
    ) {
        self.contractID = contractID
        self.month = month
        self.survey = survey
        self.team = team
        self.department = department
        self.patrol = patrol
        self.unrounded = unrounded
        self.score = score
        self.standing = standing
        self.corrections = corrections
        self.surveyItems = surveyItems
        self.departmentTotals = departmentTotals
        self.departmentItemMeans = departmentItemMeans
    }
}

/// One source's score on its 0...100 scale and what it adds to the monthly score.
public struct SourceScore: Hashable, Sendable {
    /// Exact mean: Σ values / count.
    public var score: ExactRatio
    /// The sum and the count the mean divides (answers, teams or departments).
    public var sum: Points
    public var count: Int
    public var weight: Points
    /// `weight × score / 100`, exact.
    public var contribution: ExactRatio
    /// The contribution rounded at the plan's decimals under per-source rounding; nil under total rounding.
    public var roundedContribution: Points?

    public init(
        score: ExactRatio,
        sum: Points,
        count: Int,
        weight: Points,
        contribution: ExactRatio,
        roundedContribution: Points?
    ) {
        self.score = score
        self.sum = sum
        self.count = count
        self.weight = weight
        self.contribution = contribution
        self.roundedContribution = roundedContribution
    }
}

public struct PatrolDeduction: Hashable, Sendable {
    public var findings: Int
    /// Σ deductions as recorded (after corrections).
    public var total: Points
    /// `min(total, monthlyCap)`: what the score loses.
    public var applied: Points
    public var capped: Bool

    public init(findings: Int, total: Points, applied: Points, capped: Bool) {
        self.findings = findings
        self.total = total
        self.applied = applied
        self.capped = capped
    }
}

public struct SurveyItemSummary: Hashable, Sendable {
    public var item: String
    /// Count per answer label, in the plan's answer order (zero counts included).
    public var counts: [AnswerCount]
    /// Exact mean value of the item's answers; nil when nobody answered it.
    public var mean: ExactRatio?

    public init(item: String, counts: [AnswerCount], mean: ExactRatio?) {
        self.item = item
        self.counts = counts
        self.mean = mean
    }
}

public struct AnswerCount: Hashable, Sendable {
    public var label: String
    public var count: Int

    public init(label: String, count: Int) {
        self.label = label
        self.count = count
    }
}

public struct DepartmentTotal: Hashable, Sendable {
    public var department: String
    public var total: Points

    public init(department: String, total: Points) {
        self.department = department
        self.total = total
    }
}

public struct ItemMean: Hashable, Sendable {
    public var item: String
    public var mean: ExactRatio

    public init(item: String, mean: ExactRatio) {
        self.item = item
        self.mean = mean
    }
}

/// A standing rule met by the month just evaluated: `months` are the months (oldest first) with the rule's
/// standing inside the window.
public struct RaisedRule: Hashable, Sendable {
    public var contractID: String
    public var ruleID: String
    /// The month whose evaluation met the rule.
    public var raisedIn: YearMonth
    public var months: [YearMonth]
    public var consequence: LocalizedText
    public var warnsNextTender: Bool

    public init(
        contractID: String,
        ruleID: String,
        raisedIn: YearMonth,
        months: [YearMonth],
        consequence: LocalizedText,
        warnsNextTender: Bool
    ) {
        self.contractID = contractID
        self.ruleID = ruleID
        self.raisedIn = raisedIn
        self.months = months
        self.consequence = consequence
        self.warnsNextTender = warnsNextTender
    }
}
