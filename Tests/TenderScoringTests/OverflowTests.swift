import TenderCore
import TenderModel
import Testing

@testable import TenderScoring

/// A value of the legal arithmetic that cannot be held exactly stops the evaluation with an error at the bid,
/// naming the criterion: never a wrong number, never a crash.
@Suite struct OverflowTests {
    @Test func anUnholdableLinearScoreIsALocatedErrorNamingTheBidAndCriterion() throws {
        // A fact with 36 decimals (18 digits, as a bid may write it) a thousand away from the scale's lower end:
        // the exact difference needs more than 128 bits.
        let scale = Scale.linear(
            lower: Build.decimal("-1000"),
            upper: Build.decimal("1000"),
            lowerPoints: 0,
            upperPoints: 70
        )
        let rubric = Build.rubric(
            groups: [
                Build.priceGroup("30"),
                Build.group(
                    "quality",
                    "70",
                    [Build.criterion("uptime", "70", .objective(ObjectiveRule(value: "uptime", scale: scale)))]
                ),
            ],
            minimumValidBids: 1
        )
        let bid = Build.bid(
            "A",
            price: "1000",
            facts: ["uptime": .number(Build.decimal("0.000000000000000000123456789012345678"))]
        )
        #expect(
            throws: DiagnosticError(
                .error(
                    "criterion 'uptime' cannot be scored exactly for this bid: the exact result is too large to compute; "
                        + "no score is published rather than a wrong one",
                    at: SourceLocation(file: "A.xml")
                )
            )
        ) {
            try TenderEvaluator.evaluate(rubric: rubric, bids: [bid], scores: [])
        }
    }

    @Test func theSameScaleWithAnOrdinaryValueScoresExactly() throws {
        let scale = Scale.linear(
            lower: Build.decimal("-1000"),
            upper: Build.decimal("1000"),
            lowerPoints: 0,
            upperPoints: 70
        )
        let rubric = Build.rubric(
            groups: [
                Build.priceGroup("30"),
                Build.group(
                    "quality",
                    "70",
                    [Build.criterion("uptime", "70", .objective(ObjectiveRule(value: "uptime", scale: scale)))]
                ),
            ],
            minimumValidBids: 1
        )
        let bid = Build.bid("A", price: "1000", facts: ["uptime": .number(0)])
        let result = try TenderEvaluator.evaluate(rubric: rubric, bids: [bid], scores: []).results[0]
        #expect(result.total == Build.decimal("65"))  // 30 for the price and 35 halfway up the scale
    }
}
