import TenderCore
import TenderModel

/// Price formulas, computed exactly: the ratio is never rounded on its own, only the resulting points.
enum PriceScorer {
    /// `total × (100 − deductionPercent) / 100`, exact; an evaluated price with more decimals than `Money`
    /// holds is refused (Admissibility reports it at the bid before scoring).
    static func evaluatedPrice(total: Money, deductionPercent: ExactRatio) throws(FixedPointOverflow) -> Money {
        guard !deductionPercent.isZero else { return total }
        return try Money(exactly: try total.ratio * (try ExactRatio(100) - deductionPercent) / ExactRatio(100))
    }

    /// The unrounded points of a price, exact: a ratio of integer unit counts, never a cut quotient.
    static func points(
        for price: Money,
        formula: PriceFormula,
        lowest: Money,
        highest: Money,
        maximum: Points
    ) throws(FixedPointOverflow) -> ExactRatio {
        // Admissibility refuses prices ≤ 0 and deductions stay below 100 %, so this only guards the arithmetic.
        guard price > .zero else { return .zero }
        let unitsPerPoint = Int128(Points.unitsPerWhole)
        let points: ExactRatio
        switch formula {
        case .lowestPriceRatio:
            // P_min / P_i × points: both prices in micro-units, so their scale cancels. A bid set aside from the
            // base (below the plausible minimum) can lie below P_min; it is held to the criterion's points.
            guard price >= lowest else { return maximum.ratio }
            points = try ExactRatio(Int128(lowest.units) * Int128(maximum.units), Int128(price.units) * unitsPerPoint)
        case .linear:
            guard highest != lowest else { return maximum.ratio }
            // points × (P_max − P_i) / (P_max − P_min), held to the criterion's range for a set-aside bid.
            guard price >= lowest else { return maximum.ratio }
            guard price <= highest else { return .zero }
            points = try ExactRatio(
                Int128(maximum.units) * (Int128(highest.units) - Int128(price.units)),
                (Int128(highest.units) - Int128(lowest.units)) * unitsPerPoint
            )
        }
        return points
    }
}
