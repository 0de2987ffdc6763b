import Foundation
import TenderCore
import TenderModel

/// Shows the relative price formula's dependence on other bids: if the bid that sets the price base (the
/// lowest, or for the linear formula also the highest evaluated price) were absent, would another bidder win?
enum RankReversal {
    static func check(scorer: Scorer, ranked: [BidResult]) throws(ScoringOverflow) -> [Flag] {
        guard ranked.count >= 3, let winner = ranked.first, ranked.filter({ $0.rank == 1 }).count == 1,
            let formula = scorer.rubric.criteria.compactMap({ criterion -> PriceFormula? in
                if case .price(let formula) = criterion.rule { return formula }
                return nil
            }).first
        else { return [] }
        let prices = ranked.map { $0.price?.evaluatedPrice ?? 0 }
        // Only bids that set the base can be removed from it: a bid set aside below the plausible minimum does not.
        let setAside = Set(
            scorer.priceBase(ranked.map { ($0.displayName, $0.price?.bidTotal ?? 0, $0.price?.evaluatedPrice ?? 0) })?
                .setAside.map(\.bidder) ?? []
        )
        let counted = zip(ranked, prices).filter { !setAside.contains($0.0.displayName) }.map(\.1)
        guard let lowest = counted.min(), let highest = counted.max() else { return [] }
        var setters = Set<String>()
        for (result, price) in zip(ranked, prices)
        where !setAside.contains(result.displayName) && (price == lowest || (formula == .linear && price == highest)) {
            setters.insert(result.displayName)
        }
        setters.remove(winner.displayName)
        var flags: [Flag] = []
        for removed in setters.sorted() {
            let what = try scorer.repriced(ranked.filter { $0.displayName != removed })
            guard let other = what.first, what.filter({ $0.rank == 1 }).count == 1,
                other.displayName != winner.displayName
            else { continue }
            flags.append(
                .rankReversal(removed: removed, winner: winner.displayName, winnerWithoutRemoved: other.displayName)
            )
        }
        return flags
    }
}
