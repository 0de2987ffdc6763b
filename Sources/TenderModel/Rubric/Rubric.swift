public import TenderCore

/// How a tender is evaluated: the header, the pass/fail gates and the scored groups of criteria.
///
/// Built only by `RubricLoader`, which guarantees what the scoring relies on: ids are unique, points are
/// exact and sum to 100 (group by group and in all), scales stay inside their criterion's points.
public struct Rubric: Hashable, Sendable {
    public var file: String
    public var tender: TenderHeader
    /// XPath prefixes the criteria use, bound to namespace URIs (bids are matched by URI, never by prefix).
    public var namespaces: [NamespaceBinding]
    public var pricePolicy: PricePolicy
    public var committee: CommitteePolicy
    public var gates: [Gate]
    public var groups: [CriterionGroup]
    /// Where each XPath expression is written, by fact id (`gate:<id>` or the criterion id), so that the
    /// importer's compile errors point into the rubric.
    public var xpathSites: [String: XPathSite] = [:]

    public init(
        file: String,
        tender: TenderHeader,
        namespaces: [NamespaceBinding],
        pricePolicy: PricePolicy,
        committee: CommitteePolicy,
        gates: [Gate],
        groups: [CriterionGroup]
    ) {
        self.file = file
        self.tender = tender
        self.namespaces = namespaces
        self.pricePolicy = pricePolicy
        self.committee = committee
        self.gates = gates
        self.groups = groups
    }

    /// Every criterion, group by group, in rubric order.
    public var criteria: [Criterion] {
        groups.flatMap(\.criteria)
    }

    public func group(containing criterionID: String) -> CriterionGroup? {
        groups.first { group in group.criteria.contains { $0.id == criterionID } }
    }
}

public struct TenderHeader: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var buyer: LocalizedText
    /// ISO 4217 code; a bid priced in another currency is not evaluated.
    public var currency: String
    public var budget: Money?
    public var method: EvaluationMethod
    /// Decimals every criterion score is rounded to (half away from zero).
    public var decimals: Int
    public var rounding: RoundingPolicy
    public var minimumValidBids: Int
    public var tieBreak: [TieBreakRule]
    /// The day the evaluation takes place, `YYYY-MM-DD`; look-back periods (violations within 3 years) end here.
    public var evaluationDate: String
    /// Policy profile whose lint rules apply (`cn-87`, `eu`, …), if any.
    public var profile: String?
    public var location: SourceLocation
    /// The day the tender notice was published, `YYYY-MM-DD`: nothing in a bid (a signed commitment, the
    /// submission) can be dated before it.
    public var published: String?
    /// When bids had to be in: `YYYY-MM-DD` (the end of that day, in each bid's own time zone) or an ISO 8601
    /// date-time with a zone. A bid submitted after it is not evaluated.
    public var submissionDeadline: String?

    public init(
        id: String,
        title: LocalizedText,
        buyer: LocalizedText,
        currency: String,
        budget: Money?,
        method: EvaluationMethod,
        decimals: Int,
        rounding: RoundingPolicy,
        minimumValidBids: Int,
        tieBreak: [TieBreakRule],
        evaluationDate: String,
        profile: String?,
        location: SourceLocation,
        published: String? = nil,
        submissionDeadline: String? = nil
    ) {
        self.id = id
        self.title = title
        self.buyer = buyer
        self.currency = currency
        self.budget = budget
        self.method = method
        self.decimals = decimals
        self.rounding = rounding
        self.minimumValidBids = minimumValidBids
        self.tieBreak = tieBreak
        self.evaluationDate = evaluationDate
        self.profile = profile
        self.location = location
        self.published = published
        self.submissionDeadline = submissionDeadline
    }
}

/// 综合评分法 (highest total wins) or 最低评标价法 (lowest evaluated price among compliant bids wins).
public enum EvaluationMethod: String, Hashable, Sendable, Codable, CaseIterable {
    case comprehensive
    case lowestEvaluatedPrice = "lowest-evaluated-price"
}

/// Where rounding happens: each criterion at the rubric's decimals and the total their sum (the default,
/// so a report adds up by hand), or only the total.
public enum RoundingPolicy: String, Hashable, Sendable, Codable, CaseIterable {
    case perCriterion = "per-criterion"
    case total
}

/// One step of the tie-break chain applied after total ↓ and evaluated price ↑.
public enum TieBreakRule: Hashable, Sendable {
    /// The sum of every non-price group, higher first ("以技术得分高的优先").
    case technicalScore
    /// The sum of the named groups, higher first.
    case groupScore([String])
    /// One criterion's score, higher first.
    case criterionScore(String)
    /// The bid submitted first wins (Prozorro).
    case earliestSubmission
}

public struct PricePolicy: Hashable, Sendable {
    /// Percent taken off the evaluated price of an enterprise of that size (财库〔2022〕19号: 10–20 % for small
    /// and micro firms). The deducted price is used for the base price and for the bid itself.
    public var sizeDeductions: [EnterpriseSize: ExactRatio]
    /// A valid bid this many percent below the mean of the other valid bids is flagged for written
    /// clarification (87号令 Art 60); it is never rejected automatically.
    public var abnormallyLowPercent: ExactRatio
    /// A bid total below this is flagged as implausibly small for written clarification (87号令 Art 60) and does
    /// not set the price base; nil when the rubric states none, and then the default applies (see
    /// `Rubric.plausibleFloor`) unless `plausibleMinimumSwitchedOff` (prices below one minor unit of the
    /// currency are refused in any case).
    public var plausibleMinimum: PlausibleMinimum?
    /// `plausible-minimum: none`: the rubric wants no floor at all, not even the default.
    public var plausibleMinimumSwitchedOff = false
    /// 最高限价: a bid total above it is invalid (87号令 Art 63). Without it the budget, when stated, is the limit.
    public var ceiling: Money?

