import Foundation
import TenderCore
import TenderModel
import TenderTestSupport
import Testing

@testable import TenderScoring

/// The monthly score against Python's `fractions` (`Reference/monthly_reference.py`): random plans (weights,
/// answer values, department points, steps, caps, decimals) and random months, under both roundings.
@Suite struct MonthlyReferenceTests {
    @Test(.enabled(if: ReferenceScript.python != nil, "needs python3 for the exact rational reference"))
    func monthlyScoreAgreesWithExactRationalsOnRandomMonths() throws {
        var random = EngineRandom(seed: 20_210_531)
        var lines: [String] = []
        for _ in 0..<400 {
            for rounding in [PlanRounding.perSource, .total] {
                lines.append(try monthCase(&random, rounding: rounding))
            }
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Reference/monthly_reference.py")
        let outcome = try ReferenceScript.run(script, cases: lines)
        #expect(outcome.agrees(onAll: lines.count), "\(outcome.report)")
    }

    /// Tenths of a point in `0...upper` tenths.
    func tenths(_ random: inout EngineRandom, upTo upper: UInt64) -> Points {
        Points(units: Int64(random.next(upTo: upper + 1)) * 100_000)
    }

    func monthCase(_ random: inout EngineRandom, rounding: PlanRounding) throws -> String {
        let surveyWeight = tenths(&random, upTo: 1_000)
        let teamWeight = tenths(&random, upTo: UInt64(1_000 - surveyWeight.units / 100_000))
        let departmentWeight = try Points(integer: 100) - surveyWeight - teamWeight
        let answerValues = (0..<4).map { _ in tenths(&random, upTo: 1_000) }
        // Department points summing to 100 in halves.
        let cut = (0..<3).map { _ in Int64(random.next(upTo: 201)) }.sorted()
        let halves = [cut[0], cut[1] - cut[0], cut[2] - cut[1], 200 - cut[2]]
        let departmentPoints = halves.map { Points(units: $0 * 500_000) }
        var plan = Perf.plan(
            weights: (surveyWeight.plainText, teamWeight.plainText, departmentWeight.plainText),
            departmentPoints: departmentPoints.map(\.plainText),
            answers: zip(["满意", "基本满意", "一般", "不满意"], answerValues).map { ($0, $1.plainText) },
            decimals: Int(random.next(upTo: 5)),
            rounding: rounding,
            maximumPerFinding: "5",
            monthlyCap: tenths(&random, upTo: 300).plainText
        )
        plan.survey.minimumResponses = 1

        // 1–120 respondents, each answering at least one item.
        let labels = plan.survey.answers.map(\.label)
        var survey: [SurveyResponse] = []
        var given: [Points] = []
        for respondent in 0..<Int(random.next(upTo: 120) + 1) {
            var answers: [SurveyItemAnswer] = []
            for item in Perf.items where random.next(upTo: 6) != 0 || answers.isEmpty && item == Perf.items.last {
                let choice = Int(random.next(upTo: 4))
                answers.append(SurveyItemAnswer(item: item, answer: labels[choice]))
                given.append(answerValues[choice])
            }
            survey.append(
                SurveyResponse(respondent: "R\(respondent)", answers: answers, location: SourceLocation(file: "s.csv"))
            )
        }
        let teamScores = (0..<Int(random.next(upTo: 6) + 1)).map { _ in tenths(&random, upTo: 1_000) }
        let departmentRows = (0..<Int(random.next(upTo: 8) + 1)).map { _ in
            departmentPoints.map { Points(units: Int64(random.next(upTo: UInt64($0.units / 500_000) + 1)) * 500_000) }
        }
        let deductions = (0..<Int(random.next(upTo: 9))).map { _ in
            Points(units: Int64(random.next(upTo: 50) + 1) * 100_000)
        }
        let records = Perf.records(
            survey: survey,
            teams: Perf.teams(teamScores.map(\.plainText)),
            departments: Perf.departments(departmentRows.map { $0.map(\.plainText) }),
            patrol: Perf.patrol(deductions.map(\.plainText))
        )
        let evaluation = try MonthlyScorer.evaluate(plan: plan, records: records, corrections: [])
        let answer = [
            evaluation.score.fixedText(places: plan.decimals),
            evaluation.unrounded.fractionText,
            [evaluation.survey.score, evaluation.team.score, evaluation.department.score].map(\.fractionText)
                .joined(separator: ","),
        ].joined(separator: " ")
        return [
            "month",
            rounding.rawValue,
            String(plan.decimals),
            [surveyWeight, teamWeight, departmentWeight].map(\.plainText).joined(separator: ","),
            given.map(\.plainText).joined(separator: ","),
            teamScores.map(\.plainText).joined(separator: ","),
            departmentRows.map { $0.map(\.plainText).joined(separator: ",") }.joined(separator: ";"),
            deductions.map(\.plainText).joined(separator: ","),
            plan.patrol.monthlyCap.plainText,
            answer,
        ].joined(separator: "|")
    }
}
