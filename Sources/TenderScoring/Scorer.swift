import TenderCore
import TenderModel

/// Scores valid bids criterion by criterion and ranks them. The what-if run of the rank-reversal check uses
/// `repriced`, which shares the price and total arithmetic with the first run.
struct Scorer {
    let rubric: Rubric
    let committee: CommitteeScores
    var history: HistoryScorer

    /// Every valid bid scored and ranked, the price base, and one warning per objective fact a bid lacks.
    /// - Throws: `ScoringOverflow` naming the bid and criterion whose exact value cannot be held.
    func scoreAndRank(
        _ candidates: [Candidate]
    ) throws(ScoringOverflow) -> (results: [BidResult], base: PriceBase?, warnings: [Diagnostic]) {
        var prices: [(deduction: ExactRatio, price: Money)] = []
        prices.reserveCapacity(candidates.count)
        for candidate in candidates {
            do {
                prices.append(try evaluatedPrice(of: candidate.bid))
            } catch {
                throw ScoringOverflow(file: candidate.bid.file, criterionID: nil, overflow: error)
            }
        }
        let base = priceBase(
            zip(candidates, prices).map { ($0.bid.bidder.name, $0.bid.price?.total ?? 0, $1.price) }
        )
        var warnings: [Diagnostic] = []
        var results: [BidResult] = []
        results.reserveCapacity(candidates.count)
        for (candidate, price) in zip(candidates, prices) {
            results.append(
                try score(
                    candidate,
                    deductionPercent: price.deduction,
                    evaluatedPrice: price.price,
                    base: base,
                    warnings: &warnings
                )
            )
        }
        return (Ranking.rank(results, rubric: rubric), base, warnings)
    }

    /// The same results with the price criterion recomputed against the base of these results alone (a bid
    /// removed), totals summed again, and ranked: only the price points depend on the other bids.
    func repriced(_ results: [BidResult]) throws(ScoringOverflow) -> [BidResult] {
        let base = priceBase(
            results.map { ($0.displayName, $0.price?.bidTotal ?? 0, $0.price?.evaluatedPrice ?? 0) }
        )
        var repriced: [BidResult] = []
        for result in results {
            var result = result
            result.rank = nil
            result.decidedBy = nil
            result.tiedWith = []
            for index in result.criterionScores.indices {
                guard case .price(var evaluation) = result.criterionScores[index].basis, let base else { continue }
                evaluation.lowest = base.lowest
                evaluation.highest = base.highest
                let unrounded = try overflowNamed(result.file, result.criterionScores[index].criterionID) {
                    () throws(FixedPointOverflow) in
                    try PriceScorer.points(
                        for: evaluation.evaluatedPrice,
                        formula: evaluation.formula,
                        lowest: base.lowest,
                        highest: base.highest,
                        maximum: evaluation.maximumPoints
                    )
                }
                let criterionID = result.criterionScores[index].criterionID
                result.criterionScores[index] = CriterionScore(
                    criterionID: criterionID,
                    groupID: result.criterionScores[index].groupID,
                    points: try overflowNamed(result.file, criterionID) { () throws(FixedPointOverflow) in
                        try rounded(unrounded)
                    },
                    unrounded: unrounded,
                    basis: .price(evaluation)
                )
                result.price = evaluation
            }
            try overflowNamed(result.file, nil) { () throws(FixedPointOverflow) in try addTotals(to: &result) }
            repriced.append(result)
        }
        return Ranking.rank(repriced, rubric: rubric)
    }

    func evaluatedPrice(of bid: Bid) throws(FixedPointOverflow) -> (deduction: ExactRatio, price: Money) {
        let total = bid.price?.total ?? 0
        let deduction = bid.bidder.size.flatMap { rubric.pricePolicy.sizeDeductions[$0] } ?? 0
        return (deduction, try PriceScorer.evaluatedPrice(total: total, deductionPercent: deduction))
    }

    /// The price base: lowest and highest evaluated price of the valid bids whose total is at least the plausible
    /// minimum (a bid below it is flagged and must not decide every other bidder's price score). When no bid is
    /// left above the floor, the base is taken from them all and says so. Among equal lowest prices the bidder
    /// first by name is named.
    func priceBase(_ prices: [(name: String, bidTotal: Money, evaluated: Money)]) -> PriceBase? {
        let floor = rubric.plausibleFloor
        let isBelow = { (total: Money) in floor.map { total.ratio < $0.amount } ?? false }
        let below = prices.filter { isBelow($0.bidTotal) }
        let above = prices.filter { !isBelow($0.bidTotal) }
        let allBelow = above.isEmpty && !below.isEmpty
        guard var base = Self.lowestAndHighest((allBelow ? below : above).map { ($0.name, $0.evaluated) }) else {
            return nil
        }
        base.plausibleFloor = floor
        base.allBelowFloor = allBelow
        base.setAside =
            allBelow
            ? []
            : below.map { SetAsidePrice(bidder: $0.name, bidTotal: $0.bidTotal, evaluatedPrice: $0.evaluated) }
                .sorted { $0.bidder < $1.bidder }
        return base
    }

