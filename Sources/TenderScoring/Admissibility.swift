import Foundation
import TenderBidImport
import TenderCore
import TenderRubric

/// Checks that come before the gates: a bid must answer this tender, in its currency, with a usable price.
enum Admissibility {
    static func problems(of bid: Bid, rubric: Rubric) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let reference = bid.tenderReference, !reference.isEmpty, reference != rubric.tender.id {
            problems.append(
                .error(
                    "bid answers tender '\(reference)', not '\(rubric.tender.id)'",
                    at: SourceLocation(file: bid.file, line: 1)
                )
            )
        }
        guard let price = bid.price else {
            problems.append(.error("bid states no price; it cannot be evaluated", at: SourceLocation(file: bid.file)))
            return problems
        }
        let location = SourceLocation(file: bid.file, line: price.line)
        if price.currency != rubric.tender.currency {
            problems.append(
                .error(
                    "bid is priced in \(price.currency); this tender is evaluated in \(rubric.tender.currency) "
                        + "and prices are never converted",
                    at: location
                )
            )
        }
        if price.total <= 0 {
            problems.append(.error("bid price must be greater than zero", at: location))
        } else if price.currency == rubric.tender.currency {
            problems += amountProblems(of: bid, price: price, rubric: rubric, at: location)
        }
        return problems
    }

    /// Amounts no one can be paid, and prices above what the buyer may pay: a price written more finely than
    /// the currency's minor unit, an evaluated price (after the size deduction) below one minor unit, and a
    /// price above the ceiling or, without one, the budget (87号令 Art 63: such a bid is invalid). Each would
    /// otherwise set the price base for every bidder or win a contract the budget cannot pay.
    private static func amountProblems(
        of bid: Bid,
        price: BidPrice,
        rubric: Rubric,
        at location: SourceLocation
    ) -> [Diagnostic] {
        let currency = price.currency
        let places = CurrencyMinorUnit.places(of: currency)
        if price.total.decimalPlaces > places {
            return [
                .error(
                    "price \(price.total.plainText) has more decimal places than \(currency)'s minor unit (\(places))",
                    at: location
                )
            ]
        }
        let smallest = CurrencyMinorUnit.smallestAmount(of: currency)
        let deduction = bid.bidder.size.flatMap { rubric.pricePolicy.sizeDeductions[$0] } ?? 0
        let evaluated = PriceScorer.evaluatedPrice(total: price.total, deductionPercent: deduction)
        if evaluated < smallest {
            let size = bid.bidder.size.map(\.rawValue) ?? ""
            return [
                .error(
                    "evaluated price \(evaluated.plainText) (\(price.total.plainText) less the \(deduction.plainText) % "
                        + "deduction for a \(size) enterprise) is below one minor unit of \(currency) "
                        + "(\(smallest.plainText)); it cannot be evaluated",
                    at: location
                )
            ]
        }
        if let ceiling = rubric.pricePolicy.ceiling, price.total > ceiling {
            return [
                .error(
                    "price \(price.total.plainText) is above the tender's ceiling price (最高限价) "
                        + "\(ceiling.plainText); under 87号令 Art 63 the bid is invalid",
                    at: location
                )
            ]
        }
        if let budget = rubric.tender.budget, price.total > budget {
            return [
                .error(
                    "price \(price.total.plainText) is above the tender's budget \(budget.plainText); "
                        + "under 87号令 Art 63 the bid is invalid",
                    at: location
                )
            ]
        }
        return []
    }

    /// Bids from the same bidder (same name or registration id) are all set aside: which one counts is for the
    /// committee to decide, not for file order.
    static func separateDuplicateBidders(_ bids: [Bid]) -> (
        unique: [Bid], duplicates: [(bid: Bid, problem: Diagnostic)]
    ) {
        var filesByKey: [String: [String]] = [:]
        for bid in bids {
            for key in keys(of: bid) { filesByKey[key, default: []].append(bid.file) }
        }
        var unique: [Bid] = []
        var duplicates: [(Bid, Diagnostic)] = []
        for bid in bids {
            let others = Set(keys(of: bid).flatMap { filesByKey[$0] ?? [] }).subtracting([bid.file]).sorted()
            if others.isEmpty {
                unique.append(bid)
            } else {
                duplicates.append(
                    (
                        bid,
                        .error(
                            "bidder '\(bid.bidder.name)' also submitted \(others.joined(separator: ", ")); "
                                + "none of its bids is evaluated until the committee decides which one counts",
                            at: SourceLocation(file: bid.file, line: bid.bidder.line)
                        )
                    )
                )
            }
        }
        return (unique, duplicates)
    }

    private static func keys(of bid: Bid) -> [String] {
        var keys = ["name:" + bid.bidder.name]
        if let id = bid.bidder.registrationID, !id.isEmpty { keys.append("id:" + id) }
        return keys
    }
}
