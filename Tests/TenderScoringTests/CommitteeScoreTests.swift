import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderRubric
import Testing

@testable import TenderScoring

@Suite struct CommitteeScoreTests {
    private let rubric = Build.rubric(
        groups: [
            Build.priceGroup("30"),
            Build.group(
                "technical",
                "70",
                [Build.criterion("plan", "70", .judgement(JudgementRule(step: Build.decimal("0.5"), bands: [])))]
            ),
        ],
        minimumValidBids: 1
    )
    private let bids = [Build.bid("Alpha", price: "100"), Build.bid("Beta", price: "120")]

    private func sheet(_ rows: [(String, String, String)]) -> [ScoreSheetEntry] {
        rows.enumerated().map { index, row in Build.score(row.0, row.1, "plan", row.2, line: index + 2) }
    }

    @Test func memberScoresAreAveragedAndKeptRaw() throws {
        let scores = sheet([
            ("m1", "Alpha", "60"), ("m2", "Alpha", "61.5"), ("m3", "Alpha", "62"),
            ("m1", "Beta", "50"), ("m2", "Beta", "50"), ("m3", "Beta", "51"),
        ])
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: bids, scores: scores)
        let alpha = try #require(evaluation.results.first { $0.displayName == "Alpha" }?.score(for: "plan"))
        #expect(alpha.unrounded > Build.decimal("61.1666") && alpha.unrounded < Build.decimal("61.1667"))
        #expect(alpha.points == Build.decimal("61.17"))
        guard case .judgement(let aggregate) = alpha.basis else {
            Issue.record("expected a judgement basis")
            return
        }
        #expect(aggregate.scores.map(\.score) == [60, Build.decimal("61.5"), 62])
        #expect(aggregate.sum == Build.decimal("183.5"))
        #expect(aggregate.count == 3)
        #expect(evaluation.members == ["m1", "m2", "m3"])
    }

    @Test func trimmedMeanDropsOneHighestAndOneLowest() throws {
        var trimmed = rubric
        trimmed.committee.aggregation = .trimmedMean
        let scores = sheet([
            ("m1", "Alpha", "10"), ("m2", "Alpha", "60"), ("m3", "Alpha", "62"), ("m4", "Alpha", "70"),
            ("m1", "Beta", "50"), ("m2", "Beta", "50"), ("m3", "Beta", "50"), ("m4", "Beta", "50"),
        ])
        let evaluation = try TenderEvaluator.evaluate(rubric: trimmed, bids: bids, scores: scores)
        let alpha = try #require(evaluation.results.first { $0.displayName == "Alpha" }?.score(for: "plan"))
        #expect(alpha.points == 61)
        guard case .judgement(let aggregate) = alpha.basis else { return }
        #expect(aggregate.dropped == ["m1", "m4"])
    }

    @Test func wideSpreadIsFlaggedForTheCommittee() throws {
        let scores = sheet([
            ("m1", "Alpha", "40"), ("m2", "Alpha", "61.5"), ("m3", "Alpha", "62"),
            ("m1", "Beta", "50"), ("m2", "Beta", "50"), ("m3", "Beta", "51"),
        ])
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: bids, scores: scores)
        #expect(
            evaluation.flags.contains(
                .scoreDisagreement(
                    bidder: "Alpha",
                    criterionID: "plan",
                    lowest: 40,
                    highest: 62,
                    threshold: 21,
                    outliers: ["m1"]
                )
            )
        )
        #expect(
            !evaluation.flags.contains {
                if case .scoreDisagreement(bidder: "Beta", _, _, _, _, _) = $0 { true } else { false }
            }
        )
    }

    @Test func everySheetErrorIsReportedWithItsLocationAndNothingIsClamped() {
        let scores = [
            Build.score("m1", "Alpha", "plan", "71", line: 2),
            Build.score("m1", "Beta", "plan", "50.25", line: 3),
            Build.score("m1", "Gamma", "plan", "50", line: 4),
            Build.score("m1", "Alpha", "price", "20", line: 5),
            Build.score("m1", "Alpha", "plna", "20", line: 6),
            Build.score("m2", "Alpha", "plan", "50", line: 7),
            Build.score("m2", "Alpha", "plan", "51", line: 8),
        ]
        let error = #expect(throws: DiagnosticError.self) {
            try TenderEvaluator.evaluate(rubric: rubric, bids: bids, scores: scores)
        }
        #expect(
            error?.diagnostics.map(\.description) == [
                "scores.csv:2:1: error: score 71 for 'plan' is outside 0…70; scores are never clamped",
                "scores.csv:3:1: error: score 50.25 for 'plan' is not a multiple of its step 0.5",
                "scores.csv:4:1: error: no bid from bidder 'Gamma'",
                "scores.csv:5:1: error: criterion 'price' is not scored by the committee; its points are computed",
                "scores.csv:6:1: error: unknown criterion 'plna'; judgement criteria are 'plan'",
                "scores.csv:8:1: error: member 'm2' scored 'Alpha' on 'plan' twice (first at scores.csv:7:1)",
            ]
        )
    }

    @Test func scoresForAnUnreadableBidderAreAWarningNotAnError() throws {
        let scores = sheet([("m1", "Alpha", "60"), ("m1", "Beta", "50"), ("m1", "Ghost", "55")])
        let withBroken = bids + [.rejected(file: "ghost.xml", diagnostics: [.error("broken", at: nil)])]
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: withBroken, scores: scores)
        #expect(
            evaluation.diagnostics.map(\.description) == [
                "scores.csv:4:1: warning: scores for 'Ghost' ignored: no readable bid from this bidder "
                    + "(1 bid file could not be read)"
            ]
        )
    }

    @Test func aBidThatIsNotRankedNeedsNoScoresAndAWrongOneIsOnlyNoted() throws {
        // Beta is priced in another currency: not evaluated, so its missing and out-of-range scores change nothing.
        let bids = [Build.bid("Alpha", price: "100"), Build.bid("Beta", price: "120", currency: "USD")]
        let scores = sheet([("m1", "Alpha", "60"), ("m2", "Alpha", "61"), ("m1", "Beta", "99"), ("m1", "Beta", "98")])
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: bids, scores: scores)
        #expect(evaluation.validResults.map(\.displayName) == ["Alpha"])
        #expect(
            evaluation.diagnostics.map(\.description) == [
                "scores.csv:4:1: note: score 99 for 'plan' is outside 0…70; scores are never clamped (not used: the bid "
                    + "of 'Beta' is not ranked)",
                "scores.csv:5:1: note: member 'm1' scored 'Beta' on 'plan' twice (first at scores.csv:4:1) (not used: the "
                    + "bid of 'Beta' is not ranked)",
            ]
        )
    }
}
