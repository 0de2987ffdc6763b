public import TenderCore

/// How a contract's service is evaluated each month after the award (月考评): which sources make the monthly
/// score and with what weights, how patrol findings deduct, and what each standing band means.
///
/// Built only by the plan loader (TenderRubric), which guarantees: the three source weights sum to exactly 100;
/// department item points sum to exactly 100; every answer value, team score bound and item lies in 0...100;
/// standings are strictly descending with the last at 0; every id is unique; every referenced service item and
/// standing exists; the contract's end is not before its start. See docs/performance-plan.md.
public struct EvaluationPlan: Hashable, Sendable {
    public var contract: PerformanceContract
    /// Decimal places of the published monthly score (and of each source's contribution under `.perSource`).
    public var decimals: Int
    public var rounding: PlanRounding
    public var survey: SurveySource
    public var team: TeamSource
    public var department: DepartmentSource
    public var patrol: PatrolSource
    /// Bands from the highest threshold down; the last band's `atLeast` is 0, so every score has a standing.
    public var standings: [Standing]
    public var rules: [StandingRule]
    /// The plan file (line and column of its first key).
    public var location: SourceLocation

    public init(
        contract: PerformanceContract,
        decimals: Int,
        rounding: PlanRounding,
        survey: SurveySource,
        team: TeamSource,
        department: DepartmentSource,
        patrol: PatrolSource,
        standings: [Standing],
        rules: [StandingRule],
        location: SourceLocation
    ) {
        self.contract = contract
        self.decimals = decimals
        self.rounding = rounding
        self.survey = survey
        self.team = team
        self.department = department
        self.patrol = patrol
        self.standings = standings
        self.rules = rules
        self.location = location
    }

    /// The months the contract runs, first to last (a month counts when the contract covers any day of it).
    public var months: [YearMonth] {
        let first = contract.firstMonth.ordinal
        let last = contract.lastMonth.ordinal
        guard first <= last else { return [] }
        return (first...last).compactMap { YearMonth(ordinal: $0) }
    }

    public func standing(id: String) -> Standing? {
        standings.first { $0.id == id }
    }

    /// The band a (rounded) monthly score falls in: the first from the top whose threshold it reaches.
    public func standing(for score: Points) -> Standing {
        standings.first { score >= $0.atLeast } ?? standings[standings.count - 1]
    }
}

/// The contract the plan belongs to.
public struct PerformanceContract: Hashable, Sendable {
    /// The contract number; unique in a history database.
    public var id: String
    /// The tender that awarded it (a rubric's `tender.id`).
    public var tenderID: String
    /// The buyer (采购人): a later tender's history criterion reads contracts whose buyer matches its own.
    public var buyer: LocalizedText
    public var contractor: PerformanceContractor
    /// The services evaluated (保洁, 秩序维护, 工程维修, 会务服务, …), in the plan's order.
    public var services: [ServiceItem]
    /// `YYYY-MM-DD`, a real calendar date.
    public var start: String
    /// `YYYY-MM-DD`, not before `start`.
    public var end: String
    public var location: SourceLocation

    public init(
        id: String,
        tenderID: String,
        buyer: LocalizedText,
        contractor: PerformanceContractor,
        services: [ServiceItem],
        start: String,
        end: String,
        location: SourceLocation
    ) {
        self.id = id
        self.tenderID = tenderID
        self.buyer = buyer
        self.contractor = contractor
        self.services = services
        self.start = start
        self.end = end
        self.location = location
    }

    public var firstMonth: YearMonth { YearMonth(dayText: start)! }
    public var lastMonth: YearMonth { YearMonth(dayText: end)! }

    public func service(id: String) -> ServiceItem? {
        services.first { $0.id == id }
    }
}

/// The winner, matched to later bids by the registration id (统一社会信用代码) through `BidderIdentity`.
public struct PerformanceContractor: Hashable, Sendable {
    public var name: String
    public var registrationID: String

    public init(name: String, registrationID: String) {
        self.name = name
        self.registrationID = registrationID
    }
}

public struct ServiceItem: Hashable, Sendable {
    /// Short ASCII id used in sheets' item columns (`cleaning`, `order-patrol`, …); the localized name is also
    /// accepted there.
    public var id: String
    public var name: LocalizedText
    public var location: SourceLocation

    public init(id: String, name: LocalizedText, location: SourceLocation) {
        self.id = id
        self.name = name
        self.location = location
    }
}

/// Where rounding happens, as in a rubric: `.perSource` rounds each source's weighted contribution at the
/// plan's decimals and the score is their sum minus the deductions; `.total` rounds only the final score.
/// No intermediate ratio is ever rounded.
public enum PlanRounding: String, Hashable, Sendable, Codable {
    case perSource = "per-source"
    case total
}

/// 群众测评: respondents answer, for each service item the survey covers, one of the plan's answers; the source
/// score (0...100) is the exact mean of the values of all answers given that month. A blank answer is "no
/// answer" and does not count; a respondent who answered nothing is an error.
public struct SurveySource: Hashable, Sendable {
    /// Weight in the monthly score; the three sources' weights sum to exactly 100.
    public var weight: Points
    /// Answer labels and their values (满意 → 100, 基本满意 → 80, 不满意 → 0), in the plan's order.
    public var answers: [SurveyAnswer]
    /// Service item ids the survey asks about (default: every service item).
    public var items: [String]
    /// Fewer respondents in a month than this makes the month impossible to score (an error, not a zero).
    public var minimumResponses: Int
    public var location: SourceLocation