    private static func lowestAndHighest(_ prices: some Sequence<(String, Money)>) -> PriceBase? {
        var base: PriceBase?
        for (name, price) in prices {
            guard let current = base else {
                base = PriceBase(lowest: price, highest: price, lowestBidder: name)
                continue
            }
            var next = current
            if (price, name) < (current.lowest, current.lowestBidder) {
                next.lowest = price
                next.lowestBidder = name
            }
            next.highest = max(current.highest, price)
            base = next
        }
        return base
    }

    /// The points a criterion adds to the total: rounded at the rubric's decimals, unless only the total is.
    private func rounded(_ unrounded: ExactRatio) throws(FixedPointOverflow) -> Points {
        try Points(rounding: unrounded, places: rubric.tender.decimals)
    }

    /// Group scores and the total from the criterion scores (the total rounded once under `rounding: total`).
    /// Under `rounding: per-criterion` every figure is a sum of rounded criterion scores, exact in `Points`; under
    /// `rounding: total` the exact scores are summed and each group score and the total is rounded once.
    private func addTotals(to result: inout BidResult) throws(FixedPointOverflow) {
        guard rubric.tender.rounding == .total else {
            var groupScores: [GroupScore] = []
            groupScores.reserveCapacity(rubric.groups.count)
            var total: Int64 = 0
            var position = 0
            for group in rubric.groups {
                var sum: Int64 = 0
                // Criterion scores are appended group by group in rubric order.
                while position < result.criterionScores.count && result.criterionScores[position].groupID == group.id {
                    let (next, overflow) = sum.addingReportingOverflow(result.criterionScores[position].points.units)
                    guard !overflow else { throw FixedPointOverflow(.outOfRange) }
                    sum = next
                    position += 1
                }
                groupScores.append(GroupScore(groupID: group.id, points: Points(units: sum)))
                let (next, overflow) = total.addingReportingOverflow(sum)
                guard !overflow else { throw FixedPointOverflow(.outOfRange) }
                total = next
            }
            result.groupScores = groupScores
            result.total = Points(units: total)
            result.unroundedTotal = Points(units: total).ratio
            return
        }
        var byGroup: [String: ExactRatio] = [:]
        for score in result.criterionScores {
            byGroup[score.groupID] = try (byGroup[score.groupID] ?? .zero) + score.unrounded
        }
        var groupScores: [GroupScore] = []
        var sum = ExactRatio.zero
        for group in rubric.groups {
            let exact = byGroup[group.id] ?? .zero
            groupScores.append(GroupScore(groupID: group.id, points: try rounded(exact)))
            sum = try sum + exact
        }
        result.groupScores = groupScores
        result.unroundedTotal = sum
        result.total = try rounded(sum)
    }