    public init(
        sizeDeductions: [EnterpriseSize: ExactRatio] = [:],
        abnormallyLowPercent: ExactRatio = ExactRatio(20),
        plausibleMinimum: PlausibleMinimum? = nil,
        ceiling: Money? = nil
    ) {
        self.sizeDeductions = sizeDeductions
        self.abnormallyLowPercent = abnormallyLowPercent
        self.plausibleMinimum = plausibleMinimum
        self.ceiling = ceiling
    }
}

/// The smallest bid total the rubric finds plausible: a share of the budget or an amount in the tender's currency.
public enum PlausibleMinimum: Hashable, Sendable {
    case percentOfBudget(ExactRatio)
    case amount(Money)

    /// The amount itself, given the tender's budget (a share needs one; the loader makes sure it is there).
    /// - Throws: `FixedPointOverflow` when the share of the budget cannot be computed exactly.
    public func amount(budget: Money?) throws(FixedPointOverflow) -> ExactRatio? {
        switch self {
        case .amount(let amount): return amount.ratio
        case .percentOfBudget(let percent):
            guard let budget else { return nil }
            return try budget.ratio * percent / ExactRatio(100)
        }
    }
}

/// The plausible minimum in effect for a tender: its amount and where it comes from, for the report.
public struct PlausibleFloor: Hashable, Sendable {
    public enum Origin: Hashable, Sendable {
        /// The rubric states it (`plausible-minimum`).
        case stated(PlausibleMinimum)
        /// The rubric states none: `PlausibleFloor.defaultPercent` of the ceiling price (最高限价).
        case defaultOfCeiling
        /// The rubric states none and no ceiling: `PlausibleFloor.defaultPercent` of the budget.
        case defaultOfBudget
    }

    /// A services contract at a tenth of what the purchaser set aside (or may pay at most) is not a price anyone
    /// can perform for; real abnormally low bids (20–40 % under the others) lie far above it, so the default
    /// catches only absurd amounts (a bid of 1.00 on a 9.8 M tender) and never an honest aggressive bid.
    public static let defaultPercent = ExactRatio(10)

    /// Exact: a share of the budget can have more decimals than an amount of money.
    public var amount: ExactRatio
    public var origin: Origin

    public init(amount: ExactRatio, origin: Origin) {
        self.amount = amount
        self.origin = origin
    }

    public var isDefault: Bool {
        if case .stated = origin { return false }
        return true
    }
}

extension Rubric {
    /// The floor below which a valid bid is flagged and set aside from the price base: the rubric's
    /// `plausible-minimum`; without it, 10 % of the ceiling price or else of the budget; nil when the rubric
    /// switches it off (`plausible-minimum: none`) or states neither budget nor ceiling.
    /// A share of a budget or ceiling beyond the fixed-point range (which the loader refuses) gives no floor
    /// rather than a wrong one.
    public var plausibleFloor: PlausibleFloor? {
        let policy = pricePolicy
        if let stated = policy.plausibleMinimum {
            return (try? stated.amount(budget: tender.budget))?.map {
                PlausibleFloor(amount: $0, origin: .stated(stated))
            }
        }
        guard !policy.plausibleMinimumSwitchedOff else { return nil }
        let share = { (amount: Money) in try? amount.ratio * PlausibleFloor.defaultPercent / ExactRatio(100) }
        if let ceiling = policy.ceiling {
            return share(ceiling).map { PlausibleFloor(amount: $0, origin: .defaultOfCeiling) }
        }
        return tender.budget.flatMap(share).map { PlausibleFloor(amount: $0, origin: .defaultOfBudget) }
    }
}

public struct CommitteePolicy: Hashable, Sendable {
    /// Number of members expected to score every judgement criterion, if the rubric states it.
    public var members: Int?
    public var aggregation: ScoreAggregation
    /// A max − min spread of at least this percent of a criterion's points is flagged (Bonfire's 30 %).
    public var disagreementPercent: ExactRatio
    /// Where the committee (its `members` key when given) is written, for policy warnings.
    public var location: SourceLocation?
    /// Whether a judgement score below the maximum needs a reason: the rubric's `reasons`, or by default `required`
    /// under the `cn-87` profile and `optional` otherwise.
    public var reasons: ReasonsPolicy = .optional

    public init(
        members: Int? = nil,
        aggregation: ScoreAggregation = .mean,
        disagreementPercent: ExactRatio = ExactRatio(30)
    ) {
        self.members = members
        self.aggregation = aggregation
        self.disagreementPercent = disagreementPercent
    }
}

/// How members' scores for one criterion become the bidder's score.
public enum ScoreAggregation: String, Hashable, Sendable, Codable, CaseIterable {
    case mean
    /// Drop one highest and one lowest score, then average (needs at least 3 members).
    case trimmedMean = "trimmed-mean"
}
