import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderRubric
import Testing

@testable import TenderScoring

@Suite struct ObjectiveAndGateTests {
    private func band(_ from: ExactRatio, _ to: ExactRatio?, _ points: Points) -> Band {
        Band(from: from, to: to, points: points, location: SourceLocation(file: "r.yaml"))
    }

    @Test func bandsAreHalfOpen() throws {
        let scale = Scale.bands([band(0, 16, 5), band(16, 31, 3), band(31, nil, 0)])
        #expect(try ObjectiveScorer.score(Fact(.number(15)), on: scale).points == 5)
        #expect(try ObjectiveScorer.score(Fact(.number(16)), on: scale).points == 3)
        #expect(try ObjectiveScorer.score(Fact(.number(31)), on: scale).points == 0)
        #expect(try ObjectiveScorer.score(Fact(.number(-1)), on: scale).applied == .band(nil))
    }

    @Test func linearScaleClampsAndInterpolatesExactly() throws {
        let scale = Scale.linear(lower: 80, upper: 100, lowerPoints: 0, upperPoints: 6)
        #expect(
            try ObjectiveScorer.score(Fact(.number(Build.decimal("96.5"))), on: scale).points
                == Build.decimal("4.95") as ExactRatio
        )
        #expect(try ObjectiveScorer.score(Fact(.number(120)), on: scale).points == 6)
        #expect(try ObjectiveScorer.score(Fact(.number(50)), on: scale).points == 0)
        let lowerIsBetter = Scale.linear(lower: 60, upper: 15, lowerPoints: 0, upperPoints: 5)
        #expect(try ObjectiveScorer.score(Fact(.number(15)), on: lowerIsBetter).points == 5)
        #expect(try ObjectiveScorer.score(Fact(.number(90)), on: lowerIsBetter).points == 0)
    }

    @Test func perItemIsCappedAndYesNoAndLookupWork() throws {
        #expect(
            try ObjectiveScorer.score(Fact(.number(20)), on: .perItem(each: Build.decimal("0.5"), cap: 8)).points == 8
        )
        #expect(
            try ObjectiveScorer.score(Fact(.number(3)), on: .perItem(each: Build.decimal("0.5"), cap: 8)).points
                == Build.decimal("1.5") as ExactRatio
        )
        #expect(try ObjectiveScorer.score(Fact(.boolean(true)), on: .yesNo(yes: 3, no: 0)).points == 3)
        let lookup = Scale.lookup(entries: [LookupEntry(key: "AAA", points: 4)], otherwise: 1)
        #expect(try ObjectiveScorer.score(Fact(.text(" AAA ")), on: lookup).points == 4)
        #expect(try ObjectiveScorer.score(Fact(.text("B")), on: lookup).applied == .lookup(key: "B", matched: false))
        #expect(try ObjectiveScorer.score(nil, on: lookup).applied == .absent)
    }

    @Test func halfRoundsAwayFromZeroAtTheRubricsDecimals() throws {
        #expect(try Points(rounding: Build.decimal("2.345"), places: 2) == Build.decimal("2.35"))
        #expect(try Points(rounding: Build.decimal("2.344999"), places: 2) == Build.decimal("2.34"))
        #expect(try (Build.decimal("19.9282353") as ExactRatio).fixedText(places: 2) == "19.93")
    }

    @Test func roundingTotalOnlyRoundsTheSum() throws {
        let third = Build.criterion(
            "a",
            "50",
            .objective(ObjectiveRule(value: "a", scale: .linear(lower: 0, upper: 3, lowerPoints: 0, upperPoints: 50)))
        )
        let other = Build.criterion(
            "b",
            "50",
            .objective(ObjectiveRule(value: "b", scale: .linear(lower: 0, upper: 3, lowerPoints: 0, upperPoints: 50)))
        )
        let facts: [String: FactValue] = ["a": .number(1), "b": .number(1)]
        // Each criterion is 16.666…: per criterion 16.67 + 16.67 = 33.34; rounding the total gives 33.33.
        let perCriterion = Build.rubric(groups: [Build.group("g", "100", [third, other])], minimumValidBids: 1)
        let total = Build.rubric(
            groups: [Build.group("g", "100", [third, other])],
            rounding: .total,
            minimumValidBids: 1
        )
        let bid = Build.bid("A", price: "1", facts: facts)
        #expect(
            try TenderEvaluator.evaluate(rubric: perCriterion, bids: [bid], scores: []).results[0].total
                == Build.decimal("33.34") as Points
        )
        #expect(
            try TenderEvaluator.evaluate(rubric: total, bids: [bid], scores: []).results[0].total
                == Build.decimal("33.33") as Points
        )
    }

    @Test func majorViolationWithinThreeYearsFailsTheGateAndOlderOnesDoNot() {
        let rubric = Build.rubric(
            groups: [Build.priceGroup("100")],
            gates: [Build.gate("clean", .noViolations(severity: .major, withinYears: 3))]
        )
        let checker = GateChecker(rubric: rubric)
        func bid(_ date: String, _ severity: ViolationSeverity) -> Bid {
            let violation = Violation(date: date, severity: severity, description: "fine", authority: nil)
            return Build.plainBid("A", price: "1", violations: [violation])
        }
        #expect(checker.check(bid("2017-11-20", .major)).first?.passed == false)
        #expect(checker.check(bid("2017-11-19", .major)).first?.passed == true)
        #expect(checker.check(bid("2020-01-01", .minor)).first?.passed == true)
        #expect(GateChecker.date("2020-02-29", minusYears: 3) == "2017-02-28")
    }

    @Test func aNegativeCountScoresNothingRatherThanNegativePoints() throws {
        let scored = try ObjectiveScorer.score(Fact(.number(-5)), on: .perItem(each: Build.decimal("0.5"), cap: 8))
        #expect(scored.points == 0)
        #expect(scored.applied == .perItem(count: 0, each: Build.decimal("0.5"), cap: 8))
    }

    @Test func aFormatWithoutAViolationRecordFailsTheViolationGate() {
        let rubric = Build.rubric(
            groups: [Build.priceGroup("100")],
            gates: [Build.gate("clean", .noViolations(severity: .major, withinYears: 3))]
        )
        var bid = Build.plainBid("UBL bidder", price: "1")
        bid.format = .ublTender
        let result = GateChecker(rubric: rubric).check(bid)
        #expect(
            result == [GateResult(gateID: "clean", passed: false, finding: .violationsNotDeclared(format: .ublTender))]
        )
    }
}
