import Foundation
import TenderCore
import TenderModel

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

    /// Amounts no one can be paid: a price written more finely than the currency's minor unit, or an evaluated
    /// price (after the size deduction) below one minor unit. Each would otherwise set the price base for every
    /// bidder. These are input problems to fix, not grounds to disqualify (see `disqualifications`).
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
        let evaluated: Money
        do {
            evaluated = try PriceScorer.evaluatedPrice(total: price.total, deductionPercent: deduction)
        } catch {
            return [
                .error(
                    "evaluated price of \(price.total.plainText) less the \(deduction.plainText) % deduction for a "
                        + "\(bid.bidder.size.map(\.rawValue) ?? "") enterprise has more than \(Money.scale) decimals; "
                        + "it cannot be evaluated exactly",
                    at: location
                )
            ]
        }
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
        return []
    }

    /// The lawful grounds, other than gates, on which a readable bid is disqualified: submitted late (refused,
    /// 87号令 Art 33), or priced above the ceiling or else the budget (invalid, 87号令 Art 63). Unlike
    /// `problems`, these are verdicts: such a bid counts against the minimum number of valid bids, and a tender
    /// they leave short has failed. A price above a limit is a ground only when it is otherwise usable (in the
    /// tender's currency, positive, to the minor unit).
    static func disqualifications(of bid: Bid, rubric: Rubric) -> [Disqualification] {
        var grounds: [Disqualification] = []
        if let submitted = bid.submittedAt, let late = DateChecks.lateSubmission(submitted, tender: rubric.tender) {
            let deadline: String
            switch late {
            case .afterDeadline(let limit): deadline = limit
            default: deadline = rubric.tender.evaluationDate
            }
            grounds.append(
                Disqualification(
                    ground: .lateSubmission(submittedAt: submitted, deadline: deadline),
                    location: SourceLocation(file: bid.file, line: bid.submittedLine)
                )
            )
        }
        guard let price = bid.price, price.currency == rubric.tender.currency, price.total > 0,
            price.total.decimalPlaces <= CurrencyMinorUnit.places(of: price.currency)
        else { return grounds }
        let total = price.total
        let location = SourceLocation(file: bid.file, line: price.line)
        if let limit = rubric.pricePolicy.ceiling, price.total > limit {
            grounds.append(
                Disqualification(
                    ground: .aboveCeiling(price: total, ceiling: limit, currency: price.currency),
                    location: location
                )
            )
        } else if let limit = rubric.tender.budget, price.total > limit {
            grounds.append(
                Disqualification(
                    ground: .aboveBudget(price: total, budget: limit, currency: price.currency),
                    location: location
                )
            )
        }
        return grounds
    }

    /// Bids that claim the same bidder (the same name or registration id once both are compared through
    /// `BidderIdentity`'s keys) are held for the committee, each message naming the other file and the matched key.
    ///
    /// Only evidence of a deliberate disguise tells the bids of such a group apart: when every bid but one needed
    /// invisible characters or compatibility forms of letters, digits or ideographs of its own to match the others
    /// (`BidderIdentity.isDisguised`), those are held and the one bid without a disguise is evaluated. White space
    /// and letter case are ordinary formatting, not evidence: a plain copy of a rival's id (or one written in
    /// groups) holds every bid of the group, the rival's too, and the outcome becomes provisional
    /// (`Flag.bidsHeldForCommittee`). Which one counts is then for the committee to decide, never for file order
    /// or spelling.
    static func separateDuplicateBidders(_ bids: [Bid]) -> (
        unique: [Bid], duplicates: [(bid: Bid, problem: Diagnostic)]
    ) {
        let keys = bids.map(identityKeys)
        var parent = Array(bids.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        var firstOwner: [BidderIdentity.Key: Int] = [:]
        for (index, bidKeys) in keys.enumerated() {
            for key in bidKeys.keys {
                if let owner = firstOwner[key] {
                    parent[root(index)] = root(owner)
                } else {
                    firstOwner[key] = index
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        for index in bids.indices { groups[root(index), default: []].append(index) }

        var unique: [Bid] = []
        var duplicates: [(Bid, Diagnostic)] = []
        for index in bids.indices {
            let group = groups[root(index)] ?? [index]
            guard group.count > 1 else {
                unique.append(bids[index])
                continue
            }
            let undisguised = group.filter { !isDisguised(index: $0, in: group, keys: keys) }
            if undisguised.count == 1, let survivor = undisguised.first {
                if survivor == index {
                    unique.append(bids[index])
                } else {
                    let claims = describeClaims(of: index, against: [survivor], bids: bids, keys: keys)
                    duplicates.append(
                        (
                            bids[index],
                            .error(
                                "\(claims); this bid is held for the committee, which decides whether it speaks for "
                                    + "that bidder",
                                at: SourceLocation(file: bids[index].file, line: bids[index].bidder.line)
                            )
                        )
                    )
                }
            } else {
                let others = group.filter { $0 != index }
                let claims = describeClaims(of: index, against: others, bids: bids, keys: keys)
                duplicates.append(
                    (
                        bids[index],
                        .error(
                            "\(claims); none of these bids is evaluated until the committee decides which one counts",
                            at: SourceLocation(file: bids[index].file, line: bids[index].bidder.line)
                        )
                    )
                )
            }
        }
        return (unique, duplicates)
    }

    /// "registration id '…' is also claimed by other.xml (after removing U+200B …)", one clause per other bid.
    private static func describeClaims(
        of index: Int,
        against others: [Int],
        bids: [Bid],
        keys: [(keys: [BidderIdentity.Key], written: [BidderIdentity.Key: String])]
    ) -> String {
        let mine = keys[index]
        var clauses: [String] = []
        for other in others.sorted(by: { bids[$0].file < bids[$1].file }) {
            let theirs = keys[other]
            let shared = mine.keys.filter { theirs.written[$0] != nil }.sorted()
            guard !shared.isEmpty else {
                clauses.append("it is linked to \(bids[other].file) through another bid of the same bidder")
                continue
            }
            for key in shared {
                let what = key.part == .name ? "bidder name" : "registration id"
                var clause = "\(what) '\(key.value)' is also claimed by \(bids[other].file)"
                if let written = mine.written[key], let otherWritten = theirs.written[key],
                    let how = BidderIdentity.differences(written, otherWritten, part: key.part)
                {
                    clause += " (\(how))"
                }
                clauses.append(clause)
            }
        }
        return clauses.joined(separator: "; ")
    }

    private static func identityKeys(
        of bid: Bid
    ) -> (keys: [BidderIdentity.Key], written: [BidderIdentity.Key: String]) {
        var keys: [BidderIdentity.Key] = []
        var written: [BidderIdentity.Key: String] = [:]
        if let key = BidderIdentity.nameKey(bid.bidder.name) {
            keys.append(key)
            written[key] = bid.bidder.name
        }
        if let id = bid.bidder.registrationID, let key = BidderIdentity.registrationIDKey(id) {
            keys.append(key)
            written[key] = id
        }
        return (keys, written)
    }

    /// Whether the bid at `index` needed a disguise of its own (invisible characters, compatibility forms) to match
    /// any other bid of its group on a key both write.
    private static func isDisguised(
        index: Int,
        in group: [Int],
        keys: [(keys: [BidderIdentity.Key], written: [BidderIdentity.Key: String])]
    ) -> Bool {
        let mine = keys[index]
        return group.contains { other in
            guard other != index else { return false }
            return mine.keys.contains { key in
                guard let written = mine.written[key], let theirs = keys[other].written[key] else { return false }
                return BidderIdentity.isDisguised(written, matching: theirs, part: key.part)
            }
        }
    }
}
