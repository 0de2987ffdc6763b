import Foundation
import TenderCore
import TenderModel
import TenderTestSupport
import Testing

@testable import TenderScoring

/// The scoring engine's own functions against an exact rational reference: random cases of every rule the
/// legal arithmetic uses (SME deduction, both price formulas, the linear, per-item and band scales, member mean
/// and trimmed mean, the total of rounded criterion scores through `TenderEvaluator`), recomputed by Python's
/// `fractions` in `Reference/engine_reference.py`.
@Suite struct EngineReferenceTests {
    @Test(.enabled(if: ReferenceScript.python != nil, "needs python3 for the exact rational reference"))
    func engineAgreesWithExactRationalsOnTenThousandCases() throws {
        var random = EngineRandom(seed: 20_201_120)
        var lines: [String] = []
        for _ in 0..<1_500 {
            lines.append(try deductionCase(&random))
            lines.append(try priceRatioCase(&random))
            lines.append(try priceLinearCase(&random))
            lines.append(try linearCase(&random))
            lines.append(try perItemCase(&random))
            lines.append(try bandCase(&random))
            lines.append(try evaluationCase(&random))
        }
        #expect(lines.count >= 10_000)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Reference/engine_reference.py")
        let outcome = try ReferenceScript.run(script, cases: lines)
        #expect(outcome.agrees(onAll: lines.count), "\(outcome.report)")
    }

    // MARK: Cases

    func money(_ random: inout EngineRandom, upToCents bound: UInt64) -> Money {
        Money(units: Int64(random.next(upTo: bound) + 1) * 10_000)
    }

    func points(_ random: inout EngineRandom, upToHundredths bound: UInt64) -> Points {
        Points(units: Int64(random.next(upTo: bound)) * 10_000)
    }

    func ratio(_ random: inout EngineRandom, units bound: UInt64, places: Int, signed: Bool = false) throws
        -> ExactRatio
    {
        var units = Int64(random.next(upTo: bound))
        if signed && random.next(upTo: 2) == 0 { units = -units }
        return try ExactRatio(units: units, scale: places)
    }

    func fraction(_ value: ExactRatio) -> String {
        value.fractionText
    }

    /// A price in cents (up to 10⁹ yuan) less an SME deduction of 0–20 % with up to two decimals.
    func deductionCase(_ random: inout EngineRandom) throws -> String {
        let price = money(&random, upToCents: 100_000_000_000)
        let percent = try ratio(&random, units: 2_001, places: 2)
        let evaluated = try PriceScorer.evaluatedPrice(total: price, deductionPercent: percent)
        return "deduction|\(price.plainText)|\(percent.plainText)|\(fraction(evaluated.ratio))"
    }

    /// P_min / P_i × points, mostly with P_min ≤ P_i and sometimes a set-aside bid below the base.
    func priceRatioCase(_ random: inout EngineRandom) throws -> String {
        let price = money(&random, upToCents: 2_000_000_000)
        let lowest =
            random.next(upTo: 10) == 0
            ? Money(units: price.units + Int64(random.next(upTo: 1_000_000)) * 10_000)
            : Money(units: max(10_000, price.units - Int64(random.next(upTo: UInt64(price.units))) / 10_000 * 10_000))
        let maximum = Points(units: points(&random, upToHundredths: 6_000).units + 10_000)
        let places = Int(random.next(upTo: 5))
        let exact = try PriceScorer.points(
            for: price,
            formula: .lowestPriceRatio,
            lowest: lowest,
            highest: price,
            maximum: maximum
        )
        let rounded = try Points(rounding: exact, places: places).fixedText(places: places)
        return
            "price-ratio|\(lowest.plainText)|\(price.plainText)|\(maximum.plainText)|\(places)|\(fraction(exact)) \(rounded)"
    }

    /// points × (P_max − P_i) / (P_max − P_min), prices sometimes equal or outside the base.
    func priceLinearCase(_ random: inout EngineRandom) throws -> String {
        let lowest = money(&random, upToCents: 1_000_000_000)
        let highest = Money(
            units: lowest.units + Int64(random.next(upTo: 3) == 0 ? 0 : random.next(upTo: 50_000_000)) * 10_000
        )
        let price = Money(
            units: max(10_000, lowest.units + (Int64(random.next(upTo: 60_000_000)) - 5_000_000) * 10_000)
        )
        let maximum = Points(units: points(&random, upToHundredths: 6_000).units + 10_000)
        let places = Int(random.next(upTo: 5))
        let exact = try PriceScorer.points(
            for: price,
            formula: .linear,
            lowest: lowest,
            highest: highest,
            maximum: maximum
        )
        let rounded = try Points(rounding: exact, places: places).fixedText(places: places)
        return
            "price-linear|\(lowest.plainText)|\(highest.plainText)|\(price.plainText)|\(maximum.plainText)|\(places)|"
            + "\(fraction(exact)) \(rounded)"
    }

    /// A linear scale (either direction) and a value with up to three decimals, inside or outside its range.
    func linearCase(_ random: inout EngineRandom) throws -> String {
        let lower = try ratio(&random, units: 200_000, places: 2, signed: true)
        var upper = try ratio(&random, units: 200_000, places: 2, signed: true)
        if upper == lower { upper = try lower + 1 }
        let lowerPoints = points(&random, upToHundredths: 2_000)
        let upperPoints = points(&random, upToHundredths: 2_000)
        let value = try ratio(&random, units: 3_000_000, places: 3, signed: true)
        let scale = Scale.linear(lower: lower, upper: upper, lowerPoints: lowerPoints, upperPoints: upperPoints)
        let exact = try ObjectiveScorer.score(Fact(.number(value)), on: scale).points
        return "linear|\(value.plainText)|\(lower.plainText)|\(upper.plainText)|\(lowerPoints.plainText)|"
            + "\(upperPoints.plainText)|\(fraction(exact))"
    }

