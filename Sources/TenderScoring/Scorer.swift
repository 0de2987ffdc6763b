import Foundation
import TenderCore
import TenderModel

/// Scores valid bids criterion by criterion and ranks them. The what-if run of the rank-reversal check uses
/// `repriced`, which shares the price and total arithmetic with the first run.
struct Scorer {
    let rubric: Rubric
    let committee: CommitteeScores

    /// Every valid bid scored and ranked, the price base, and one warning per objective fact a bid lacks.
    func scoreAndRank(_ candidates: [Candidate]) -> (results: [BidResult], base: PriceBase?, warnings: [Diagnostic]) {
        let prices = candidates.map { evaluatedPrice(of: $0.bid) }
        let base = priceBase(
            zip(candidates, prices).map { ($0.bid.bidder.name, $0.bid.price?.total ?? 0, $1.price) }
        )
        var warnings: [Diagnostic] = []
        let results = zip(candidates, prices).map { candidate, price in
            score(
                candidate,
                deductionPercent: price.deduction,
                evaluatedPrice: price.price,
                base: base,
                warnings: &warnings
            )
        }
        return (Ranking.rank(results, rubric: rubric), base, warnings)
    }

    /// The same results with the price criterion recomputed against the base of these results alone (a bid
    /// removed), totals summed again, and ranked: only the price points depend on the other bids.
    func repriced(_ results: [BidResult]) -> [BidResult] {
        let base = priceBase(
            results.map { ($0.displayName, $0.price?.bidTotal ?? 0, $0.price?.evaluatedPrice ?? 0) }
        )
        let repriced = results.map { result in
            var result = result
            result.rank = nil
            result.decidedBy = nil
            result.tiedWith = []
            for index in result.criterionScores.indices {
                guard case .price(var evaluation) = result.criterionScores[index].basis, let base else { continue }
                evaluation.lowest = base.lowest
                evaluation.highest = base.highest
                let unrounded = PriceScorer.points(
                    for: evaluation.evaluatedPrice,
                    formula: evaluation.formula,
                    lowest: base.lowest,
                    highest: base.highest,
                    maximum: evaluation.maximumPoints
                )
                result.criterionScores[index] = CriterionScore(
                    criterionID: result.criterionScores[index].criterionID,
                    groupID: result.criterionScores[index].groupID,
                    points: counted(unrounded),
                    unrounded: unrounded,
                    basis: .price(evaluation)
                )
                result.price = evaluation
            }
            addTotals(to: &result)
            return result
        }
        return Ranking.rank(repriced, rubric: rubric)
    }

    func evaluatedPrice(of bid: Bid) -> (deduction: Decimal, price: Decimal) {
        let total = bid.price?.total ?? 0
        let deduction = bid.bidder.size.flatMap { rubric.pricePolicy.sizeDeductions[$0] } ?? 0
        return (deduction, PriceScorer.evaluatedPrice(total: total, deductionPercent: deduction))
    }

    /// The price base: lowest and highest evaluated price of the valid bids whose total is at least the plausible
    /// minimum (a bid below it is flagged and must not decide every other bidder's price score). When no bid is
    /// left above the floor, the base is taken from them all and says so. Among equal lowest prices the bidder
    /// first by name is named.
    func priceBase(_ prices: [(name: String, bidTotal: Decimal, evaluated: Decimal)]) -> PriceBase? {
        let floor = rubric.plausibleFloor
        let isBelow = { (total: Decimal) in floor.map { total < $0.amount } ?? false }
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

    private static func lowestAndHighest(_ prices: some Sequence<(String, Decimal)>) -> PriceBase? {
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
    private func counted(_ unrounded: Decimal) -> Decimal {
        rubric.tender.rounding == .perCriterion ? unrounded.rounded(places: rubric.tender.decimals) : unrounded
    }

    /// Group scores and the total from the criterion scores (the total rounded once under `rounding: total`).
    private func addTotals(to result: inout BidResult) {
        var byGroup: [String: Decimal] = [:]
        for score in result.criterionScores {
            byGroup[score.groupID, default: 0] += score.points
        }
        result.groupScores = rubric.groups.map { GroupScore(groupID: $0.id, points: byGroup[$0.id] ?? 0) }
        let sum = result.groupScores.reduce(Decimal(0)) { $0 + $1.points }
        result.unroundedTotal = sum
        result.total = rubric.tender.rounding == .perCriterion ? sum : sum.rounded(places: rubric.tender.decimals)
    }

    private func score(
        _ candidate: Candidate,
        deductionPercent: Decimal,
        evaluatedPrice: Decimal,
        base: PriceBase?,
        warnings: inout [Diagnostic]
    ) -> BidResult {
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
        for group in rubric.groups {
            for criterion in group.criteria {
                let unrounded: Decimal
                let basis: ScoreBasis
                switch criterion.rule {
                case .objective(let rule):
                    let fact = bid.facts[criterion.id]
                    let (points, applied) = ObjectiveScorer.score(fact, on: rule.scale)
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
                        unrounded = agreed
                    } else {
                        unrounded = aggregate.count == 0 ? 0 : aggregate.sum / Decimal(aggregate.count)
                    }
                    basis = .judgement(aggregate)
                case .price(let formula):
                    var priced = evaluation
                    priced.formula = formula
                    priced.maximumPoints = criterion.points
                    result.price = priced
                    unrounded = PriceScorer.points(
                        for: evaluatedPrice,
                        formula: formula,
                        lowest: priced.lowest,
                        highest: priced.highest,
                        maximum: criterion.points
                    )
                    basis = .price(priced)
                }
                result.criterionScores.append(
                    CriterionScore(
                        criterionID: criterion.id,
                        groupID: group.id,
                        points: counted(unrounded),
                        unrounded: unrounded,
                        basis: basis
                    )
                )
            }
        }
        addTotals(to: &result)
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
                sum: scores.reduce(Decimal(0)) { $0 + $1.score },
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
            sum: kept.reduce(Decimal(0)) { $0 + $1.score },
            count: kept.count
        )
    }
}
