import TenderCore
import TenderModel
import Testing

@testable import TenderReport

/// The criterion scores of `result.json` are written member by member instead of being built as `JSONValue`
/// dictionaries first: every kind of basis, with and without its optional members, gives the same bytes both ways.
@Suite struct ResultJSONStreamingTests {
    static let location = SourceLocation(file: "sheets/评委 \"一\".csv", line: 12, column: 7)

    static let scores: [CriterionScore] = {
        let members = [
            MemberScore(member: "张三", score: 8, location: location, reason: "方案完整, \"排班\"未细化"),
            MemberScore(member: "m2", score: Points(units: 7_500_000), location: nil),
            MemberScore(member: "李四", score: 9, location: SourceLocation(file: "s.csv")),
        ]
        var withDecisions = JudgementAggregate(
            scores: members,
            aggregation: .trimmedMean,
            dropped: ["m2", "李四"],
            sum: 8,
            count: 1
        )
        withDecisions.consensus = Points(units: 8_250_000)
        withDecisions.setAside = [MemberScore(member: "王五", score: 3, location: location)]
        let plain = JudgementAggregate(scores: members, aggregation: .mean, dropped: [], sum: 24, count: 3)
        let empty = JudgementAggregate(scores: [], aggregation: .mean, dropped: [], sum: 0, count: 0)
        let price = PriceEvaluation(
            bidTotal: Money(units: 2_288_231_720_000),
            currency: "CNY",
            deductionPercent: (try? ExactRatio(20, 3)) ?? .zero,
            evaluatedPrice: Money(units: 2_135_682_938_667),
            formula: .linear,
            lowest: Money(units: 1_800_000_000_000),
            highest: Money(units: 2_500_000_000_000),
            maximumPoints: 30
        )
        let third = (try? ExactRatio(1, 3)) ?? .zero
        let bases: [ScoreBasis] = [
            .judgement(withDecisions), .judgement(plain), .judgement(empty), .price(price),
            .objective(
                fact: .number(third),
                line: 40,
                applied: .linear(
                    value: third,
                    lower: 0,
                    upper: 1,
                    lowerPoints: 0,
                    upperPoints: 5
                )
            ),
            .objective(fact: .text("ISO 9001\n\"认证\""), line: nil, applied: .lookup(key: "iso", matched: true)),
            .objective(fact: .boolean(false), line: 3, applied: .yesNo(false, yes: 2, no: 0)),
            .objective(fact: .absent, line: nil, applied: .absent),
            .objective(fact: .number(12), line: 9, applied: .perItem(count: 12, each: 1, cap: 5)),
            .objective(fact: .number(12), line: 9, applied: .band(nil)),
        ]
        return bases.enumerated().map { index, basis in
            CriterionScore(
                criterionID: "criterion-\(index)",
                groupID: index.isMultiple(of: 2) ? "technical" : "商务",
                points: Points(units: Int64(index) * 1_250_000),
                unrounded: index.isMultiple(of: 3) ? third : Points(units: Int64(index) * 1_250_000).ratio,
                basis: basis
            )
        }
    }()

    @Test(arguments: scores)
    func criterionScoresAreWrittenAsTheirValues(_ score: CriterionScore) {
        let rubric = Sample.evaluation().rubric
        for pretty in [false, true] {
            for indent in [0, 4] {
                let built = ReportBuffer()
                ResultJSON.criterionScore(score, rubric: rubric).write(to: built, pretty: pretty, indent: indent)
                let streamed = ReportBuffer()
                ResultJSON.writeCriterionScore(score, rubric: rubric, to: streamed, pretty: pretty, indent: indent)
                #expect(streamed.text == built.text, "pretty: \(pretty), indent: \(indent)")
            }
        }
    }

    @Test func resultsAreWrittenAsTheirValues() {
        let evaluation = Sample.evaluation()
        for result in evaluation.results {
            for pretty in [false, true] {
                let built = ReportBuffer()
                ResultJSON.result(result, rubric: evaluation.rubric).write(to: built, pretty: pretty, indent: 2)
                let streamed = ReportBuffer()
                ResultJSON.writeResult(result, rubric: evaluation.rubric, to: streamed, pretty: pretty, indent: 2)
                #expect(streamed.text == built.text)
            }
        }
    }
}