    public init(
        weight: Points,
        answers: [SurveyAnswer],
        items: [String],
        minimumResponses: Int,
        location: SourceLocation
    ) {
        self.weight = weight
        self.answers = answers
        self.items = items
        self.minimumResponses = minimumResponses
        self.location = location
    }

    public func answer(labelled label: String) -> SurveyAnswer? {
        answers.first { $0.label == label }
    }
}

public struct SurveyAnswer: Hashable, Sendable {
    /// As exported by the form tool (满意, 基本满意, 不满意); compared exactly after trimming white space.
    public var label: String
    /// 0...100.
    public var value: Points

    public init(label: String, value: Points) {
        self.label = label
        self.value = value
    }
}

/// 班组推荐: each of the buyer's teams gives one score in `0...100` (in `step`s when set); the source score is
/// the exact mean over teams.
public struct TeamSource: Hashable, Sendable {
    public var weight: Points
    public var step: Points?
    /// Fewer teams than this in a month: the month cannot be scored.
    public var minimumTeams: Int
    /// A score below 100 needs a written reason.
    public var reasonsRequired: Bool
    public var location: SourceLocation

    public init(weight: Points, step: Points?, minimumTeams: Int, reasonsRequired: Bool, location: SourceLocation) {
        self.weight = weight
        self.step = step
        self.minimumTeams = minimumTeams
        self.reasonsRequired = reasonsRequired
        self.location = location
    }
}

/// 科室考评: each department scores every item within its points (the items' points sum to exactly 100); a
/// department's score is the sum of its item scores, the source score the exact mean over departments.
public struct DepartmentSource: Hashable, Sendable {
    public var weight: Points
    public var items: [DepartmentItem]
    public var step: Points?
    public var minimumDepartments: Int
    /// A score below the item's points needs a written reason (as `reasons: required` on committee sheets).
    public var reasonsRequired: Bool
    public var location: SourceLocation

    public init(
        weight: Points,
        items: [DepartmentItem],
        step: Points?,
        minimumDepartments: Int,
        reasonsRequired: Bool,
        location: SourceLocation
    ) {
        self.weight = weight
        self.items = items
        self.step = step
        self.minimumDepartments = minimumDepartments
        self.reasonsRequired = reasonsRequired
        self.location = location
    }

    public func item(id: String) -> DepartmentItem? {
        items.first { $0.id == id }
    }
}

public struct DepartmentItem: Hashable, Sendable {
    /// A service item id of the contract.
    public var id: String
    public var points: Points
    public var location: SourceLocation

    public init(id: String, points: Points, location: SourceLocation) {
        self.id = id
        self.points = points
        self.location = location
    }
}

/// 周巡查: each finding deducts its points from the month's score; one finding deducts at most
/// `maximumPerFinding`, a month at most `monthlyCap` (the cap is applied and shown, never silently).
public struct PatrolSource: Hashable, Sendable {
    public var maximumPerFinding: Points
    public var monthlyCap: Points
    /// A finding must name its photo file (whose SHA-256 is recorded as evidence).
    public var photoRequired: Bool
    public var location: SourceLocation

    public init(maximumPerFinding: Points, monthlyCap: Points, photoRequired: Bool, location: SourceLocation) {
        self.maximumPerFinding = maximumPerFinding
        self.monthlyCap = monthlyCap
        self.photoRequired = photoRequired
        self.location = location
    }
}

/// A standing band (优秀 / 合格 / 不合格) and what it entails for that month.
public struct Standing: Hashable, Sendable {
    /// `excellent`, `qualified`, `unqualified`, …
    public var id: String
    public var name: LocalizedText
    /// The lowest monthly score in the band.
    public var atLeast: Points
    /// What the month's standing entails under the contract (增发奖励工资, 停放奖励工资), shown in reports.
    public var consequence: LocalizedText?
    public var location: SourceLocation

    public init(id: String, name: LocalizedText, atLeast: Points, consequence: LocalizedText?, location: SourceLocation)
    {
        self.id = id
        self.name = name
        self.atLeast = atLeast
        self.consequence = consequence
        self.location = location
    }
}

/// A rule over the months' standings: `count` months with standing `standing` within a window of `withinMonths`
/// consecutive months (ending with the month just evaluated) raise the rule. A rule that `warnsNextTender`
/// is recorded as a warning that a later tender's committee sees as a flag on this contractor (never a
/// disqualification).
public struct StandingRule: Hashable, Sendable {
    public var id: String
    public var standing: String
    public var count: Int
    public var withinMonths: Int
    public var consequence: LocalizedText
    public var warnsNextTender: Bool
    public var location: SourceLocation

    public init(
        id: String,
        standing: String,
        count: Int,
        withinMonths: Int,
        consequence: LocalizedText,
        warnsNextTender: Bool,
        location: SourceLocation
    ) {
        self.id = id
        self.standing = standing
        self.count = count
        self.withinMonths = withinMonths
        self.consequence = consequence
        self.warnsNextTender = warnsNextTender
        self.location = location
    }
}
