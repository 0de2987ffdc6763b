import Foundation
import TenderModel

/// Price formulas, computed exactly: the ratio is never rounded on its own, only the resulting points.
enum PriceScorer {
    /// `total × (100 − percent) / 100`, the price used for the base and for the bid itself (87号令 Art 55).
    static func evaluatedPrice(total: Decimal, deductionPercent: Decimal) -> Decimal {
        total * (100 - deductionPercent) / 100
    }

    static func points(
        for price: Decimal,
        formula: PriceFormula,
        lowest: Decimal,
        highest: Decimal,
        maximum: Decimal
    ) -> Decimal {
        // Admissibility refuses prices ≤ 0 and deductions stay below 100 %, so this only guards the arithmetic.
        guard price > 0 else { return 0 }
        let points: Decimal
        switch formula {
        case .lowestPriceRatio:
            // Multiply before dividing so the only inexact step is the final division.
            points = lowest * maximum / price
        case .linear:
            guard highest != lowest else { return maximum }
            points = maximum * (highest - price) / (highest - lowest)
        }
        // A bid set aside from the base (below the plausible minimum) can lie outside it; its score is held to
        // the criterion's range rather than exceeding the points a criterion can give.
        return min(max(points, 0), maximum)
    }
}
