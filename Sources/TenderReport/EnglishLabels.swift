import TenderCore
import TenderModel

/// The English wording of every report.
struct EnglishLabels: Labels {
    let reportTitle = "Evaluation report"
    let htmlLanguage = "en"
    let none = "none"
    let dash = "—"
    let listSeparator = ", "
    let stepSeparator = "; "
    let colon = ": "

    let tenderSection = "Tender"
    let tenderID = "Tender id"
    let tenderTitle = "Title"
    let buyer = "Buyer"
    let method = "Method"
    let currency = "Currency"
    let budget = "Budget"
    let rounding = "Rounding"
    let evaluationDate = "Evaluation date"
    let minimumValidBids = "Minimum valid bids"
    let rankingOrder = "Ranking order"
    let priceDeductions = "Price deductions"
    let abnormallyLowRule = "Abnormally low price"
    let committee = "Committee"
    let profile = "Policy profile"
    let rubricFile = "Rubric file"
    let toolVersion = "Tool version"

    func methodName(_ method: EvaluationMethod) -> String {
        switch method {
        case .comprehensive: return "comprehensive scoring (综合评分法): highest total wins"
        case .lowestEvaluatedPrice: return "lowest evaluated price (最低评标价法)"
        }
    }

    func roundingRule(_ policy: RoundingPolicy, decimals: Int) -> String {
        switch policy {
        case .perCriterion:
            return "each criterion score is rounded to \(decimals) decimals (half away from zero); "
                + "the total is the sum of the rounded scores"
        case .total:
            return "criterion scores are kept exact; only the total is rounded to \(decimals) decimals "
                + "(half away from zero)"
        }
    }

    func rankingOrder(_ steps: [RichText]) -> RichText {
        let chain: [RichText] = ["total ↓", "evaluated price ↑"] + steps
        return chain.joined(separator: ", ") + ", then a declared tie (并列)"
    }

    func rankingStep(_ rule: TieBreakRule, names: (String) -> RichText) -> RichText {
        switch rule {
        case .earliestSubmission: return "submission time ↑"
        default: return "\(tieBreakRule(rule, names: names)) ↓"
        }
    }

    func tieBreakRule(_ rule: TieBreakRule, names: (String) -> RichText) -> RichText {
        switch rule {
        case .technicalScore: return "technical score"
        case .groupScore(let groups): return "\(groups.map(names).joined(separator: " + ")) score"
        case .criterionScore(let criterion): return "score for \(names(criterion))"
        case .earliestSubmission: return "earlier submission"
        }
    }

    func sizeName(_ size: EnterpriseSize) -> String {
        switch size {
        case .large: return "large enterprise"
        case .medium: return "medium enterprise"
        case .small: return "small enterprise"
        case .micro: return "micro enterprise"
        }
    }

    func deduction(size: EnterpriseSize, percent: String) -> String {
        "\(sizeName(size)) \(percent) %"
    }

    func abnormallyLowRule(percent: String) -> String {
        "a valid bid \(percent) % or more below the mean of the other valid bids is flagged: written clarification "
            + "required (87号令 Art 60), never rejected automatically"
    }

    func committeeRule(members: RichText, count: Int, aggregation: ScoreAggregation, disagreementPercent: String)
        -> RichText
    {
        let rule: String
        switch aggregation {
        case .mean: rule = "a bidder's score is the mean of the members' scores"
        case .trimmedMean: rule = "a bidder's score is the mean after dropping one highest and one lowest score"
        }
        return "\(count) members (\(members)); \(rule); a spread of \(disagreementPercent) % of a criterion's "
            + "points or more is flagged"
    }

    let outcomeSection = "Outcome"

    func ranked(valid: Int, minimum: Int) -> String {
        "Ranked: \(valid) valid bids (minimum \(minimum))."
    }

    func firstRanked(_ bidders: RichText, tie: Bool) -> RichText {
        tie ? "Ranked first (tie / 并列): \(bidders)" : "Ranked first: \(bidders)"
    }

    func failed(valid: Int, minimum: Int) -> String {
        "FAILED: only \(valid) valid bids, minimum \(minimum) — the tender failed (废标) and must be re-tendered."
    }

    let rankingSection = "Ranking"
    let rank = "Rank"
    let bidder = "Bidder"
    let total = "Total"
    let evaluatedPrice = "Evaluated price"
    let decidedBy = "Decided by"

    func tiedRank(_ rank: Int) -> String {
        "\(rank) (tie / 并列)"
    }

    func decision(_ rule: RichText) -> RichText {
        "decided by: \(rule)"
    }

    let lowerEvaluatedPrice = "lower evaluated price"

    func tieNote(above: RichText, below: RichText, total: String, decision: RichText) -> RichText {
        "\(above) ranks above \(below) with the same total \(total) — \(decision)"
    }

