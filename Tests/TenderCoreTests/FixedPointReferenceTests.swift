import Foundation
import TenderCore
import TenderTestSupport
import Testing

/// The fixed-point engine against an exact rational reference: random cases shaped like the legal arithmetic
/// (SME deductions, P_min / P_i × points, means and trimmed means of members' scores, totals with either
/// rounding rule, comparisons), recomputed by Python's `fractions` in `Reference/fixed_point_reference.py`.
@Suite struct FixedPointReferenceTests {
    @Test(.enabled(if: ReferenceScript.python != nil, "needs python3 for the exact rational reference"))
    func agreesWithExactRationalsOnTenThousandCases() throws {
        var random = SplitMix64(seed: 20_201_120)
        var lines: [String] = []
        for _ in 0..<2_000 {
            lines.append(try deductionCase(&random))
            lines.append(contentsOf: try priceScoreCases(&random))
            lines.append(try meanCase(&random, trimmed: false))
            lines.append(try meanCase(&random, trimmed: true))
            lines.append(contentsOf: try totalCases(&random))
            lines.append(try comparisonCase(&random))
        }
        #expect(lines.count >= 10_000)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Reference/fixed_point_reference.py")
        let outcome = try ReferenceScript.run(script, cases: lines)
        #expect(outcome.agrees(onAll: lines.count), "\(outcome.report)")
    }

    // MARK: Cases

    /// A price in cents (up to 10⁹ yuan) less a deduction of 0–20 % with up to two decimals, held as Money.
    func deductionCase(_ random: inout SplitMix64) throws -> String {
        let price = try Money(parsing: DecimalText.fixed(units: Int128(random.next(upTo: 100_000_000_000)), places: 2))
        let percent = try ExactRatio(parsing: DecimalText.fixed(units: Int128(random.next(upTo: 2_001)), places: 2))
        let evaluated = try Money(exactly: price.ratio * (ExactRatio(100) - percent) / ExactRatio(100))
        return "deduction|\(price.plainText)|\(percent.decimalText())|\(evaluated.plainText)"
    }

    /// P_min / P_i × points, rounded at 0–4 decimals and shown unrounded, with P_min ≤ P_i.
    func priceScoreCases(_ random: inout SplitMix64) throws -> [String] {
        let price = try randomMoney(&random, upToCents: 2_000_000_000)
        let lowest = Money(units: max(1, price.units - Int64(random.next(upTo: UInt64(price.units)))))
        let points = try ExactRatio(parsing: DecimalText.fixed(units: Int128(random.next(upTo: 6_001) + 1), places: 2))
        let places = Int(random.next(upTo: 5))
        let score = try lowest.ratio / price.ratio * points
        let inputs = "\(lowest.plainText)|\(price.plainText)|\(points.decimalText())"
        return [
            "price-score|\(inputs)|\(places)|\(try score.fixedText(places: places))",
            "price-score-unrounded|\(inputs)|\(score.decimalText(maximumDigits: 10))",
        ]
    }

    /// Three to nine members' scores in steps of 0.5 or 0.1, their mean (or trimmed mean) rounded.
    func meanCase(_ random: inout SplitMix64, trimmed: Bool) throws -> String {
        let count = Int(random.next(upTo: 7)) + 3
        let tenths = random.next(upTo: 2) == 0
        let scores = try (0..<count).map { _ in
            try Points(exactly: ExactRatio(Int128(random.next(upTo: 201)), tenths ? 10 : 2))
        }
        let places = Int(random.next(upTo: 4))
        let counted = trimmed ? Array(scores.sorted().dropFirst().dropLast()) : scores
        let mean = try Points.sum(counted).ratio / ExactRatio(counted.count)
        let list = scores.map(\.plainText).joined(separator: ",")
        return "\(trimmed ? "trimmed-mean" : "mean")|\(places)|\(list)|\(try mean.fixedText(places: places))"
    }

    /// Criterion scores as exact ratios; the total of the rounded scores, and the exact sum rounded once.
    func totalCases(_ random: inout SplitMix64) throws -> [String] {
        let count = Int(random.next(upTo: 12)) + 2
        let places = Int(random.next(upTo: 4))
        let parts = try (0..<count).map { _ in
            try ExactRatio(Int128(random.next(upTo: 3_000)), Int128(random.next(upTo: 97) + 1))
        }
        var total = Points.zero
        var exact = ExactRatio.zero
        for part in parts {
            total = try total + Points(rounding: part, places: places)
            exact = try exact + part
        }
        let list = parts.map(\.fractionText).joined(separator: ",")
        return [
            "total|\(places)|\(list)|\(total.plainText)",
            "total-rounded|\(places)|\(list)|\(try exact.fixedText(places: places))",
        ]
    }

    /// Two ratios with large, close values.
    func comparisonCase(_ random: inout SplitMix64) throws -> String {
        let base = Int128(random.next(upTo: 1 << 62))
        let left = try ExactRatio(base + Int128(random.next(upTo: 3)), Int128(random.next(upTo: 1 << 40) + 1))
        let right = try ExactRatio(base + Int128(random.next(upTo: 3)), Int128(random.next(upTo: 1 << 40) + 1))
        let order = left < right ? "<" : right < left ? ">" : "="
        return "compare|\(left.fractionText)|\(right.fractionText)|\(order)"
    }

    func randomMoney(_ random: inout SplitMix64, upToCents limit: UInt64) throws -> Money {
        try Money(parsing: DecimalText.fixed(units: Int128(random.next(upTo: limit) + 1), places: 2))
    }
}

/// A small, seedable generator, so every run checks the same cases.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// Uniform enough in `0..<bound` for test data.
    mutating func next(upTo bound: UInt64) -> UInt64 {
        next() % bound
    }
}
