import Foundation
import TenderCore
import TenderModel

/// The checks that put a matter before the committee without changing any score.
enum Flags {
    /// A valid bid whose evaluated price lies `percent` or more below the mean of the other valid bids.
    static func abnormallyLowPrices(_ results: [BidResult], percent: Decimal) -> [Flag] {
        guard results.count >= 2 else { return [] }
        let prices = results.map { $0.price?.evaluatedPrice ?? 0 }
        let total = prices.reduce(Decimal(0), +)
        return zip(results, prices).compactMap { result, price in
            let mean = (total - price) / Decimal(results.count - 1)
            guard mean > 0, price * 100 <= mean * (100 - percent) else { return nil }
            return .abnormallyLowPrice(
                bidder: result.displayName,
                evaluatedPrice: price,
                meanOfOthers: mean,
                percentBelow: ((mean - price) * 100 / mean).rounded(places: 2)
            )
        }
    }

    /// Members' scores for one bidder and criterion spread by at least the rubric's share of its points.
    static func disagreements(_ results: [BidResult], rubric: Rubric) -> [Flag] {
        let pointsByCriterion = Dictionary(
            rubric.criteria.map { ($0.id, $0.points) },
            uniquingKeysWith: { first, _ in first }
        )
        return results.flatMap { result in
            result.criterionScores.compactMap { score -> Flag? in
                guard case .judgement(let aggregate) = score.basis,
                    let lowest = aggregate.scores.map(\.score).min(),
                    let highest = aggregate.scores.map(\.score).max(),
                    let points = pointsByCriterion[score.criterionID]
                else { return nil }
                let threshold = points * rubric.committee.disagreementPercent / 100
                guard highest - lowest >= threshold, highest > lowest else { return nil }
                return .scoreDisagreement(
                    bidder: result.displayName,
                    criterionID: score.criterionID,
                    lowest: lowest,
                    highest: highest,
                    threshold: threshold,
                    outliers: outliers(aggregate.scores, threshold: threshold)
                )
            }
        }
    }

    /// Members whose score is at least `threshold` from the mean of the other members' scores (three or more).
    static func outliers(_ scores: [MemberScore], threshold: Decimal) -> [String] {
        guard scores.count >= 3 else { return [] }
        let total = scores.reduce(Decimal(0)) { $0 + $1.score }
        let others = Decimal(scores.count - 1)
        return scores.filter { entry in
            // |score − mean of others| ≥ threshold, multiplied through by the number of others to stay exact.
            let difference = entry.score * others - (total - entry.score)
            return (difference < 0 ? -difference : difference) >= threshold * others
        }
        .map(\.member)
    }

    /// Valid bids whose total, as bid, lies below the plausible minimum (the rubric's, or the default).
    static func implausiblyLowPrices(_ results: [BidResult], rubric: Rubric, base: PriceBase?) -> [Flag] {
        guard let minimum = rubric.plausibleFloor?.amount else { return [] }
        return results.compactMap { result in
            guard let price = result.price, price.bidTotal < minimum else { return nil }
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
        }
    }
}
