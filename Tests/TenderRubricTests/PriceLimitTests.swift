import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderRubric

/// `price-policy: plausible-minimum` and `ceiling`: how they are read and every way they can be wrong.
@Suite struct PriceLimitTests {
    static func yaml(budget: String?, policy: String) -> String {
        let budgetLine = budget.map { "  budget: \($0)\n" } ?? ""
        return """
            tender:
              id: T
              currency: CNY
            \(budgetLine)  evaluation-date: 2024-01-15
            price-policy:
            \(policy)
            groups:
              - {id: price, points: 100, criteria: [{id: price, points: 100, price: lowest-price-ratio}]}
            """
    }

    @Test func shareOfTheBudgetAndAmountAreRead() throws {
        let share = try RubricLoader.load(
            bytes: Array(Self.yaml(budget: "9800000", policy: "  plausible-minimum: 30%\n  ceiling: 9500000").utf8),
            file: "r.yaml"
        )
        #expect(share.rubric.pricePolicy.plausibleMinimum == .percentOfBudget(30))
        #expect(try share.rubric.pricePolicy.plausibleMinimum?.amount(budget: 9_800_000) == 2_940_000)
        #expect(share.rubric.pricePolicy.ceiling == 9_500_000)
        let amount = try RubricLoader.load(
            bytes: Array(Self.yaml(budget: nil, policy: "  plausible-minimum: 2000000.50").utf8),
            file: "r.yaml"
        )
        #expect(amount.rubric.pricePolicy.plausibleMinimum == .amount((try? Money(parsing: "2000000.50"))!))
        #expect(amount.rubric.pricePolicy.ceiling == nil)
    }

    @Test func wrongLimitsAreLocatedErrors() {
        #expect(
            RubricFixtures.errors(inline: Self.yaml(budget: nil, policy: "  plausible-minimum: 30%"), file: "r.yaml")
                == [
                    "r.yaml:6:22: error: plausible-minimum '30%' is a share of the budget, but 'tender' states no "
                        + "budget; state the budget or give an amount"
                ]
        )
        #expect(
            RubricFixtures.errors(inline: Self.yaml(budget: "100", policy: "  plausible-minimum: 120%"), file: "r.yaml")
                == [
                    "r.yaml:7:22: error: plausible-minimum as a share of the budget must be above 0 % and below "
                        + "100 %, found '120%'"
                ]
        )
        #expect(
            RubricFixtures.errors(
                inline: Self.yaml(budget: "100", policy: "  ceiling: 90\n  plausible-minimum: 95"),
                file: "r.yaml"
            ) == [
                "r.yaml:8:22: error: plausible-minimum 95 is not below the highest price a bid may have (90); "
                    + "every bid would be flagged"
            ]
        )
        #expect(
            RubricFixtures.errors(inline: Self.yaml(budget: "100", policy: "  ceiling: 101"), file: "r.yaml") == [
                "r.yaml:7:12: error: ceiling 101 is above the budget 100; a bid above the budget is invalid whatever "
                    + "the ceiling"
            ]
        )
        #expect(
            RubricFixtures.errors(inline: Self.yaml(budget: "100", policy: "  plausible-minimum: [1]"), file: "r.yaml")
                == [
                    "r.yaml:7:22: error: plausible-minimum must be a share of the budget such as '30%', an amount "
                        + "such as 2000000, or 'none', found a list"
                ]
        )
    }

    @Test func withoutAStatedMinimumTenPercentOfTheCeilingOrBudgetApplies() throws {
        func floor(_ budget: String?, _ policy: String) throws -> PlausibleFloor? {
            try RubricLoader.load(
                bytes: Array(Self.yaml(budget: budget, policy: policy).utf8),
                file: "r.yaml"
            ).rubric.plausibleFloor
        }
        #expect(
            try floor("9800000", "  abnormally-low: 20") == PlausibleFloor(amount: 980_000, origin: .defaultOfBudget)
        )
        #expect(
            try floor("9800000", "  ceiling: 9500000") == PlausibleFloor(amount: 950_000, origin: .defaultOfCeiling)
        )
        #expect(try floor(nil, "  abnormally-low: 20") == nil)
        #expect(
            try floor("9800000", "  plausible-minimum: 30%")
                == PlausibleFloor(amount: 2_940_000, origin: .stated(.percentOfBudget(30)))
        )
    }

    @Test func noneSwitchesTheFloorOffDefaultIncluded() throws {
        let loaded = try RubricLoader.load(
            bytes: Array(Self.yaml(budget: "9800000", policy: "  plausible-minimum: none").utf8),
            file: "r.yaml"
        )
        #expect(loaded.rubric.pricePolicy.plausibleMinimumSwitchedOff)
        #expect(loaded.rubric.pricePolicy.plausibleMinimum == nil)
        #expect(loaded.rubric.plausibleFloor == nil)
    }
}