    /// A count (negative, fractional or large) times points each, held to the cap.
    func perItemCase(_ random: inout EngineRandom) throws -> String {
        let count = try ratio(&random, units: 100_000, places: Int(random.next(upTo: 2)), signed: true)
        let each = Points(units: points(&random, upToHundredths: 500).units + 10_000)
        let cap = Points(units: points(&random, upToHundredths: 3_000).units + 10_000)
        let exact = try ObjectiveScorer.score(Fact(.number(count)), on: .perItem(each: each, cap: cap)).points
        return "per-item|\(count.plainText)|\(each.plainText)|\(cap.plainText)|\(fraction(exact))"
    }

    /// Three to five contiguous half-open bands, the last sometimes open-ended, and a value anywhere.
    func bandCase(_ random: inout EngineRandom) throws -> String {
        var start = try ratio(&random, units: 10_000, places: 1, signed: true)
        var bands: [Band] = []
        let count = Int(random.next(upTo: 3)) + 3
        for index in 0..<count {
            let width = try ratio(&random, units: 5_000, places: 1)
            let end: ExactRatio? =
                index == count - 1 && random.next(upTo: 2) == 0
                ? nil : try start + width + ExactRatio(units: 1, scale: 1)
            bands.append(
                Band(
                    from: start,
                    to: end,
                    points: points(&random, upToHundredths: 2_000),
                    location: SourceLocation(file: "r")
                )
            )
            if let end { start = end }
        }
        let value = try ratio(&random, units: 40_000, places: 1, signed: true)
        let exact = try ObjectiveScorer.score(Fact(.number(value)), on: .bands(bands)).points
        let described = bands.map { "\($0.from.plainText):\($0.to?.plainText ?? ""):\($0.points.plainText)" }
        return "band|\(value.plainText)|\(described.joined(separator: ";"))|\(fraction(exact))"
    }

    /// One bid through `TenderEvaluator`: a price, a linear and a per-item criterion and a judgement criterion
    /// scored by three to seven members (mean or trimmed mean), each rounded at 0–4 decimals and totalled.
    func evaluationCase(_ random: inout EngineRandom) throws -> String {
        let trimmed = random.next(upTo: 2) == 0
        let places = Int(random.next(upTo: 5))
        let memberCount = Int(random.next(upTo: 5)) + 3
        let judgedPoints = Points(units: points(&random, upToHundredths: 4_000).units + 100_000)
        let scores = (0..<memberCount).map { _ in
            Points(units: judgedPoints.units / 1_000 * Int64(random.next(upTo: 1_001)))
        }
        let lower = try ratio(&random, units: 10_000, places: 1)
        let upper = try lower + ratio(&random, units: 10_000, places: 1) + 1
        let linearPoints = points(&random, upToHundredths: 2_000)
        let value = try ratio(&random, units: 30_000, places: 2)
        let count = ExactRatio(Int(random.next(upTo: 40)))
        let each = Points(units: points(&random, upToHundredths: 300).units + 10_000)
        let cap = Points(units: points(&random, upToHundredths: 2_000).units + 10_000)
        let pricePoints = points(&random, upToHundredths: 4_000)
        let criteria = [
            Build.criterion("price", pricePoints.plainText, .price(.lowestPriceRatio)),
            Build.criterion(
                "linear",
                linearPoints.plainText,
                .objective(
                    ObjectiveRule(
                        value: "linear",
                        scale: .linear(lower: lower, upper: upper, lowerPoints: 0, upperPoints: linearPoints)
                    )
                )
            ),
            Build.criterion(
                "items",
                cap.plainText,
                .objective(ObjectiveRule(value: "items", scale: .perItem(each: each, cap: cap)))
            ),
            Build.criterion("plan", judgedPoints.plainText, .judgement(JudgementRule(step: nil, bands: []))),
        ]
        var rubric = Build.rubric(
            groups: [Build.group("all", "100", criteria)],
            decimals: places,
            minimumValidBids: 1,
            members: memberCount
        )
        rubric.committee.aggregation = trimmed ? .trimmedMean : .mean
        let bid = Build.bid("A", price: "1000", facts: ["linear": .number(value), "items": .number(count)])
        let entries = scores.enumerated().map { index, score in
            Build.score("m\(index)", "A", "plan", score.plainText, line: index + 2)
        }
        let result = try TenderEvaluator.evaluate(rubric: rubric, bids: [bid], scores: entries).results[0]
        let rounded = result.criterionScores.map { $0.points.fixedText(places: places) }
        return
            "evaluation|\(trimmed ? "trimmed-mean" : "mean")|\(places)|\(scores.map(\.plainText).joined(separator: ","))|"
            + "\(judgedPoints.plainText)|\(value.plainText):\(lower.plainText):\(upper.plainText):0:\(linearPoints.plainText)|"
            + "\(count.plainText):\(each.plainText):\(cap.plainText)|\(pricePoints.plainText)|"
            + "\(rounded.joined(separator: ",")) \(result.total?.fixedText(places: places) ?? "none")"
    }
}

/// SplitMix64: a small deterministic generator, so every run checks the same cases.
struct EngineRandom {
    private var state: UInt64

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

    mutating func next(upTo bound: UInt64) -> UInt64 {
        next() % bound
    }
}
