import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderReport

/// The explanation of each kind of rule and finding that the golden evaluation does not contain.
@Suite struct ExplanationTests {
    let english = ReportBuilder(evaluation: Sample.evaluation(), context: Sample.context(.en))
    let chinese = ReportBuilder(evaluation: Sample.evaluation(), context: Sample.context(.zh))
    let result = Sample.evaluation().results[0]

    @Test func scalesWithoutAMatch() {
        #expect(english.appliedText(.band(nil), unrounded: 0).plain == "below the first band → 0")
        #expect(chinese.appliedText(.band(nil), unrounded: 0).plain == "低于最低档 → 0")
        #expect(
            english.appliedText(.lookup(key: "B+", matched: false), unrounded: 1).plain
                == "“B+” is not in the table → 1 (otherwise)"
        )
        #expect(english.appliedText(.absent, unrounded: 0).plain == "fact not found → 0")
        #expect(english.appliedText(.yesNo(false, yes: 4, no: 1), unrounded: 1).plain == "no → 1")
        #expect(english.factText(.absent).plain == "not found in the bid")
        #expect(chinese.factText(.boolean(true)).plain == "是")
    }

    @Test func linearPriceFormulaShowsTheNumbers() {
        let price = PriceEvaluation(
            bidTotal: 2_500_000,
            currency: "CNY",
            deductionPercent: 0,
            evaluatedPrice: 2_500_000,
            formula: .linear,
            lowest: 2_000_000,
            highest: 3_000_000,
            maximumPoints: 30
        )
        #expect(
            english.priceRule(price, size: nil, unrounded: 15)
                == "(P_max − P_i) / (P_max − P_min) × 30 = (3,000,000.00 − 2,500,000.00) / (3,000,000.00 − "
                + "2,000,000.00) × 30 = 15"
        )
        var equal = price
        equal.lowest = 2_500_000
        equal.highest = 2_500_000
        #expect(
            english.priceRule(equal, size: nil, unrounded: 30) == "all evaluated prices are equal: full points → 30"
        )
    }

    @Test func trimmedMeanNamesTheDroppedMembers() throws {
        let scores = [("A", "8"), ("B", "7.5"), ("C", "8"), ("D", "9"), ("E", "8.5")].map {
            MemberScore(member: $0.0, score: Sample.decimal($0.1), location: nil)
        }
        let aggregate = JudgementAggregate(
            scores: scores,
            aggregation: .trimmedMean,
            dropped: ["B", "D"],
            sum: Sample.decimal("24.5"),
            count: 3
        )
        let unrounded = try ExactRatio(245, 30)
        let score = CriterionScore(
            criterionID: "plan",
            groupID: "capability",
            points: Sample.round(unrounded),
            unrounded: unrounded,
            basis: .judgement(aggregate)
        )
        let (fact, rule) = english.explanation(score, result)
        #expect(fact.plain == "A 8, B 7.5, C 8, D 9, E 8.5")
        #expect(rule.plain == "trimmed mean, dropped B (7.5), D (9): (8 + 8 + 8.5) / 3 = 8.1666…")
        #expect(english.pointsCell(score) == "8.1666… → 8.17")
    }

    @Test func gateFindings() {
        #expect(
            english.finding(.commitmentMissing(kind: "confidentiality"), result).plain
                == "no confidentiality commitment in the bid"
        )
        #expect(chinese.finding(.commitmentMissing(kind: "integrity"), result).plain == "投标文件中没有廉洁承诺书")
        #expect(
            english.finding(.commitmentUnsigned(kind: "custom-kind", line: 12), result).plain
                == "custom-kind commitment has no signature date (bids/xincheng.xml:12)"
        )
        #expect(
            english.finding(.attachment(type: "business-licence", name: "licence.pdf", line: 30), result).plain
                == "business-licence attached: licence.pdf (bids/xincheng.xml:30)"
        )
        #expect(
            english.finding(.attachment(type: "business-licence", name: nil, line: nil), result).plain
                == "no business-licence attachment in the bid"
        )
        #expect(
            english.finding(.xpath(test: "count(b:x) > 0", result: false), result).plain == "count(b:x) > 0 is false"
        )
    }

    @Test func tieBreakRuleNames() {
        #expect(english.decisionName(.rule(.groupScore(["capability"]))).plain == "Capability score")
        #expect(english.decisionName(.rule(.criterionScore("plan"))).plain == "score for Service plan")
        #expect(chinese.decisionName(.rule(.technicalScore)).plain == "技术得分")
        #expect(chinese.decisionName(.rule(.earliestSubmission)).plain == "递交时间较早")
    }

    @Test func roundingOnlyTheTotalShowsExactScoresAndTheRoundingStep() throws {
        var evaluation = Sample.evaluation()
        evaluation.rubric.tender.rounding = .total
        evaluation.results[1].unroundedTotal = Sample.decimal("80.4987")
        let markdown = ReportRenderer.markdown(evaluation, context: Sample.context(.en))
        // Only the total is rounded, so the terms are the exact criterion scores.
        #expect(
            markdown.split(separator: "\n").first { $0.contains("80.4987") }
                == "**Total = 23.7154… + 10 + 4.65 + 6 + 13.2 + 4 + 4 + 8.2 + 3.7333… + 3 = 80.4987 → 80.50**"
        )
        #expect(
            markdown.contains(
                "- **Rounding**: criterion scores are kept exact; only the total is rounded to 2 decimals"
            )
        )
    }
}

@Suite struct RankingOrderTests {
    @Test func everyStepHasItsDirection() {
        var evaluation = Sample.evaluation()
        evaluation.rubric.tender.tieBreak = [.groupScore(["capability"]), .earliestSubmission]
        let english = ReportRenderer.markdown(evaluation, context: Sample.context(.en))
        let chinese = ReportRenderer.markdown(evaluation, context: Sample.context(.zh))
        #expect(
            english.contains(
                "- **Ranking order**: total ↓, evaluated price ↑, Capability score ↓, submission time ↑, then a "
                    + "declared tie (并列)"
            )
        )
        #expect(chinese.contains("- **排序规则**: 总分从高到低，评标价从低到高，服务能力得分从高到低，递交时间从早到晚，仍相同者并列"))
    }
}
