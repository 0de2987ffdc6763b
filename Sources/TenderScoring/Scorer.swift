import Foundation
import TenderBidImport
import TenderCore
import TenderRubric

/// Scores valid bids criterion by criterion and ranks them. Kept apart from the evaluator so that a
/// what-if run (a bid removed) uses exactly the same arithmetic.
struct Scorer {
    let rubric: Rubric
    let committee: CommitteeScores

    func scoreAndRank(_ candidates: [Candidate]) -> (results: [BidResult], base: PriceBase?) {
        let prices = candidates.map { evaluatedPrice(of: $0.bid) }
        let base: PriceBase? = zip(candidates, prices)
            .min { ($0.1.price, $0.0.bid.bidder.name) < ($1.1.price, $1.0.bid.bidder.name) }
            .map { lowest in
                PriceBase(
                    lowest: lowest.1.price,
                    highest: prices.map(\.price).max() ?? lowest.1.price,
                    lowestBidder: lowest.0.bid.bidder.name
                )
            }
        let results = zip(candidates, prices).map { candidate, price in
            score(candidate, deductionPercent: price.deduction, evaluatedPrice: price.price, base: base)
        }
        return (Ranking.rank(results, rubric: rubric), base)
    }

    func evaluatedPrice(of bid: Bid) -> (deduction: Decimal, price: Decimal) {
        let total = bid.price?.total ?? 0
        let deduction = bid.bidder.size.flatMap { rubric.pricePolicy.sizeDeductions[$0] } ?? 0
        return (deduction, PriceScorer.evaluatedPrice(total: total, deductionPercent: deduction))
    }

    private func score(
        _ candidate: Candidate,
        deductionPercent: Decimal,
        evaluatedPrice: Decimal,
        base: PriceBase?
    ) -> BidResult {
        let bid = candidate.bid
        var result = TenderEvaluator.result(for: bid, status: .valid)
        result.gates = candidate.gates
        let decimals = rubric.tender.decimals
        let perCriterion = rubric.tender.rounding == .perCriterion
        var priceEvaluation: PriceEvaluation?
        for group in rubric.groups {
            for criterion in group.criteria {
                let unrounded: Decimal
                let basis: ScoreBasis
                switch criterion.rule {
                case .objective(let rule):
                    let fact = bid.facts[criterion.id]
                    let (points, applied) = ObjectiveScorer.score(fact, on: rule.scale)
                    unrounded = points
                    basis = .objective(fact: fact?.value ?? .absent, line: fact?.line, applied: applied)
                case .judgement:
                    let aggregate = aggregateScores(bidder: bid.bidder.name, criterion: criterion.id)
                    unrounded = aggregate.count == 0 ? 0 : aggregate.sum / Decimal(aggregate.count)
                    basis = .judgement(aggregate)
                case .price(let formula):
                    let lowest = base?.lowest ?? evaluatedPrice
                    let highest = base?.highest ?? evaluatedPrice
                    let evaluation = PriceEvaluation(
                        bidTotal: bid.price?.total ?? 0,
                        currency: bid.price?.currency ?? rubric.tender.currency,
                        deductionPercent: deductionPercent,
                        evaluatedPrice: evaluatedPrice,
                        formula: formula,
                        lowest: lowest,
                        highest: highest,
                        maximumPoints: criterion.points
                    )
                    priceEvaluation = evaluation
                    unrounded = PriceScorer.points(
                        for: evaluatedPrice,
                        formula: formula,
                        lowest: lowest,
                        highest: highest,
                        maximum: criterion.points
                    )
                    basis = .price(evaluation)
                }
                result.criterionScores.append(
                    CriterionScore(
                        criterionID: criterion.id,
                        groupID: group.id,
                        points: perCriterion ? unrounded.rounded(places: decimals) : unrounded,
                        unrounded: unrounded,
                        basis: basis
                    )
                )
            }
            let groupPoints = result.criterionScores.filter { $0.groupID == group.id }.reduce(Decimal(0)) {
                $0 + $1.points
            }
            result.groupScores.append(GroupScore(groupID: group.id, points: groupPoints))
        }
        let sum = result.groupScores.reduce(Decimal(0)) { $0 + $1.points }
        result.unroundedTotal = sum
        result.total = perCriterion ? sum : sum.rounded(places: decimals)
        result.price =
            priceEvaluation
            ?? PriceEvaluation(
                bidTotal: bid.price?.total ?? 0,
                currency: bid.price?.currency ?? rubric.tender.currency,
                deductionPercent: deductionPercent,
                evaluatedPrice: evaluatedPrice,
                formula: .lowestPriceRatio,
                lowest: base?.lowest ?? evaluatedPrice,
                highest: base?.highest ?? evaluatedPrice,
                maximumPoints: 0
            )
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

    /// One warning per objective fact a valid bid does not contain: it scores zero, and the committee should
    /// know why.
    func missingFactWarnings(_ candidates: [Candidate]) -> [Diagnostic] {
        candidates.flatMap { candidate in
            rubric.criteria.compactMap { criterion -> Diagnostic? in
                guard case .objective(let rule) = criterion.rule else { return nil }
                let value = candidate.bid.facts[criterion.id]?.value ?? .absent
                guard ObjectiveScorer.score(candidate.bid.facts[criterion.id], on: rule.scale).applied == .absent
                else { return nil }
                let found = value == .absent ? "nothing" : "a value of the wrong kind"
                return .warning(
                    "'\(criterion.id)' found \(found) for '\(rule.value)'; scored 0",
                    at: SourceLocation(file: candidate.bid.file)
                )
            }
        }
    }
}
