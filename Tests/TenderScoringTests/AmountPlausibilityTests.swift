import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderRubric
import Testing

@testable import TenderScoring

@Suite struct AmountPlausibilityTests {
    static func rubric(budget: String? = nil, policy: PricePolicy = PricePolicy()) -> Rubric {
        var rubric = Build.rubric(groups: [Build.priceGroup("100")], minimumValidBids: 1)
        rubric.tender.budget = budget.map(Build.decimal)
        var policy = policy
        policy.sizeDeductions = [.small: 10]
        rubric.pricePolicy = policy
        return rubric
    }

    static func problems(_ price: String, size: EnterpriseSize? = nil, rubric: Rubric = rubric()) -> [String] {
        guard case .imported(let bid, _) = Build.bid("A", price: price, size: size) else { return ["no bid"] }
        return Admissibility.problems(of: bid, rubric: rubric).map(\.description)
    }

    @Test func morePlacesThanTheMinorUnitIsALocatedError() {
        #expect(
            Self.problems("0.001") == ["A.xml:10: error: price 0.001 has more decimal places than CNY's minor unit (2)"]
        )
        #expect(Self.problems("12.50").isEmpty)
        #expect(Self.problems("12.500").isEmpty)
    }

    @Test func evaluatedPriceBelowOneFenIsRefused() {
        #expect(
            Self.problems("0.01", size: .small) == [
                "A.xml:10: error: evaluated price 0.009 (0.01 less the 10 % deduction for a small enterprise) is "
                    + "below one minor unit of CNY (0.01); it cannot be evaluated"
            ]
        )
        #expect(Self.problems("0.02", size: .small).isEmpty)
    }

    @Test func minorUnitFollowsTheCurrency() {
        #expect(CurrencyMinorUnit.places(of: "JPY") == 0)
        #expect(CurrencyMinorUnit.places(of: "KWD") == 3)
        #expect(CurrencyMinorUnit.smallestAmount(of: "CNY") == Build.decimal("0.01"))
    }

    static func grounds(_ price: String, rubric: Rubric) -> [Disqualification] {
        guard case .imported(let bid, _) = Build.bid("A", price: price) else { return [] }
        return Admissibility.disqualifications(of: bid, rubric: rubric)
    }

    /// Above the budget or the ceiling is a lawful disqualification (87号令 Art 63) with both amounts as evidence,
    /// never an input problem to fix.
    @Test func aboveTheBudgetOrTheCeilingIsInvalid() throws {
        let budget = Self.rubric(budget: "9800000")
        #expect(Self.problems("9800000.01", rubric: budget).isEmpty)
        #expect(
            Self.grounds("9800000.01", rubric: budget) == [
                Disqualification(
                    ground: .aboveBudget(
                        price: try Money(parsing: "9800000.01"),
                        budget: try Money(parsing: "9800000"),
                        currency: "CNY"
                    ),
                    location: SourceLocation(file: "A.xml", line: 10)
                )
            ]
        )
        #expect(Self.grounds("9800000", rubric: budget).isEmpty)
        let capped = Self.rubric(budget: "9800000", policy: PricePolicy(ceiling: Build.decimal("9500000")))
        #expect(Self.problems("9600000", rubric: capped).isEmpty)
        #expect(
            Self.grounds("9600000", rubric: capped).map(\.ground) == [
                .aboveCeiling(
                    price: try Money(parsing: "9600000"),
                    ceiling: try Money(parsing: "9500000"),
                    currency: "CNY"
                )
            ]
        )
        #expect(Self.grounds("9600000", rubric: capped).map(\.clause) == ["87号令 Art 63"])
    }

    static func implausible(_ evaluation: Evaluation) -> [Flag] {
        evaluation.flags.filter {
            if case .implausiblyLowPrice = $0 { return true }
            return false
        }
    }

    static func pricePoints(_ evaluation: Evaluation, _ bidder: String) -> ExactRatio? {
        evaluation.validResults.first { $0.displayName == bidder }?.criterionScores.first?.unrounded
    }

    @Test func belowThePlausibleMinimumIsFlaggedAndDoesNotSetTheBase() throws {
        let rubric = Self.rubric(
            budget: "1000",
            policy: PricePolicy(plausibleMinimum: .percentOfBudget(Build.decimal("30")))
        )
        let evaluation = try TenderEvaluator.evaluate(
            rubric: rubric,
            bids: [Build.bid("A", price: "299.99"), Build.bid("B", price: "900"), Build.bid("C", price: "950")],
            scores: []
        )
        #expect(
            Self.implausible(evaluation) == [
                .implausiblyLowPrice(
                    bidder: "A",
                    price: Build.decimal("299.99"),
                    minimum: Build.decimal("300"),
                    setsPriceBase: false
                )
            ]
        )
        #expect(evaluation.validResults.count == 3)
        #expect(evaluation.priceBase?.lowest == 900)
        #expect(evaluation.priceBase?.lowestBidder == "B")
        #expect(
            evaluation.priceBase?.setAside == [
                SetAsidePrice(bidder: "A", bidTotal: Build.decimal("299.99"), evaluatedPrice: Build.decimal("299.99"))
            ]
        )
        // 900 / 299.99 × 100 would be 300.01 points: held to the criterion's 100.
        #expect(Self.pricePoints(evaluation, "A") == 100)
        #expect(Self.pricePoints(evaluation, "B") == 100)
        #expect(try Self.pricePoints(evaluation, "C") == ExactRatio(90000, 950))
    }

    @Test func withoutAStatedMinimumTenPercentOfTheBudgetKeepsOneYuanFromTheBase() throws {
        let evaluation = try TenderEvaluator.evaluate(
            rubric: Self.rubric(budget: "9800000"),
            bids: [Build.bid("A", price: "1.00"), Build.bid("B", price: "6318000"), Build.bid("C", price: "8000000")],
            scores: []
        )
        #expect(evaluation.priceBase?.lowest == 6_318_000)
        #expect(evaluation.priceBase?.plausibleFloor == PlausibleFloor(amount: 980_000, origin: .defaultOfBudget))
        #expect(try Self.pricePoints(evaluation, "C") == ExactRatio(631_800_000, 8_000_000))
        #expect(Self.implausible(evaluation).count == 1)
        // Ranked by total: the one-yuan bid keeps full price points (capped), it is not removed.
        #expect(evaluation.validResults.map(\.displayName).first == "A")
    }

    @Test func switchedOffTheAbsurdPriceSetsTheBaseAgain() throws {
        var policy = PricePolicy()
        policy.plausibleMinimumSwitchedOff = true
        let evaluation = try TenderEvaluator.evaluate(
            rubric: Self.rubric(budget: "9800000", policy: policy),
            bids: [Build.bid("A", price: "1.00"), Build.bid("B", price: "6318000")],
            scores: []
        )
        #expect(evaluation.priceBase?.lowest == 1)
        #expect(evaluation.priceBase?.setAside == [])
        #expect(Self.implausible(evaluation).isEmpty)
    }

    @Test func everyBidBelowTheFloorTakesTheBaseFromThemAllAndSaysSo() throws {
        let evaluation = try TenderEvaluator.evaluate(
            rubric: Self.rubric(budget: "9800000"),
            bids: [Build.bid("A", price: "1.00"), Build.bid("B", price: "2.00")],
            scores: []
        )
        #expect(evaluation.priceBase?.allBelowFloor == true)
        #expect(evaluation.priceBase?.lowest == 1)
        #expect(evaluation.priceBase?.setAside == [])
        #expect(
            Self.implausible(evaluation).map {
                guard case .implausiblyLowPrice(let bidder, _, _, let sets) = $0 else { return "" }
                return "\(bidder) \(sets)"
            } == ["A true", "B false"]
        )
    }

    @Test func noBudgetAndNoCeilingMeansNoFloor() throws {
        let evaluation = try TenderEvaluator.evaluate(
            rubric: Self.rubric(),
            bids: [Build.bid("A", price: "1.00"), Build.bid("B", price: "6318000")],
            scores: []
        )
        #expect(evaluation.priceBase?.lowest == 1)
        #expect(evaluation.priceBase?.plausibleFloor == nil)
    }
}
