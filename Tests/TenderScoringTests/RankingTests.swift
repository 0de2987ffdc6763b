import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderRubric
import Testing

@testable import TenderScoring

@Suite struct RankingTests {
    private func qualityAndPrice(price: String = "40") -> Rubric {
        let quality = Build.criterion(
            "quality",
            "60",
            .objective(ObjectiveRule(value: "q", scale: .linear(lower: 0, upper: 100, lowerPoints: 0, upperPoints: 60)))
        )
        return Build.rubric(groups: [Build.priceGroup(price), Build.group("quality", "60", [quality])])
    }

    /// procurement-rules.md §2.3: 0.6·Q + 40·P_min/P. A(Q80, 120) and B(Q70, 90): B wins 82.00 to 78.00.
    /// Adding an irrelevant C(Q20, 50) makes A win 64.67 to 64.22 — and the evaluation says so.
    @Test func addingAThirdBidderReversesTheWinnerAndIsFlagged() throws {
        var rubric = qualityAndPrice()
        rubric.tender.minimumValidBids = 2
        let a = Build.bid("A", price: "120", facts: ["quality": .number(80)])
        let b = Build.bid("B", price: "90", facts: ["quality": .number(70)])
        let c = Build.bid("C", price: "50", facts: ["quality": .number(20)])

        let two = try TenderEvaluator.evaluate(rubric: rubric, bids: [a, b], scores: [])
        #expect(two.results.map(\.displayName) == ["B", "A"])
        #expect(two.results.map(\.total) == [82, 78])

        let three = try TenderEvaluator.evaluate(rubric: rubric, bids: [a, b, c], scores: [])
        #expect(three.results.map(\.displayName) == ["A", "B", "C"])
        #expect(three.results.map(\.total) == [Build.decimal("64.67"), Build.decimal("64.22"), 52])
        #expect(three.flags.contains(.rankReversal(removed: "C", winner: "A", winnerWithoutRemoved: "B")))
        #expect(three.flags.contains { if case .abnormallyLowPrice(bidder: "C", _, _, _) = $0 { true } else { false } })
    }

