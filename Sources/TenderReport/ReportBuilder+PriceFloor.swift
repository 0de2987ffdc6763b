import Foundation
import TenderModel

/// How the plausible minimum shaped the price base: the bids it set aside and the base used instead.
extension ReportBuilder {
    func priceFloorBlocks(_ base: PriceBase) -> [Block] {
        guard let floor = base.plausibleFloor else { return [] }
        if base.allBelowFloor {
            return [.paragraph(labels.priceBaseAllBelowFloor(minimum: money(floor.amount)))]
        }
        guard !base.setAside.isEmpty else { return [] }
        let entries = base.setAside.map { entry in
            labels.setAsideEntry(
                bidder: .user(entry.bidder),
                bidTotal: money(entry.bidTotal),
                evaluatedPrice: money(entry.evaluatedPrice)
            )
        }
        return [
            .paragraph(
                labels.priceBaseSetAside(
                    entries.joined(separator: .text(labels.listSeparator)),
                    minimum: money(floor.amount),
                    lowest: money(base.lowest),
                    bidder: .user(base.lowestBidder)
                )
            )
        ]
    }

    /// For the implausibly-low flag of a bid left out of the price base: the base used instead.
    func notInPriceBase(_ bidder: String) -> RichText? {
        guard let base = evaluation.priceBase, base.setAside.contains(where: { $0.bidder == bidder }) else {
            return nil
        }
        return labels.notPartOfPriceBase(lowest: money(base.lowest), bidder: .user(base.lowestBidder))
    }
}