    func priceBase(lowest: String, bidder: RichText, highest: String) -> RichText {
        "Price base (valid bids only; disqualified and unread bids are not part of it): P_min = \(lowest) "
            + "(\(bidder)), P_max = \(highest)"
    }

    let chartTitle = "Group scores"
    let notRankedSection = "Bids not ranked"
    let file = "File"
    let status = "Status"
    let reason = "Reason"

    func statusName(_ status: BidStatus) -> String {
        switch status {
        case .valid: return "valid"
        case .disqualified: return "disqualified"
        case .notEvaluated: return "not evaluated"
        }
    }

    let flagsSection = "Committee flags"

    func abnormallyLow(bidder: RichText, price: String, mean: String, percent: String) -> RichText {
        "Abnormally low price: \(bidder)'s evaluated price \(price) is \(percent) % below the mean of the other "
            + "valid bids (\(mean)); see the rule in Tender"
    }

    func disagreement(
        bidder: RichText,
        criterion: RichText,
        lowest: String,
        highest: String,
        spread: String,
        threshold: String,
        outliers: RichText?
    ) -> RichText {
        let far: RichText = outliers.map { "; far from the others' mean (畸高/畸低, 87号令 Art 64): \($0)" } ?? ""
        return "Score disagreement: members scored \(criterion) for \(bidder) from \(lowest) to \(highest) "
            + "(spread \(spread), threshold \(threshold))\(far) — the committee should review"
    }

    func tooFewValidBids(valid: Int, minimum: Int) -> String {
        "Too few valid bids: only \(valid) valid bids, minimum \(minimum) — the tender failed (废标)"
    }

    func declaredTie(bidders: RichText, rank: Int) -> RichText {
        "Declared tie at rank \(rank): \(bidders) — equal on total, evaluated price and every tie-break step "
            + "(并列)"
    }

    func rankReversal(removed: RichText, winner: RichText, winnerWithout: RichText) -> RichText {
        "Rank reversal: without \(removed), \(winnerWithout) would rank first (now \(winner)); the relative price "
            + "formula makes the result depend on the other bids"
    }

    let flagAbnormallyLowShort = "abnormally low price: written clarification required"

    func flagDisagreementShort(_ criterion: RichText) -> RichText {
        "score disagreement: \(criterion)"
    }

    let flagTieShort = "tie (并列)"
    let flagRankReversalShort = "rank reversal"
    let flagTooFewShort = "too few valid bids"

    func suspiciousName(bidder: RichText, source: String, characters: String) -> RichText {
        "Suspicious bidder name: \(bidder)\(source) contains invisible or text-direction characters (\(characters)); "
            + "the committee should check it against the bidder's registration"
    }

    let flagSuspiciousNameShort = "bidder name with invisible characters"

    func implausibleDate(bidder: RichText, part: RichText, date: RichText, source: String, problem: String) -> RichText
    {
        "Implausible date: \(bidder)'s \(part) is dated \(date)\(source), \(problem)"
    }

    let flagImplausibleDateShort = "implausible date"

    func datedPart(_ part: DatedPart, kind: RichText) -> RichText {
        switch part {
        case .submission: return "submission"
        case .violation: return "violation record"
        case .commitment: return "\(kind) commitment"
        }
    }

    func dateProblem(_ problem: DateProblem) -> String {
        switch problem {
        case .afterEvaluation(let date): return "after the evaluation date \(date)"
        case .afterDeadline(let deadline): return "after the submission deadline \(deadline)"
        case .afterSubmission(let time): return "after the bid's own submission time \(time)"
        case .beforePublication(let date): return "before the tender was published (\(date))"
        case .beforeEarliestPlausible(let date):
            return "before \(date), earlier than any date a bid can plausibly carry"
        }
    }

    func commitmentDateImplausible(kind: RichText, date: RichText, source: String, problem: String) -> RichText {
        "\(kind) commitment signed on \(date)\(source), \(problem): it does not count"
    }

    func violationDateImplausible(
        date: RichText,
        severity: String,
        description: RichText,
        source: String,
        problem: String
    )
        -> RichText
    {
        "\(severity) violation dated \(date)\(source), \(problem): the record is not clean and must be clarified "
            + "(\(description))"
    }

    let submissionTieBreakNote = "; this time cannot win the earliest-submission tie-break"
    let published = "Published"
    let submissionDeadline = "Submission deadline"

    func failedGateShort(_ gate: RichText) -> RichText {
        "failed gate: \(gate)"
    }

    let bidsSection = "Bids in detail"

    func validHeading(rank: String, bidder: RichText) -> RichText {
        "Rank \(rank) — \(bidder)"
    }

    func disqualifiedHeading(_ bidder: RichText) -> RichText {
        "Disqualified — \(bidder)"
    }

