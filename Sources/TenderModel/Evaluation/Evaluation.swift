public import TenderCore

/// The complete, explainable result of evaluating one tender: every bid's status, every point with its
/// basis, the ranking and what the committee must look at.
public struct Evaluation: Hashable, Sendable {
    public var rubric: Rubric
    public var outcome: TenderOutcome
    /// Valid bids in rank order, then disqualified bids, then bids that could not be evaluated (each of the
    /// last two sorted by bidder name, then file name), so the order never depends on file order.
    public var results: [BidResult]
    /// Lowest and highest evaluated price among valid bids: the base of the price formula.
    public var priceBase: PriceBase?
    /// Committee members whose scores were used, in sheet order of first appearance sorted by name.
    public var members: [String]
    public var flags: [Flag]
    /// Warnings and notes found while scoring (e.g. a fact the bid does not contain).
    public var diagnostics: [Diagnostic]
    /// Every entry of the bids folders and every file named on the command line, with what the run did with it
    /// (bid, score sheet, or not read and why), sorted by path. Empty when the evaluation was built in memory.
    public var inputFiles: [InputFileEntry]
    /// Judgement scores not given yet (member × bidder × criterion), in committee, bidder and rubric order; while
    /// any is outstanding the evaluation is preliminary and nothing is ranked.
    public var outstanding: [OutstandingScore] = []
    /// The recorded decisions applied in order, one round each (empty without a decisions file).
    public var decisionRounds: [DecisionRound] = []
    /// The decisions file and the hash of its last entry, which the manifest records.
    public var decisionsFile: String?
    public var decisionsHead: String?
    /// Bidders whose flagged low price the committee accepted after clarification, with the decision's number:
    /// their abnormally-low and implausibly-low flags are resolved (see `resolution(of:)`).
    public var acceptedClarifications: [String: Int] = [:]
    /// The committee file the run used, as written (replaced members included: the signed report lists who sat
    /// and who left); nil when the members are known only from their sheets.
    public var committee: Committee?
    /// The performance history the history criteria read (issue 10), nil when the rubric has none.
    public var history: HistorySource?

    public init(
        rubric: Rubric,
        outcome: TenderOutcome,
        results: [BidResult],
        priceBase: PriceBase?,
        members: [String],
        flags: [Flag],
        diagnostics: [Diagnostic],
        inputFiles: [InputFileEntry] = []
    ) {
        self.inputFiles = inputFiles
        self.rubric = rubric
        self.outcome = outcome
        self.results = results
        self.priceBase = priceBase
        self.members = members
        self.flags = flags
        self.diagnostics = diagnostics
    }

    public var validResults: [BidResult] {
        results.filter { $0.status == .valid }
    }

    /// What the evaluation may conclude: a bid not read or held for the committee blocks every verdict (the bid
    /// may be valid, even the winner); then a failed tender stands whatever scores are missing (no score adds a
    /// valid bid); then missing judgement scores leave it preliminary.
    public var conclusion: EvaluationConclusion {
        // A duplicate the committee set aside by decision is not evaluated, and nothing about it is left to fix.
        let blocking = results.contains { result in
            result.status == .notEvaluated && result.problems.contains { $0.severity != .note }
        }
        if blocking { return .cannotConclude }
        if case .failed = outcome { return .failed }
        return outstanding.isEmpty ? .final : .preliminary
    }
}

public enum TenderOutcome: Hashable, Sendable {
    /// Enough valid bids: the ranking stands (rank 1 may be shared when a tie could not be broken).
    case ranked
    /// Fewer valid bids than the rubric's minimum: the tender failed (废标) and must be re-tendered.
    case failed(validBids: Int, minimum: Int)
}

extension Evaluation {
    /// The bid files held for the committee (see `Flag.bidsHeldForCommittee`); while any is held, the ranking or
    /// the failed verdict is provisional.
    public var heldForCommittee: [String] {
        for case .bidsHeldForCommittee(let files) in flags { return files }
        return []
    }
}

public struct PriceBase: Hashable, Sendable {
    public var lowest: Money
    public var highest: Money
    /// Bidder whose evaluated price is the lowest (the first by name when several share it).
    public var lowestBidder: String
    /// The plausible minimum the bids were held against (nil: no floor applied).
    public var plausibleFloor: PlausibleFloor?
    /// Valid bids whose total lies below the plausible minimum and that were therefore left out of the base
    /// (their own price score is computed against it, capped at the criterion's points), by bidder name.
    public var setAside: [SetAsidePrice]
    /// Every valid bid lies below the plausible minimum: none is left to set the base, so it is taken from them
    /// all, and the committee must clarify before relying on the price scores.
    public var allBelowFloor: Bool

