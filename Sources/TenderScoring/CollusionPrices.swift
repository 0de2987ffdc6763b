import TenderCore
import TenderModel

/// Prices that differ by a regular pattern across three or more bidders (87号令 Art 37): identical totals,
/// totals a constant step apart, or totals in a fixed ratio. Only totals in the tender's currency that are
/// real amounts (positive, no finer than the minor unit) take part; arithmetic is exact.
enum CollusionPrices {
    static let minimumBidders = 3
    /// Up to this many distinct totals every pair starts a progression, so bids of other bidders lying
    /// between the colluders' prices do not hide the pattern; above it (synthetic or very large tenders) only
    /// neighbours in price order do, keeping the work linear.
    static let exhaustiveSearchLimit = 200

    static func signals(_ bids: [Bid], rubric: Rubric) -> [CollusionSignal] {
        let currency = rubric.tender.currency
        let places = CurrencyMinorUnit.places(of: currency)
        var byTotal: [Money: [Bid]] = [:]
        for bid in bids {
            guard let price = bid.price, price.currency == currency, price.total > 0,
                price.total.decimalPlaces <= places
            else { continue }
            byTotal[price.total, default: []].append(bid)
        }
        let values = byTotal.keys.sorted()
        // In price order, so the pattern reads from the evidence; bids at one price by bidder, then file.
        func evidence(_ totals: [Money]) -> [CollusionEvidence] {
            totals.flatMap { total in
                Collusion.sortedEvidence(
                    (byTotal[total] ?? []).map { bid in
                        CollusionEvidence(
                            bidder: bid.bidder.name,
                            file: bid.file,
                            line: bid.price?.line,
                            field: .priceTotal,
                            written: total.plainText
                        )
                    }
                )
            }
        }
        func bidderCount(_ totals: [Money]) -> Int {
            Set(totals.flatMap { byTotal[$0] ?? [] }.map(Collusion.bidderKey)).count
        }

        var signals: [CollusionSignal] = []
        for total in values where bidderCount([total]) >= minimumBidders {
            signals.append(CollusionSignal(kind: .identicalPrices, value: total.plainText, evidence: evidence([total])))
        }
        let half = Money(units: CurrencyMinorUnit.smallestAmount(of: currency).units / 2)
        var found: [Progression] = []
        let exhaustive = values.count <= exhaustiveSearchLimit
        let totals = Set(values)
        for first in values.indices {
            let later = values.indices.dropFirst(first + 1)
            for second in exhaustive ? later : later.prefix(1) {
                let steps = arithmetic(from: values[first], values[second], in: totals)
                if steps.count >= 3 {
                    found.append(Progression(kind: .constantPriceSteps, members: steps))
                }
                let ratio = geometric(from: values[first], values[second], in: values, half: half)
                if ratio.count >= 3 && !isArithmetic(ratio) {
                    found.append(Progression(kind: .fixedPriceRatio, members: ratio))
                }
            }
        }
        // A progression inside a longer one (9.0, 9.2, 9.4 inside 9.0 … 9.8 by 0.1) says nothing new.
        found.sort(by: Progression.longerFirst)
        var kept: [Progression] = []
        for progression in found where bidderCount(progression.members) >= minimumBidders {
            let members = Set(progression.members)
            if kept.contains(where: { members.isSubset(of: Set($0.members)) }) { continue }
            kept.append(progression)
        }
        for progression in kept {
            let members = progression.members
            let value: String
            switch progression.kind {
            case .constantPriceSteps: value = Money(units: members[1].units - members[0].units).plainText
            default:
                // Two positive totals: the ratio and its rounding to 4 places cannot overflow.
                value =
                    ((try? ExactRatio(Int128(members[1].units), Int128(members[0].units)).rounded(places: 4))?.plainText)
                    ?? ""
            }
            signals.append(CollusionSignal(kind: progression.kind, value: value, evidence: evidence(members)))
        }
        return signals
    }

    struct Progression {
        var kind: CollusionKind
        var members: [Money]

        /// Longer first, constant steps before ratios, then by the totals, so the order never depends on
        /// hashing.
        static func longerFirst(_ lhs: Progression, _ rhs: Progression) -> Bool {
            if lhs.members.count != rhs.members.count { return lhs.members.count > rhs.members.count }
            if lhs.kind != rhs.kind { return lhs.kind == .constantPriceSteps }
            return lhs.members.lexicographicallyPrecedes(rhs.members)
        }
    }

    /// `a, b, b + (b − a), …` as far as the totals go.
    static func arithmetic(from a: Money, _ b: Money, in totals: Set<Money>) -> [Money] {
        let step = Money(units: b.units - a.units)
        var chain = [a, b]
        while let last = chain.last, let next = try? last + step, totals.contains(next) {
            chain.append(next)
        }
        return chain
    }

    /// `a, b, c, …` such that one ratio r gives each total from the one before, rounded half away from zero to
    /// the minor unit: r lies in [(next − half) / previous, (next + half) / previous) for every step, and those
    /// intervals must meet. Bounds are kept as fractions, so no division is ever rounded.
    static func geometric(from a: Money, _ b: Money, in sorted: [Money], half: Money) -> [Money] {
        var chain = [a, b]
        var low = RatioBound(numerator: b.units - half.units, denominator: a.units)
        var high = RatioBound(numerator: b.units + half.units, denominator: a.units)
        while chain.count < sorted.count {
            let previous = chain[chain.count - 2]
            let last = chain[chain.count - 1]
            // The geometric continuation, last² / previous, only to find where to look.
            let square = Int128(last.units) * Int128(last.units) / Int128(previous.units)
            let target = Money(units: Int64(clamping: square))
            let index = lowerBound(of: target, in: sorted)
            var extended = false
            for candidate in [index - 1, index, index + 1] where candidate >= 0 && candidate < sorted.count {
                let next = sorted[candidate]
                guard next > last else { continue }
                let newLow = max(low, RatioBound(numerator: next.units - half.units, denominator: last.units))
                let newHigh = min(high, RatioBound(numerator: next.units + half.units, denominator: last.units))
                if newLow < newHigh {
                    chain.append(next)
                    (low, high) = (newLow, newHigh)
                    extended = true
                    break
                }
            }
            if !extended { break }
        }
        return chain
    }

    static func isArithmetic(_ chain: [Money]) -> Bool {
        guard chain.count >= 2 else { return false }
        let step = chain[1].units - chain[0].units
        return zip(chain, chain.dropFirst()).allSatisfy { $1.units - $0.units == step }
    }

    private static func lowerBound(of value: Money, in sorted: [Money]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// A positive fraction of micro-unit counts, compared exactly by cross-multiplying in 128 bits.
struct RatioBound: Comparable {
    var numerator: Int64
    var denominator: Int64

    static func < (lhs: RatioBound, rhs: RatioBound) -> Bool {
        Int128(lhs.numerator) * Int128(rhs.denominator) < Int128(rhs.numerator) * Int128(lhs.denominator)
    }

    static func == (lhs: RatioBound, rhs: RatioBound) -> Bool {
        Int128(lhs.numerator) * Int128(rhs.denominator) == Int128(rhs.numerator) * Int128(lhs.denominator)
    }
}
