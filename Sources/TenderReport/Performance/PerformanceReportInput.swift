public import TenderCore
public import TenderModel

/// Everything the performance reports of one contract show, read from the history by the pipeline and passed in
/// as a value: the renderers do no I/O and read no clock, so the same input always gives the same bytes.
public struct PerformanceReportInput: Hashable, Sendable {
    public var plan: EvaluationPlan
    /// The latest computation of every scored month, ascending by month.
    public var months: [MonthlyEvaluation]
    /// When and as which computation each month in `months` was computed (may be empty: the reports then leave
    /// the computation out).
    public var latest: [PerformanceComputation]
    /// Earlier computations of a month that a later one replaced (kept in the history, never deleted).
    public var superseded: [PerformanceComputation]
    /// Every correction of the contract, in number order.
    public var corrections: [PerformanceCorrection]
    /// Standing rules raised, in the order they were raised.
    public var raised: [RaisedRule]
    /// The records of each month as recorded (before corrections) with the sheets they came from. The monthly
    /// report lists team scores, department scores and patrol findings from them; survey responses are not
    /// read (the evaluation's per-item distribution says what they gave), so the pipeline may leave them out.
    public var records: [YearMonth: MonthRecords]
    /// Months of the contract so far that have no current score: sources still missing, recorded but not
    /// computed, or computed before a correction (stale; such a month is also in `months`).
    public var pending: [PendingMonth]

    public init(
        plan: EvaluationPlan,
        months: [MonthlyEvaluation],
        latest: [PerformanceComputation] = [],
        superseded: [PerformanceComputation] = [],
        corrections: [PerformanceCorrection] = [],
        raised: [RaisedRule] = [],
        records: [YearMonth: MonthRecords] = [:],
        pending: [PendingMonth] = []
    ) {
        self.plan = plan
        self.months = months
        self.latest = latest
        self.superseded = superseded
        self.corrections = corrections
        self.raised = raised
        self.records = records
        self.pending = pending
    }

    public func evaluation(of month: YearMonth) -> MonthlyEvaluation? {
        months.first { $0.month == month }
    }

    public func pending(_ month: YearMonth) -> PendingMonth? {
        pending.first { $0.month == month }
    }
}

/// One stored computation of a month's score (`perf month` keeps every one).
public struct PerformanceComputation: Hashable, Sendable {
    public var month: YearMonth
    /// 1-based per contract and month, in the order computed.
    public var number: Int
    public var score: Points
    /// The standing band's id.
    public var standing: String
    /// `YYYY-MM-DD`.
    public var computedOn: String
    /// The last correction number the computation applied (0: none).
    public var correctionsUpTo: Int

    public init(
        month: YearMonth,
        number: Int,
        score: Points,
        standing: String,
        computedOn: String,
        correctionsUpTo: Int = 0
    ) {
        self.month = month
        self.number = number
        self.score = score
        self.standing = standing
        self.computedOn = computedOn
        self.correctionsUpTo = correctionsUpTo
    }
}

/// A month of the contract without a current score, and why.
public struct PendingMonth: Hashable, Sendable {
    public var month: YearMonth
    public var status: PendingStatus

    public init(month: YearMonth, status: PendingStatus) {
        self.month = month
        self.status = status
    }
}

public enum PendingStatus: Hashable, Sendable {
    /// Some sources are not recorded yet, so the month cannot be computed.
    case incomplete(missing: [PerformanceSource])
    /// Every source is recorded; `perf month` has not been run.
    case notComputed
    /// The stored score predates correction `correction` (and any later ones for the month): it must be
    /// computed again before it counts as current.
    case stale(correction: Int)
}