    public init(
        lowest: Money,
        highest: Money,
        lowestBidder: String,
        plausibleFloor: PlausibleFloor? = nil,
        setAside: [SetAsidePrice] = [],
        allBelowFloor: Bool = false
    ) {
        self.lowest = lowest
        self.highest = highest
        self.lowestBidder = lowestBidder
        self.plausibleFloor = plausibleFloor
        self.setAside = setAside
        self.allBelowFloor = allBelowFloor
    }
}

/// A valid bid kept out of the price base because its total is below the plausible minimum.
public struct SetAsidePrice: Hashable, Sendable {
    public var bidder: String
    public var bidTotal: Money
    public var evaluatedPrice: Money

    public init(bidder: String, bidTotal: Money, evaluatedPrice: Money) {
        self.bidder = bidder
        self.bidTotal = bidTotal
        self.evaluatedPrice = evaluatedPrice
    }
}

public enum BidStatus: String, Hashable, Sendable, Codable {
    case valid
    case disqualified
    case notEvaluated = "not-evaluated"
}

public struct BidResult: Hashable, Sendable {
    public var file: String
    /// Nil only when the file could not be read at all.
    public var bidderName: String?
    public var registrationID: String?
    public var size: EnterpriseSize?
    public var submittedAt: String?
    public var status: BidStatus
    /// Why a bid was not evaluated (import or currency errors), each with its location.
    public var problems: [Diagnostic]
    /// Every gate with its verdict; a disqualified bid has at least one failed gate.
    public var gates: [GateResult]
    /// One entry per criterion, in rubric order (empty unless valid).
    public var criterionScores: [CriterionScore]
    public var groupScores: [GroupScore]
    public var total: Points?
    /// The total before rounding, for `rounding: total` (equals `total` otherwise).
    public var unroundedTotal: ExactRatio?
    public var price: PriceEvaluation?
    public var rank: Int?
    /// What placed this bid above the next one when their totals were equal, if anything did.
    public var decidedBy: TieBreakDecision?
    /// Other bidders sharing this rank because every tie-break step left them equal.
    public var tiedWith: [String]
    public var flags: [Flag]
    /// Lawful grounds other than gates on which the bid is disqualified (late, above the ceiling or budget).
    public var disqualifications: [Disqualification] = []

    public init(
        file: String,
        bidderName: String?,
        registrationID: String?,
        size: EnterpriseSize?,
        submittedAt: String?,
        status: BidStatus,
        problems: [Diagnostic] = [],
        gates: [GateResult] = [],
        criterionScores: [CriterionScore] = [],
        groupScores: [GroupScore] = [],
        total: Points? = nil,
        unroundedTotal: ExactRatio? = nil,
        price: PriceEvaluation? = nil,
        rank: Int? = nil,
        decidedBy: TieBreakDecision? = nil,
        tiedWith: [String] = [],
        flags: [Flag] = []
    ) {
        self.file = file
        self.bidderName = bidderName
        self.registrationID = registrationID
        self.size = size
        self.submittedAt = submittedAt
        self.status = status
        self.problems = problems
        self.gates = gates
        self.criterionScores = criterionScores
        self.groupScores = groupScores
        self.total = total
        self.unroundedTotal = unroundedTotal
        self.price = price
        self.rank = rank
        self.decidedBy = decidedBy
        self.tiedWith = tiedWith
        self.flags = flags
    }

    /// The name reports show: the bidder's name, or the file name when the bid could not be read.
    public var displayName: String {
        bidderName ?? file
    }

    public func score(for criterionID: String) -> CriterionScore? {
        criterionScores.first { $0.criterionID == criterionID }
    }

    public func groupScore(for groupID: String) -> Points? {
        groupScores.first { $0.groupID == groupID }?.points
    }
}

public struct GateResult: Hashable, Sendable {
    public var gateID: String
    public var passed: Bool
    public var finding: GateFinding

    public init(gateID: String, passed: Bool, finding: GateFinding) {
        self.gateID = gateID
        self.passed = passed
        self.finding = finding
    }
}

/// The evidence behind a gate verdict, so the report can say exactly why.
public enum GateFinding: Hashable, Sendable {
    /// A signed commitment of the kind was found (line), or not.
    case commitment(kind: String, signedOn: String?, line: Int?)
    case commitmentMissing(kind: String)
    /// The commitment is present but carries no signature date.
    case commitmentUnsigned(kind: String, line: Int?)
    /// Violations of the gate's severity within the look-back window (empty when the gate passed).
    case violations([Violation], severity: ViolationSeverity, since: String)
    /// The bid's format records no legal violations at all (UBL Tender, ESPD as mapped here), so "none found"
    /// would be a claim the data cannot support: the gate fails until the bidder declares its record.
    case violationsNotDeclared(format: BidFormat)
    case attachment(type: String, name: String?, line: Int?)
    case xpath(test: String, result: Bool)
    /// The commitment's signature date cannot be right for this tender (signed after the evaluation or before
    /// the tender was published), so it does not count.
    case commitmentDateImplausible(kind: String, signedOn: String, line: Int?, problem: DateProblem)
    /// A violation of the gate's severity is dated where no record can be (in the future, or implausibly long
    /// ago): the record is not clean, and the gate cannot pass until the committee has it clarified.
    case violationDateImplausible(Violation, problem: DateProblem)
}