    private func score(
        _ candidate: Candidate,
        deductionPercent: ExactRatio,
        evaluatedPrice: Money,
        base: PriceBase?,
        warnings: inout [Diagnostic]
    ) throws(ScoringOverflow) -> BidResult {
        let bid = candidate.bid
        var result = TenderEvaluator.result(for: bid, status: .valid)
        result.gates = candidate.gates
        let evaluation = PriceEvaluation(
            bidTotal: bid.price?.total ?? 0,
            currency: bid.price?.currency ?? rubric.tender.currency,
            deductionPercent: deductionPercent,
            evaluatedPrice: evaluatedPrice,
            formula: .lowestPriceRatio,
            lowest: base?.lowest ?? evaluatedPrice,
            highest: base?.highest ?? evaluatedPrice,
            maximumPoints: 0
        )
        result.price = evaluation
        result.criterionScores.reserveCapacity(rubric.groups.reduce(0) { $0 + $1.criteria.count })
        for group in rubric.groups {
            for criterion in group.criteria {
                do {
                    let unrounded: ExactRatio
                    let basis: ScoreBasis
                    switch criterion.rule {
                    case .objective(let rule):
                        let fact = bid.facts[criterion.id]
                        let (points, applied) = try ObjectiveScorer.score(fact, on: rule.scale)
                        if applied == .absent {
                            let found = (fact?.value ?? .absent) == .absent ? "nothing" : "a value of the wrong kind"
                            warnings.append(
                                .warning(
                                    "'\(criterion.id)' found \(found) for '\(rule.value)'; scored 0",
                                    at: SourceLocation(file: bid.file)
                                )
                            )
                        }
                        unrounded = points
                        basis = .objective(fact: fact?.value ?? .absent, line: fact?.line, applied: applied)
                    case .judgement:
                        var aggregate = aggregateScores(bidder: bid.bidder.name, criterion: criterion.id)
                        aggregate.setAside = committee.setAside(bidder: bid.bidder.name, criterion: criterion.id)
                        if let agreed = committee.consensus(bidder: bid.bidder.name, criterion: criterion.id) {
                            aggregate.consensus = agreed
                            unrounded = agreed.ratio
                        } else {
                            unrounded = try aggregate.mean
                        }
                        basis = .judgement(aggregate)
                    case .price(let formula):
                        var priced = evaluation
                        priced.formula = formula
                        priced.maximumPoints = criterion.points
                        result.price = priced
                        unrounded = try PriceScorer.points(
                            for: evaluatedPrice,
                            formula: formula,
                            lowest: priced.lowest,
                            highest: priced.highest,
                            maximum: criterion.points
                        )
                        basis = .price(priced)
                    case .history(let rule):
                        let scored = try history.score(
                            registrationID: bid.bidder.registrationID,
                            bidderName: bid.bidder.name,
                            rule: rule
                        )
                        unrounded = scored.points
                        basis = .history(scored.evidence)
                    }
                    result.criterionScores.append(
                        CriterionScore(
                            criterionID: criterion.id,
                            groupID: group.id,
                            points: try rounded(unrounded),
                            unrounded: unrounded,
                            basis: basis
                        )
                    )
                } catch {
                    throw ScoringOverflow(file: bid.file, criterionID: criterion.id, overflow: error)
                }
            }
        }
        try overflowNamed(bid.file, nil) { () throws(FixedPointOverflow) in try addTotals(to: &result) }
        return result
    }

    private func aggregateScores(bidder: String, criterion: String) -> JudgementAggregate {
        let scores = committee.scores(bidder: bidder, criterion: criterion)
        let aggregation = rubric.committee.aggregation
        guard aggregation == .trimmedMean, scores.count >= 3 else {
            return JudgementAggregate(
                scores: scores,
                aggregation: .mean,
                dropped: [],
                sum: Points.sumWithinRange(scores.map(\.score)),
                count: scores.count
            )
        }
        // Drop one highest and one lowest score; among equal scores the member named last/first goes, so the
        // choice never depends on sheet order.
        let ordered = scores.sorted { ($0.score, $0.member) < ($1.score, $1.member) }
        let kept = ordered.dropFirst().dropLast()
        return JudgementAggregate(
            scores: scores,
            aggregation: .trimmedMean,
            dropped: [ordered.first!.member, ordered.last!.member],
            sum: Points.sumWithinRange(kept.map(\.score)),
            count: kept.count
        )
    }
}

/// A value of the legal arithmetic that cannot be held exactly: reported at the bid, naming the criterion, and
/// never replaced by a nearby number.
struct ScoringOverflow: Error {
    var file: String
    var criterionID: String?
    var overflow: FixedPointOverflow

    var diagnostic: Diagnostic {
        let what = criterionID.map { "criterion '\(VisibleText.excerpt($0))'" } ?? "the total"
        return .error(
            "\(what) cannot be scored exactly for this bid: \(overflow); no score is published rather than a wrong one",
            at: SourceLocation(file: file)
        )
    }
}

/// Runs `body`, naming the bid and criterion if its arithmetic overflows.
func overflowNamed<Value>(
    _ file: String,
    _ criterionID: String?,
    _ body: () throws(FixedPointOverflow) -> Value
) throws(ScoringOverflow) -> Value {
    do {
        return try body()
    } catch {
        throw ScoringOverflow(file: file, criterionID: criterionID, overflow: error)
    }
}

extension JudgementAggregate {
    /// The members' mean, exact: `sum / count` (zero when nobody scored).
    var mean: ExactRatio {
        get throws(FixedPointOverflow) {
            guard count > 0 else { return .zero }
            return try ExactRatio(Int128(sum.units), Int128(count) * Int128(Points.unitsPerWhole))
        }
    }
}

extension Points {
    /// The sum of member scores, each within a criterion's points (so at most a few hundred points in all,
    /// nowhere near the `Int64` range).
    static func sumWithinRange(_ scores: [Points]) -> Points {
        Points(units: scores.reduce(0) { $0 &+ $1.units })
    }
}
