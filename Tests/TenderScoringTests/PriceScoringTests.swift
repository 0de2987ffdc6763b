import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderRubric
import Testing

@testable import TenderScoring

@Suite struct PriceScoringTests {
    /// Zhuhai award notice, 2016 (procurement-rules.md §1.3): technical 80 / price 20, P_min/P × 20.
    @Test func zhuhaiNoticePriceScoresAreReproducedToTheCent() throws {
        let rubric = Build.rubric(groups: [
            Build.priceGroup("20"),
            Build.group(
                "technical",
                "80",
                [Build.criterion("plan", "80", .judgement(JudgementRule(step: nil, bands: [])))]
            ),
        ])
        let bids = [
            Build.bid("A", price: "2288231.72"), Build.bid("B", price: "2296472"),
            Build.bid("C", price: "2299360"), Build.bid("D", price: "2311110.40"),
        ]
        let scores = ["A", "B", "C", "D"].enumerated().map { index, bidder in
            Build.score("m1", bidder, "plan", "60", line: index + 2)
        }
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: bids, scores: scores)
        let priceScores = Dictionary(
            uniqueKeysWithValues: evaluation.results.map { ($0.displayName, $0.score(for: "price")!.points) }
        )
        #expect(priceScores["A"] == Build.decimal("20.00"))
        #expect(priceScores["B"] == Build.decimal("19.93"))
        #expect(priceScores["C"] == Build.decimal("19.90"))
        #expect(priceScores["D"] == Build.decimal("19.80"))
        #expect(evaluation.priceBase?.lowest == Build.decimal("2288231.72"))
    }

    @Test func ratioIsNeverRoundedBeforeMultiplying() throws {
        // 1/3 rounded to 2 places first would give 0.33 × 30 = 9.90; the exact ratio gives 10.00.
        let points = try PriceScorer.points(
            for: 300,
            formula: .lowestPriceRatio,
            lowest: 100,
            highest: 300,
            maximum: 30
        )
        #expect(try points.rounded(places: 2) == 10)
    }

    @Test func linearFormulaInterpolatesBetweenLowestAndHighest() throws {
        let middle = try PriceScorer.points(for: 150, formula: .linear, lowest: 100, highest: 200, maximum: 40)
        #expect(middle == 20)
        let allEqual = try PriceScorer.points(for: 100, formula: .linear, lowest: 100, highest: 100, maximum: 40)
        #expect(allEqual == 40)
    }

    @Test func smallEnterpriseDeductionSetsTheBaseAndItsOwnScore() throws {
        let rubric = Build.rubric(
            groups: [Build.priceGroup("100")],
            minimumValidBids: 1,
            deductions: [.small: 10]
        )
        let bids = [Build.bid("Big", price: "1000000"), Build.bid("Small", price: "1050000", size: .small)]
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: bids, scores: [])
        let small = try #require(evaluation.results.first { $0.displayName == "Small" })
        #expect(small.price?.evaluatedPrice == 945000)
        #expect(small.score(for: "price")?.points == 100)
        let big = try #require(evaluation.results.first { $0.displayName == "Big" })
        #expect(big.score(for: "price")?.points == Build.decimal("94.50"))
        #expect(evaluation.results.first?.displayName == "Small")
    }

    @Test func disqualifiedBidDoesNotSetThePriceBase() throws {
        let rubric = Build.rubric(
            groups: [Build.priceGroup("100")],
            gates: [Build.gate("integrity", .commitment(kind: "integrity"))],
            minimumValidBids: 1
        )
        let signed = [Commitment(kind: "integrity", signedOn: "2020-11-01", text: "…")]
        let bids = [
            Build.bid("Cheap", price: "500"),
            Build.bid("Fair", price: "800", commitments: signed),
            Build.bid("Dear", price: "1000", commitments: signed),
        ]
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: bids, scores: [])
        #expect(evaluation.priceBase?.lowest == 800)
        let cheap = try #require(evaluation.results.first { $0.displayName == "Cheap" })
        #expect(cheap.status == .disqualified)
        #expect(cheap.gates.first?.finding == .commitmentMissing(kind: "integrity"))
        #expect(evaluation.results.first { $0.displayName == "Dear" }?.score(for: "price")?.points == 80)
    }

    @Test func bidInAnotherCurrencyIsNotEvaluatedAndSaysWhere() throws {
        let rubric = Build.rubric(groups: [Build.priceGroup("100")], minimumValidBids: 1)
        let evaluation = try TenderEvaluator.evaluate(
            rubric: rubric,
            bids: [Build.bid("Local", price: "100"), Build.bid("Foreign", price: "90", currency: "USD")],
            scores: []
        )
        let foreign = try #require(evaluation.results.first { $0.displayName == "Foreign" })
        #expect(foreign.status == .notEvaluated)
        #expect(
            foreign.problems.map(\.description) == [
                "Foreign.xml:10: error: bid is priced in USD; this tender is evaluated in CNY and prices are never "
                    + "converted"
            ]
        )
        #expect(evaluation.priceBase?.lowest == 100)
    }
}