/// Why a date in a bid cannot be right for this tender.
public enum DateProblem: Hashable, Sendable {
    /// Later than the evaluation date.
    case afterEvaluation(evaluationDate: String)
    /// Later than the rubric's submission deadline.
    case afterDeadline(deadline: String)
    /// Later than the bid's own submission time: a document signed after the bid was handed in is not part of it.
    case afterSubmission(submittedAt: String)
    /// Earlier than the rubric's publication date of the tender notice.
    case beforePublication(published: String)
    /// Earlier than the earliest date tender-eval accepts in any bid (`DateChecks.earliestPlausible`).
    case beforeEarliestPlausible(earliest: String)
}

/// Which dated part of a bid a date flag is about.
public enum DatedPart: Hashable, Sendable {
    case submission
    case violation
    case commitment(kind: String)
}

public struct GroupScore: Hashable, Sendable {
    public var groupID: String
    public var points: Points

    public init(groupID: String, points: Points) {
        self.groupID = groupID
        self.points = points
    }
}

public struct CriterionScore: Hashable, Sendable {
    public var criterionID: String
    public var groupID: String
    /// The points counted in the total: rounded at the rubric's decimals (per-criterion rounding) or raw.
    public var points: Points
    /// The exact value before any rounding.
    public var unrounded: ExactRatio
    public var basis: ScoreBasis

    public init(criterionID: String, groupID: String, points: Points, unrounded: ExactRatio, basis: ScoreBasis) {
        self.criterionID = criterionID
        self.groupID = groupID
        self.points = points
        self.unrounded = unrounded
        self.basis = basis
    }
}

/// Why a criterion got its points: the fact and the rule, the members' scores, or the price formula.
public enum ScoreBasis: Hashable, Sendable {
    case objective(fact: FactValue, line: Int?, applied: AppliedScale)
    case judgement(JudgementAggregate)
    case price(PriceEvaluation)
    /// The monthly scores of the bidder's past contracts that counted, their exact mean and the scale applied, or
    /// why the bidder got the rubric's neutral points.
    case history(HistoryEvidence)
}

/// Which part of a scale produced the points.
public enum AppliedScale: Hashable, Sendable {
    /// `value` was clamped to `[lower, upper]` before interpolation.
    case linear(value: ExactRatio, lower: ExactRatio, upper: ExactRatio, lowerPoints: Points, upperPoints: Points)
    /// The band that contains the value, or nil when the value lies below the first band.
    case band(Band?)
    case perItem(count: ExactRatio, each: Points, cap: Points)
    case yesNo(Bool, yes: Points, no: Points)
    case lookup(key: String, matched: Bool)
    /// The bid does not contain the fact: zero points, and a warning.
    case absent
}

public struct MemberScore: Hashable, Sendable {
    public var member: String
    public var score: Points
    public var location: SourceLocation?
    /// The member's written reason (理由), when the sheet gives one.
    public var reason: String?

    public init(member: String, score: Points, location: SourceLocation?, reason: String? = nil) {
        self.member = member
        self.score = score
        self.location = location
        self.reason = reason
    }
}

public struct JudgementAggregate: Hashable, Sendable {
    public var scores: [MemberScore]
    public var aggregation: ScoreAggregation
    /// Members whose scores the trimmed mean left out.
    public var dropped: [String]
    /// The committee's agreed score (a consensus decision), which the criterion counts instead of the mean.
    public var consensus: Points? = nil
    /// Members whose scores for this bidder are not counted: recused, or replaced and archived.
    public var setAside: [MemberScore] = []
    /// Sum of the counted scores and their number: the mean is `sum / count`.
    public var sum: Points
    public var count: Int

    public init(scores: [MemberScore], aggregation: ScoreAggregation, dropped: [String], sum: Points, count: Int) {
        self.scores = scores
        self.aggregation = aggregation
        self.dropped = dropped
        self.sum = sum
        self.count = count
    }
}

public struct PriceEvaluation: Hashable, Sendable {
    /// The total as bid.
    public var bidTotal: Money
    public var currency: String
    /// Percent deducted for the bidder's enterprise size (0 when none applies).
    public var deductionPercent: ExactRatio
    /// `bidTotal × (1 − deductionPercent / 100)`: the price every formula and ranking uses.
    public var evaluatedPrice: Money
    public var formula: PriceFormula
    /// Lowest and highest evaluated price among valid bids.
    public var lowest: Money
    public var highest: Money
    public var maximumPoints: Points