    func notEvaluatedHeading(_ bidder: RichText) -> RichText {
        "Not evaluated — \(bidder)"
    }

    let registrationID = "Registration id"
    let enterpriseSize = "Enterprise size"
    let submittedAt = "Submitted"
    let gatesSection = "Gates"
    let scoresSection = "Scores"
    let group = "Group"
    let criterion = "Criterion"
    let maximum = "Max"
    let fact = "Fact read"
    let rule = "Rule"
    let points = "Points"
    let subtotalsSection = "Group subtotals"
    let totalLabel = "Total"
    let problemsSection = "Problems"
    let bidFlagsSection = "Flags"

    func disqualifiedNote(_ gates: RichText) -> RichText {
        "Disqualified — \(gates). The bid is not scored and is not part of the price base."
    }

    let notEvaluatedNote =
        "Not evaluated: the bid could not be read or used; it is not part of the ranking or the price base."

    func commitmentKindName(_ kind: String) -> String? {
        switch kind {
        case "technical-service": return "technical service"
        case "confidentiality": return "confidentiality"
        case "integrity": return "integrity"
        default: return nil
        }
    }

    func commitmentSigned(kind: RichText, date: RichText, source: String) -> RichText {
        "\(kind) commitment signed on \(date)\(source)"
    }

    func commitmentMissing(kind: RichText) -> RichText {
        "no \(kind) commitment in the bid"
    }

    func commitmentUnsigned(kind: RichText, source: String) -> RichText {
        "\(kind) commitment has no signature date\(source)"
    }

    func violationsNotDeclared(format: String) -> RichText {
        "the bid (\(format)) declares nothing about legal violations, so the record cannot be verified; a "
            + "declaration is required"
    }

    func noViolations(severity: String, since: String) -> RichText {
        "no \(severity) violation since \(since)"
    }

    func violation(date: RichText, severity: String, authority: RichText?, description: RichText, source: String)
        -> RichText
    {
        let by: RichText = authority.map { " by \($0)" } ?? ""
        return "\(date): \(severity) violation\(by): \(description)\(source)"
    }

    func violationsFound(count: Int, severity: String, since: String) -> RichText {
        "\(count) \(severity) violation\(count == 1 ? "" : "s") since \(since)"
    }

    func severityName(_ severity: ViolationSeverity) -> String {
        switch severity {
        case .major: return "major"
        case .minor: return "minor"
        }
    }

    func attachmentFound(type: RichText, name: RichText, source: String) -> RichText {
        "\(type) attached: \(name)\(source)"
    }

    func attachmentMissing(type: RichText) -> RichText {
        "no \(type) attachment in the bid"
    }

    func xpathTest(_ test: RichText, result: Bool) -> RichText {
        "\(test) is \(result ? "true" : "false")"
    }

    func yesNo(_ value: Bool) -> String {
        value ? "yes" : "no"
    }

    let factAbsent = "not found in the bid"

    func source(_ location: String) -> String {
        " (\(location))"
    }

    func belowFirstBand(points: String) -> String {
        "below the first band → \(points)"
    }

    func linear(clamp: String, value: String, lower: String, upper: String, formula: String) -> String {
        let clamped = clamp == value ? "" : " = \(clamp)"
        return "clamp \(value) to [\(lower), \(upper)]\(clamped): \(formula)"
    }

    func perItem(count: String, each: String, product: String, cap: String, capped: Bool, points: String) -> String {
        capped
            ? "\(count) × \(each) = \(product), cap \(cap) → \(points)"
            : "\(count) × \(each) = \(product), cap \(cap)"
    }

    func yesNoRule(_ value: Bool, yes: String, no: String) -> String {
        // The other answer's points are in "Criteria and rules".
        value ? "yes → \(yes)" : "no → \(no)"
    }

    func lookup(key: RichText, matched: Bool, points: String) -> RichText {
        matched ? "“\(key)” → \(points) (table)" : "“\(key)” is not in the table → \(points) (otherwise)"
    }

    func absentRule(points: String) -> String {
        "fact not found → \(points)"
    }

    func memberScore(member: RichText, score: String) -> RichText {
        "\(member) \(score)"
    }

    func mean(_ formula: String) -> String {
        "mean: \(formula)"
    }

    func trimmedMean(dropped: RichText, formula: String) -> RichText {
        "trimmed mean, dropped \(dropped): \(formula)"
    }

    func bidPrice(_ amount: String, currency: RichText) -> RichText {
        "bid \(amount) \(currency)"
    }

    func deductionStep(size: String, formula: String) -> String {
        "\(size) deduction: \(formula)"
    }

    let noDeduction = "no price deduction"
    let equalPrices = "all evaluated prices are equal: full points"

    let diagnosticsSection = "Diagnostics"
    let inputsSection = "Inputs"
}