    @Test func equalTotalsAreSeparatedByLowerEvaluatedPrice() throws {
        // X: price 100 → 40 + quality 50 → 30 = 70. Y: price 125 → 32 + quality 63.333… → 38.00 = 70.
        var rubric = qualityAndPrice()
        rubric.tender.minimumValidBids = 1
        let x = Build.bid("X", price: "100", facts: ["quality": .number(50)])
        let y = Build.bid("Y", price: "125", facts: ["quality": .number(Build.decimal("63.333"))])
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: [y, x], scores: [])
        #expect(evaluation.results.map(\.total) == [70, 70])
        #expect(evaluation.results.map(\.displayName) == ["X", "Y"])
        #expect(evaluation.results.map(\.rank) == [1, 2])
        #expect(evaluation.results[0].decidedBy == .lowerEvaluatedPrice)
    }

    private func twoGroupRubric(tieBreak: [TieBreakRule]) -> Rubric {
        let capability = Build.criterion(
            "staff",
            "30",
            .objective(ObjectiveRule(value: "s", scale: .perItem(each: 1, cap: 30)))
        )
        let quality = Build.criterion(
            "iso",
            "30",
            .objective(ObjectiveRule(value: "i", scale: .perItem(each: 1, cap: 30)))
        )
        return Build.rubric(
            groups: [
                Build.priceGroup("40"), Build.group("capability", "30", [capability]),
                Build.group("quality", "30", [quality]),
            ],
            minimumValidBids: 1,
            tieBreak: tieBreak
        )
    }

    @Test func equalTotalAndPriceAreSeparatedByTheRubricTieBreak() throws {
        let rubric = twoGroupRubric(tieBreak: [.groupScore(["capability"])])
        let p = Build.bid("P", price: "100", facts: ["staff": .number(10), "iso": .number(20)])
        let q = Build.bid("Q", price: "100", facts: ["staff": .number(20), "iso": .number(10)])
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: [p, q], scores: [])
        #expect(evaluation.results.map(\.displayName) == ["Q", "P"])
        #expect(evaluation.results.map(\.rank) == [1, 2])
        #expect(evaluation.results[0].decidedBy == .rule(.groupScore(["capability"])))
        #expect(evaluation.flags.allSatisfy { if case .declaredTie = $0 { false } else { true } })
    }

    @Test func bidsEqualOnEveryStepShareTheRankAndTheTieIsDeclared() throws {
        let rubric = twoGroupRubric(tieBreak: [.technicalScore])
        let facts: [String: FactValue] = ["staff": .number(10), "iso": .number(20)]
        let bids = [
            Build.bid("Zeta", price: "100", facts: facts), Build.bid("Alpha", price: "100", facts: facts),
            Build.bid("Last", price: "200", facts: facts),
        ]
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: bids, scores: [])
        #expect(evaluation.results.map(\.displayName) == ["Alpha", "Zeta", "Last"])
        #expect(evaluation.results.map(\.rank) == [1, 1, 3])
        #expect(evaluation.results[0].tiedWith == ["Zeta"])
        #expect(evaluation.flags.contains(.declaredTie(bidders: ["Alpha", "Zeta"], rank: 1)))
    }

    @Test func earliestSubmissionComparesInstantsAcrossTimeZones() throws {
        let rubric = twoGroupRubric(tieBreak: [.earliestSubmission])
        let facts: [String: FactValue] = ["staff": .number(10), "iso": .number(20)]
        let bids = [
            Build.bid("Late", price: "100", facts: facts, submittedAt: "2020-11-18T09:00:00+08:00"),
            Build.bid("Early", price: "100", facts: facts, submittedAt: "2020-11-18T00:30:00Z"),
        ]
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: bids, scores: [])
        // 09:00+08:00 is 01:00Z, after 00:30Z.
        #expect(evaluation.results.map(\.displayName) == ["Early", "Late"])
        #expect(evaluation.results[0].decidedBy == .rule(.earliestSubmission))
    }

    @Test func lowestEvaluatedPriceMethodRanksByPriceAlone() throws {
        var rubric = twoGroupRubric(tieBreak: [])
        rubric.tender.method = .lowestEvaluatedPrice
        let bids = [
            Build.bid("Cheap", price: "90", facts: ["staff": .number(0), "iso": .number(0)]),
            Build.bid("Rich", price: "100", facts: ["staff": .number(30), "iso": .number(30)]),
        ]
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: bids, scores: [])
        #expect(evaluation.results.map(\.displayName) == ["Cheap", "Rich"])
    }

    @Test func fewerValidBidsThanTheMinimumFailsTheTender() throws {
        var rubric = qualityAndPrice()
        rubric.tender.minimumValidBids = 3
        let bids = [
            Build.bid("A", price: "100", facts: ["quality": .number(50)]),
            Build.bid("B", price: "110", facts: ["quality": .number(50)]),
        ]
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: bids, scores: [])
        #expect(evaluation.outcome == .failed(validBids: 2, minimum: 3))
        #expect(evaluation.flags.first == .tooFewValidBids(valid: 2, minimum: 3))
    }

    @Test func resultIsTheSameWhateverTheOrderOfTheBids() throws {
        let rubric = qualityAndPrice()
        let bids =
            (1...9).map { index in
                Build.bid(
                    "B\(index)",
                    price: "\(100 + index * 7 % 5)",
                    facts: ["quality": .number(ExactRatio(50 + index % 3))]
                )
            } + [.rejected(file: "broken.xml", diagnostics: [.error("bad", at: SourceLocation(file: "broken.xml"))])]
        let forward = try TenderEvaluator.evaluate(rubric: rubric, bids: bids, scores: [])
        let backward = try TenderEvaluator.evaluate(rubric: rubric, bids: bids.reversed(), scores: [])
        #expect(forward == backward)
    }

    @Test func timesWithoutAZoneRankAfterKnownTimesWhateverTheFileOrder() throws {
        let rubric = twoGroupRubric(tieBreak: [.earliestSubmission])
        let facts: [String: FactValue] = ["staff": .number(10), "iso": .number(20)]
        let bids = [
            Build.bid("A", price: "100", facts: facts, submittedAt: "2020-11-18T10:00:00Z"),
            Build.bid("B", price: "100", facts: facts, submittedAt: "2020-11-18T09:30:00"),
            Build.bid("C", price: "100", facts: facts, submittedAt: "2020-11-18T09:00:00Z"),
        ]
        for order in [bids, bids.reversed(), [bids[1], bids[0], bids[2]]] {
            let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: Array(order), scores: [])
            #expect(evaluation.results.map(\.displayName) == ["C", "A", "B"])
            #expect(evaluation.results.map(\.rank) == [1, 2, 3])
            #expect(
                evaluation.diagnostics.map(\.description) == [
                    "B.xml: warning: the earliest-submission tie-break cannot use this bid's submission time "
                        + "('2020-11-18T09:30:00' is not a time with a time zone); it ranks after bids whose time is known"
                ]
            )
        }
    }
}