    public init(
        bidTotal: Money,
        currency: String,
        deductionPercent: ExactRatio,
        evaluatedPrice: Money,
        formula: PriceFormula,
        lowest: Money,
        highest: Money,
        maximumPoints: Points
    ) {
        self.bidTotal = bidTotal
        self.currency = currency
        self.deductionPercent = deductionPercent
        self.evaluatedPrice = evaluatedPrice
        self.formula = formula
        self.lowest = lowest
        self.highest = highest
        self.maximumPoints = maximumPoints
    }
}

/// The step of the ranking chain that separated two bids with equal totals.
public enum TieBreakDecision: Hashable, Sendable {
    case lowerEvaluatedPrice
    case rule(TieBreakRule)
}

/// Something the committee must look at; none of these changes a score by itself.
public enum Flag: Hashable, Sendable {
    /// Evaluated price this far below the mean of the other valid bids: written clarification required
    /// (87号令 Art 60, EU Art 69); never rejected automatically.
    case abnormallyLowPrice(bidder: String, evaluatedPrice: Money, meanOfOthers: ExactRatio, percentBelow: ExactRatio)
    /// Members' scores for one criterion spread by at least the rubric's threshold; `outliers` names the members
    /// whose score lies at least the threshold away from the mean of the others' (畸高/畸低, 87号令 Art 64).
    case scoreDisagreement(
        bidder: String,
        criterionID: String,
        lowest: Points,
        highest: Points,
        threshold: ExactRatio,
        outliers: [String]
    )
    /// Fewer valid bids than the minimum: the tender failed.
    case tooFewValidBids(valid: Int, minimum: Int)
    /// Bidders left equal by every tie-break step share a rank (并列).
    case declaredTie(bidders: [String], rank: Int)
    /// Removing `removed` (whose price set the base) would change the winner: the relative price formula's
    /// dependence on other bids, shown so the committee can see it.
    case rankReversal(removed: String, winner: String, winnerWithoutRemoved: String)
    /// The bidder's name, as written in `file`, contains characters that do not show or that reorder the text
    /// (zero-width spaces, bidi overrides): the committee should check the name against the bidder's registration.
    case suspiciousBidderName(bidder: String, file: String, characters: [Unicode.Scalar])
    /// A date in the bid that cannot be right for this tender but does not by itself exclude the bid (e.g. a
    /// submission time before the tender was published, which then cannot win the earliest-submission tie-break).
    case implausibleDate(bidder: String, file: String, line: Int?, part: DatedPart, date: String, problem: DateProblem)
    /// A bid total below the rubric's plausible minimum: written clarification required (87号令 Art 60), never
    /// rejected automatically. `setsPriceBase` says whether its evaluated price is the base every price score uses.
    case implausiblyLowPrice(bidder: String, price: Money, minimum: ExactRatio, setsPriceBase: Bool)
    /// Different bidders' documents share something 87号令 Art 37 lists as a sign of collusion.
    case possibleCollusion(CollusionSignal)
    /// These bid files (sorted) claim a bidder another bid also claims and are held for the committee, which
    /// decides which bid speaks for which bidder. Until it has, the outcome is provisional: a held bid may be the
    /// winner, or the one valid bid that keeps the tender from failing.
    case bidsHeldForCommittee(files: [String])
    /// The committee file's make-up breaks a rule of the rubric's policy profile (under `cn-87`: 87号令 Arts 45,
    /// 47): the evaluation is shown, but the committee that made it is not lawfully composed.
    case committeeComposition(CommitteeFinding)
    /// A standing rule of one of the bidder's past contracts that warns the next tender (e.g. three unqualified
    /// months in twelve) was raised in the history window: for the committee's attention only, it never changes a
    /// score and never disqualifies. `contractID` is `warning.contractID`; `contractor` is the name the contract's
    /// plan gives the contractor (the bid may spell it otherwise: the match is by registration id).
    case performanceWarning(
        bidder: String,
        warning: RaisedRule,
        contractID: String,
        tenderID: String,
        buyer: LocalizedText,
        contractor: String
    )
    /// A valid bid's performance history could not be matched safely (no registration id, not a valid
    /// 统一社会信用代码 under `cn-87`, or the bidder's name is a recorded contractor's under another id): the
    /// committee should verify the bidder's identity. The neutral value the rubric states still applies; the flag
    /// never changes a score and never disqualifies. `registrationID` is the id as the bid gives it.
    case historyIdentity(bidder: String, file: String, registrationID: String?, problem: HistoryIdentityProblem)
}
