public import TenderModel

/// How a synthetic contract performs month by month: the overall quality of the service (which moves the
/// survey answers, the teams' and departments' scores and the number of patrol findings together), a drift, and
/// months made bad on purpose (an unqualified month for the example and the tests).
public struct PerformanceScenario: Hashable, Sendable {
    public var firstMonth: YearMonth
    public var months: Int
    /// Survey respondents per month (at least the plan's minimum).
    public var respondents: Int
    /// Each month's respondent count varies by up to this many either way (0: exactly `respondents`).
    public var respondentVariation: Int
    /// Service quality in per mille: about 820 scores mostly 合格 with some 优秀 months; 1000 is flawless.
    public var quality: Int
    /// Per-mille change of quality per month (negative: the service slowly gets worse).
    public var driftPerMonth: Int
    /// Months whose service is made poor enough to be unqualified (lower answers and scores, more findings).
    public var unqualifiedMonths: [YearMonth]
    /// Share of survey answers left blank, per mille (a respondent always answers at least one item).
    public var blankAnswersPerMille: Int

    public init(
        firstMonth: YearMonth,
        months: Int,
        respondents: Int,
        respondentVariation: Int = 0,
        quality: Int = 820,
        driftPerMonth: Int = 0,
        unqualifiedMonths: [YearMonth] = [],
        blankAnswersPerMille: Int = 10
    ) {
        self.firstMonth = firstMonth
        self.months = months
        self.respondents = respondents
        self.respondentVariation = respondentVariation
        self.quality = quality
        self.driftPerMonth = driftPerMonth
        self.unqualifiedMonths = unqualifiedMonths
        self.blankAnswersPerMille = blankAnswersPerMille
    }

    /// The scenario's months, oldest first.
    public var monthList: [YearMonth] {
        (0..<max(0, months)).compactMap { firstMonth.adding(months: $0) }
    }
}
