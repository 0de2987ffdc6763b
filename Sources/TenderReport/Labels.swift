import TenderCore
import TenderModel

/// Every word a report prints, in one language. Numbers and user text arrive already formatted, as
/// `RichText` when they hold bidder or rubric strings, so each table only decides the wording.
protocol Labels: Sendable, PriceAndCollusionLabels, PriceFloorLabels {
    // Document
    var reportTitle: String { get }
    var htmlLanguage: String { get }
    var none: String { get }
    var dash: String { get }
    var listSeparator: String { get }
    /// Between the steps of one calculation (deduction, then formula).
    var stepSeparator: String { get }
    var colon: String { get }

    // Tender header
    var tenderSection: String { get }
    var tenderID: String { get }
    var tenderTitle: String { get }
    var buyer: String { get }
    var method: String { get }
    var currency: String { get }
    var budget: String { get }
    var rounding: String { get }
    var evaluationDate: String { get }
    var minimumValidBids: String { get }
    var rankingOrder: String { get }
    var priceDeductions: String { get }
    var abnormallyLowRule: String { get }
    var committee: String { get }
    var profile: String { get }
    var rubricFile: String { get }
    var toolVersion: String { get }
    func methodName(_ method: EvaluationMethod) -> String
    func roundingRule(_ policy: RoundingPolicy, decimals: Int) -> String
    /// The whole ranking chain; `steps` are the rubric's tie-break rules, each phrased by `rankingStep`.
    func rankingOrder(_ steps: [RichText]) -> RichText
    /// One tie-break rule as a step of the chain, with its direction.
    func rankingStep(_ rule: TieBreakRule, names: (String) -> RichText) -> RichText
    func tieBreakRule(_ rule: TieBreakRule, names: (String) -> RichText) -> RichText
    func sizeName(_ size: EnterpriseSize) -> String
    func deduction(size: EnterpriseSize, percent: String) -> String
    func abnormallyLowRule(percent: String) -> String
    func committeeRule(members: RichText, count: Int, aggregation: ScoreAggregation, disagreementPercent: String)
        -> RichText

    // Outcome and ranking
    var outcomeSection: String { get }
    func ranked(valid: Int, minimum: Int) -> String
    func firstRanked(_ bidders: RichText, tie: Bool) -> RichText
    func failed(valid: Int, minimum: Int) -> String
    var rankingSection: String { get }
    var rank: String { get }
    var bidder: String { get }
    var total: String { get }
    var evaluatedPrice: String { get }
    var decidedBy: String { get }
    func tiedRank(_ rank: Int) -> String
    func decision(_ rule: RichText) -> RichText
    var lowerEvaluatedPrice: String { get }
    func tieNote(above: RichText, below: RichText, total: String, decision: RichText) -> RichText
    func priceBase(lowest: String, bidder: RichText, highest: String) -> RichText
    var chartTitle: String { get }
    var notRankedSection: String { get }
    var file: String { get }
    var status: String { get }
    var reason: String { get }
    func statusName(_ status: BidStatus) -> String

    // Flags
    var flagsSection: String { get }
    func abnormallyLow(bidder: RichText, price: String, mean: String, percent: String) -> RichText
    func disagreement(
        bidder: RichText,
        criterion: RichText,
        lowest: String,
        highest: String,
        spread: String,
        threshold: String,
        outliers: RichText?
    ) -> RichText
    func tooFewValidBids(valid: Int, minimum: Int) -> String
    func declaredTie(bidders: RichText, rank: Int) -> RichText
    func rankReversal(removed: RichText, winner: RichText, winnerWithout: RichText) -> RichText
    var flagAbnormallyLowShort: String { get }
    func flagDisagreementShort(_ criterion: RichText) -> RichText
    var flagTieShort: String { get }
    var flagRankReversalShort: String { get }
    var flagTooFewShort: String { get }
    func suspiciousName(bidder: RichText, source: String, characters: String) -> RichText
    var flagSuspiciousNameShort: String { get }
    func implausibleDate(bidder: RichText, part: RichText, date: RichText, source: String, problem: String) -> RichText
    var flagImplausibleDateShort: String { get }
    func datedPart(_ part: DatedPart, kind: RichText) -> RichText
    func dateProblem(_ problem: DateProblem) -> String
    func commitmentDateImplausible(kind: RichText, date: RichText, source: String, problem: String) -> RichText
    func violationDateImplausible(
        date: RichText,
        severity: String,
        description: RichText,
        source: String,
        problem: String
    )
        -> RichText
    var submissionTieBreakNote: String { get }
    var published: String { get }
    var submissionDeadline: String { get }
    func failedGateShort(_ gate: RichText) -> RichText

    // Bids
    var bidsSection: String { get }
    func validHeading(rank: String, bidder: RichText) -> RichText
    func disqualifiedHeading(_ bidder: RichText) -> RichText
    func notEvaluatedHeading(_ bidder: RichText) -> RichText
    var registrationID: String { get }
    var enterpriseSize: String { get }
    var submittedAt: String { get }
    var gatesSection: String { get }
    var scoresSection: String { get }
    var group: String { get }
    var criterion: String { get }
    var maximum: String { get }
    var fact: String { get }
    var rule: String { get }
    var points: String { get }
    var subtotalsSection: String { get }
    var totalLabel: String { get }
    var problemsSection: String { get }
    var bidFlagsSection: String { get }
    func disqualifiedNote(_ gates: RichText) -> RichText
    var notEvaluatedNote: String { get }

    // Gate findings
    /// The name of a commitment kind the bid format knows (`confidentiality`, …), nil for any other kind.
    func commitmentKindName(_ kind: String) -> String?
    func commitmentSigned(kind: RichText, date: RichText, source: String) -> RichText
    func commitmentMissing(kind: RichText) -> RichText
    func commitmentUnsigned(kind: RichText, source: String) -> RichText
    func noViolations(severity: String, since: String) -> RichText
    func violationsNotDeclared(format: String) -> RichText
    func violation(date: RichText, severity: String, authority: RichText?, description: RichText, source: String)
        -> RichText
    func violationsFound(count: Int, severity: String, since: String) -> RichText
    func severityName(_ severity: ViolationSeverity) -> String
    func attachmentFound(type: RichText, name: RichText, source: String) -> RichText
    func attachmentMissing(type: RichText) -> RichText
    func xpathTest(_ test: RichText, result: Bool) -> RichText

    // Criterion explanations
    func yesNo(_ value: Bool) -> String
    var factAbsent: String { get }
    func source(_ location: String) -> String
    func belowFirstBand(points: String) -> String
    func linear(clamp: String, value: String, lower: String, upper: String, formula: String) -> String
    func perItem(count: String, each: String, product: String, cap: String, capped: Bool, points: String) -> String
    func yesNoRule(_ value: Bool, yes: String, no: String) -> String
    func lookup(key: RichText, matched: Bool, points: String) -> RichText
    func absentRule(points: String) -> String
    func memberScore(member: RichText, score: String) -> RichText
    func mean(_ formula: String) -> String
    func trimmedMean(dropped: RichText, formula: String) -> RichText
    func bidPrice(_ amount: String, currency: RichText) -> RichText
    func deductionStep(size: String, formula: String) -> String
    var noDeduction: String { get }
    var equalPrices: String { get }

    // Closing sections
    var diagnosticsSection: String { get }
    var inputsSection: String { get }
}

func labels(for language: ReportLanguage) -> any Labels {
    switch language {
    case .en: return EnglishLabels()
    case .zh: return ChineseLabels()
    }
}
