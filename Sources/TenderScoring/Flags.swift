import TenderCore
import TenderModel

/// The checks that put a matter before the committee without changing any score.
enum Flags {
    /// A valid bid whose evaluated price lies `percent` or more below the mean of the other valid bids.
    static func abnormallyLowPrices(_ results: [BidResult], percent: ExactRatio) throws(FixedPointOverflow) -> [Flag] {
        guard results.count >= 2 else { return [] }
        let prices = results.map { $0.price?.evaluatedPrice ?? 0 }
        // Micro-units summed in 128 bits: no number of bids can overflow it.
        let total = prices.reduce(Int128(0)) { $0 + Int128($1.units) }
        let others = Int128(results.count - 1) * Int128(Money.unitsPerWhole)
        let share = try (try ExactRatio(100) - percent) / ExactRatio(100)
        var flags: [Flag] = []
        // price ≤ mean × share  ⇔  price × (n − 1) × 100·q ≤ (total − price) × (100·q − p) for percent p/q: one
        // integer comparison per bid, with the exact ratios built only for the bids flagged (or on overflow).
        let count = Int128(results.count - 1)
        let hundredQ = percent.denominator.multipliedReportingOverflow(by: 100)
        let kept = hundredQ.partialValue.subtractingReportingOverflow(percent.numerator)
        for (result, price) in zip(results, prices) {
            let rest = total - Int128(price.units)
            if !hundredQ.overflow, !kept.overflow, rest > 0 {
                let left = Int128(price.units).multipliedReportingOverflow(by: count)
                let scaledLeft = left.partialValue.multipliedReportingOverflow(by: hundredQ.partialValue)
                let right = rest.multipliedReportingOverflow(by: kept.partialValue)
                if !left.overflow, !scaledLeft.overflow, !right.overflow, scaledLeft.partialValue > right.partialValue {
                    continue
                }
            }
            let mean = try ExactRatio(rest, others)
            guard mean > .zero, price.ratio <= (try mean * share) else { continue }
            flags.append(
                .abnormallyLowPrice(
                    bidder: result.displayName,
                    evaluatedPrice: price,
                    meanOfOthers: mean,
                    percentBelow: try (try (try mean - price.ratio) * ExactRatio(100) / mean).rounded(places: 2)
                )
            )
        }
        return flags
    }

    /// Members' scores for one bidder and criterion spread by at least the rubric's share of its points.
    static func disagreements(_ results: [BidResult], rubric: Rubric) throws(FixedPointOverflow) -> [Flag] {
        let pointsByCriterion = Dictionary(
            rubric.criteria.map { ($0.id, $0.points) },
            uniquingKeysWith: { first, _ in first }
        )
        var thresholds: [String: ExactRatio] = [:]
        for (id, points) in pointsByCriterion {
            thresholds[id] = try points.ratio * rubric.committee.disagreementPercent / ExactRatio(100)
        }
        var flags: [Flag] = []
        for result in results {
            for score in result.criterionScores {
                guard case .judgement(let aggregate) = score.basis,
                    let lowest = aggregate.scores.map(\.score).min(),
                    let highest = aggregate.scores.map(\.score).max(),
                    let threshold = thresholds[score.criterionID]
                else { continue }
                guard highest > lowest, (try highest - lowest).ratio >= threshold else { continue }
                flags.append(
                    .scoreDisagreement(
                        bidder: result.displayName,
                        criterionID: score.criterionID,
                        lowest: lowest,
                        highest: highest,
                        threshold: threshold,
                        outliers: try outliers(aggregate.scores, threshold: threshold)
                    )
                )
            }
        }
        return flags
    }

    /// Members whose score is at least `threshold` from the mean of the other members' scores (three or more).
    static func outliers(_ scores: [MemberScore], threshold: ExactRatio) throws(FixedPointOverflow) -> [String] {
        guard scores.count >= 3 else { return [] }
        let total = scores.reduce(Int128(0)) { $0 + Int128($1.score.units) }
        let others = Int128(scores.count - 1)
        let limit = try threshold * ExactRatio(integer: others)
        var members: [String] = []
        for entry in scores {
            // |score − mean of others| ≥ threshold, multiplied through by the number of others to stay exact.
            let difference = Int128(entry.score.units) * others - (total - Int128(entry.score.units))
            if try ExactRatio(difference < 0 ? -difference : difference, Int128(Points.unitsPerWhole)) >= limit {
                members.append(entry.member)
            }
        }
        return members
    }

    /// Valid bids whose total, as bid, lies below the plausible minimum (the rubric's, or the default).
    static func implausiblyLowPrices(_ results: [BidResult], rubric: Rubric, base: PriceBase?) -> [Flag] {
        guard let minimum = rubric.plausibleFloor?.amount else { return [] }
        return results.compactMap { result in
            guard let price = result.price, price.bidTotal.ratio < minimum else { return nil }
            return .implausiblyLowPrice(
                bidder: result.displayName,
                price: price.bidTotal,
                minimum: minimum,
                setsPriceBase: base.map { $0.allBelowFloor && $0.lowest == price.evaluatedPrice } ?? false
            )
        }
    }

    static func declaredTies(_ results: [BidResult]) -> [Flag] {
        var flags: [Flag] = []
        var seen = Set<Int>()
        for result in results {
            guard let rank = result.rank, !result.tiedWith.isEmpty, !seen.contains(rank) else { continue }
            seen.insert(rank)
            flags.append(.declaredTie(bidders: results.filter { $0.rank == rank }.map(\.displayName), rank: rank))
        }
        return flags
    }

    /// Every bid whose bidder name, as written, contains invisible or bidi characters, by name then file.
    static func suspiciousNames(_ bids: [Bid]) -> [Flag] {
        bids.sorted { ($0.bidder.name, $0.file) < ($1.bidder.name, $1.file) }.compactMap { bid in
            let characters = BidderIdentity.invisibleCharacters(in: bid.bidder.name)
            guard !characters.isEmpty else { return nil }
            return .suspiciousBidderName(bidder: bid.bidder.name, file: bid.file, characters: characters)
        }
    }
}

extension Flag {
    /// The bidders the flag is about (a name may repeat; tender-wide flags concern nobody), so flags can be
    /// indexed by bidder.
    var concernedBidders: [String] {
        switch self {
        case .abnormallyLowPrice(let name, _, _, _), .scoreDisagreement(let name, _, _, _, _, _):
            return [name]
        case .declaredTie(let bidders, _):
            return bidders
        case .rankReversal(let removed, let winner, let other):
            return [removed, winner, other]
        case .tooFewValidBids, .bidsHeldForCommittee, .committeeComposition:
            return []
        case .suspiciousBidderName(let name, _, _), .implausibleDate(let name, _, _, _, _, _):
            return [name]
        case .implausiblyLowPrice(let name, _, _, _):
            return [name]
        case .possibleCollusion(let signal):
            return signal.bidders
        case .performanceWarning(let name, _, _, _, _, _):
            return [name]
        case .historyIdentity(let name, _, _, _):
            return [name]
        }
    }
}
