import TenderCore
import TenderModel
import Testing

@testable import TenderScoring

/// The monthly score worked by hand: 40 × S_survey / 100 + 20 × S_team / 100 + 40 × S_department / 100 − capped
/// deductions, rounded per source or once at the end.
@Suite struct MonthlyScorerTests {
    /// 96 answers summing 8300 (S = 86.4583…), teams 95 and 90, departments 88 and 89, findings 2 + 2.5.
    static let caseA = Perf.records(
        survey: Perf.survey(Perf.repeated([("满意", 75), ("基本满意", 10), ("不满意", 11)])),
        teams: Perf.teams(["95", "90"]),
        departments: Perf.departments([["27", "22", "22", "17"], ["28", "22", "22", "17"]]),
        patrol: Perf.patrol(["2", "2.5"])
    )

    /// 240 answers summing 20740 (S = 86.4166…), teams 95, 92, 90, departments 88, 89, 88.5: two contributions
    /// that each round up by 0.00333…, so the two roundings part.
    static let caseB = Perf.records(
        survey: Perf.survey(Perf.repeated([("满意", 200), ("基本满意", 7), ("一般", 3), ("不满意", 30)])),
        teams: Perf.teams(["95", "92", "90"]),
        departments: Perf.departments([
            ["27", "22", "22", "17"], ["28", "22", "22", "17"], ["27.5", "22", "22", "17"],
        ]),
        patrol: Perf.patrol(["2", "2.5"])
    )

    @Test func perSourceRoundsEachContribution() throws {
        let evaluation = try MonthlyScorer.evaluate(plan: Perf.plan(), records: Self.caseA, corrections: [])
        #expect(evaluation.survey.score == Perf.ratio(2075, 24))
        #expect(evaluation.survey.sum == 8300 && evaluation.survey.count == 96)
        #expect(evaluation.survey.contribution == Perf.ratio(415, 12))
        #expect(evaluation.survey.roundedContribution == Perf.points("34.58"))
        #expect(
            evaluation.team.score == Perf.ratio(185, 2) && evaluation.team.roundedContribution == Perf.points("18.5")
        )
        #expect(evaluation.department.score == Perf.ratio(177, 2))
        #expect(evaluation.department.roundedContribution == Perf.points("35.4"))
        #expect(
            evaluation.patrol
                == PatrolDeduction(findings: 2, total: Perf.points("4.5"), applied: Perf.points("4.5"), capped: false)
        )
        // 34.58 + 18.5 + 35.4 − 4.5; unrounded 415/12 + 49.4 = 5039/60 = 83.98333…
        #expect(evaluation.score == Perf.points("83.98"))
        #expect(evaluation.unrounded == Perf.ratio(5039, 60))
        #expect(evaluation.standing == "qualified")
        #expect(!evaluation.flooredAtZero)
    }

    @Test func perSourceAndTotalRoundingGiveDifferentScores() throws {
        let perSource = try MonthlyScorer.evaluate(plan: Perf.plan(), records: Self.caseB, corrections: [])
        // 34.5666… → 34.57, 18.4666… → 18.47, 35.4: 34.57 + 18.47 + 35.4 − 4.5 = 83.94.
        #expect(perSource.survey.contribution == Perf.ratio(1037, 30))
        #expect(perSource.team.contribution == Perf.ratio(277, 15))
        #expect(perSource.score == Perf.points("83.94"))
        // Once at the end: 1037/30 + 277/15 + 35.4 − 4.5 = 1259/15 = 83.9333… → 83.93.
        let total = try MonthlyScorer.evaluate(plan: Perf.plan(rounding: .total), records: Self.caseB, corrections: [])
        #expect(total.unrounded == Perf.ratio(1259, 15))
        #expect(total.score == Perf.points("83.93"))
        #expect(total.survey.roundedContribution == nil && total.team.roundedContribution == nil)
        #expect(perSource.unrounded == total.unrounded)
    }

    @Test func detailsCountEveryAnswerAndDepartment() throws {
        let evaluation = try MonthlyScorer.evaluate(plan: Perf.plan(), records: Self.caseB, corrections: [])
        let cleaning = try #require(evaluation.surveyItems.first)
        #expect(cleaning.item == "cleaning")
        #expect(cleaning.counts.map(\.label) == ["满意", "基本满意", "一般", "不满意"])
        #expect(cleaning.counts.map(\.count) == [50, 2, 1, 7])
        #expect(cleaning.mean == 87)
        #expect(evaluation.surveyItems.map(\.item) == Perf.items)
        #expect(evaluation.surveyItems.flatMap { $0.counts.map(\.count) }.reduce(0, +) == 240)
        #expect(evaluation.departmentTotals.map(\.department) == ["科室1", "科室2", "科室3"])
        #expect(evaluation.departmentTotals.map(\.total) == [88, 89, Perf.points("88.5")])
        #expect(evaluation.departmentItemMeans.map(\.mean) == [Perf.ratio(55, 2), 22, 22, 17])
        #expect(evaluation.corrections.isEmpty)
    }

    @Test func deductionsBeyondTheContributionsScoreZeroAndSaySo() throws {
        let records = Perf.records(
            survey: Perf.survey(Perf.repeated([("不满意", 8)])),
            teams: Perf.teams(["10", "10", "10"]),
            departments: Perf.departments([["2", "1", "1", "1"], ["2", "1", "1", "1"]]),
            patrol: Perf.patrol(["5", "5", "5", "5", "5"])
        )
        for rounding in [PlanRounding.perSource, .total] {
            let evaluation = try MonthlyScorer.evaluate(
                plan: Perf.plan(rounding: rounding),
                records: records,
                corrections: []
            )
            // 0 + 2 + 2 − min(25, 20) is −16: held at 0, never negative.
            #expect(evaluation.patrol == PatrolDeduction(findings: 5, total: 25, applied: 20, capped: true))
            #expect(evaluation.score == 0)
            #expect(evaluation.unrounded == 0)
            #expect(evaluation.flooredAtZero)
            #expect(evaluation.standing == "unqualified")
        }
    }

    @Test func theMonthlyCapLimitsWhatFindingsDeduct() throws {
        let evaluation = try MonthlyScorer.evaluate(
            plan: Perf.plan(),
            records: Perf.perfect(patrol: ["5", "5", "5", "5", "2.5"]),
            corrections: []
        )
        #expect(evaluation.patrol.total == Perf.points("22.5"))
        #expect(evaluation.patrol.applied == 20 && evaluation.patrol.capped)
        #expect(evaluation.score == 80 && evaluation.standing == "qualified")
        #expect(!evaluation.flooredAtZero)
    }

    @Test(arguments: [
        (["5", "5"], "90", "excellent"),
        (["5", "5", "0.01"], "89.99", "qualified"),
        (["5", "5", "5", "5", "5", "5"], "70", "qualified"),
        (["5", "5", "5", "5", "5", "5", "0.01"], "69.99", "unqualified"),
    ])
    func eachStandingBandEdge(findings: [String], score: String, standing: String) throws {
        let evaluation = try MonthlyScorer.evaluate(
            plan: Perf.plan(monthlyCap: "40"),
            records: Perf.perfect(patrol: findings),
            corrections: []
        )
        #expect(evaluation.score == Perf.points(score))
        #expect(evaluation.standing == standing)
    }

    @Test func theStandingReadsTheRoundedScore() throws {
        // 100 − 10.5 = 89.5 rounds to 90 at 0 decimals: excellent, as published.
        let evaluation = try MonthlyScorer.evaluate(
            plan: Perf.plan(decimals: 0, rounding: .total),
            records: Perf.perfect(patrol: ["5", "5", "0.5"]),
            corrections: []
        )
        #expect(evaluation.unrounded == Perf.ratio(179, 2))
        #expect(evaluation.score == 90 && evaluation.standing == "excellent")
    }

    @Test func aMissingSourceIsNamedWithItsMonth() {
        var records = Perf.records(survey: [], teams: [], departments: Perf.departments([["30", "25", "25", "20"]]))
        records.sheets.removeAll { $0.source == .patrol }
        #expect(throws: DiagnosticError.self) {
            try MonthlyScorer.evaluate(plan: Perf.plan(), records: records, corrections: [])
        }
        do {
            _ = try MonthlyScorer.evaluate(plan: Perf.plan(), records: records, corrections: [])
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "plan.yaml:12:3: error: 2021-05 cannot be scored: no survey responses (群众测评) are recorded",
                    "plan.yaml:17:3: error: 2021-05 cannot be scored: no team recommendations (班组推荐) are recorded",
                    "plan.yaml:27:3: error: 2021-05 cannot be scored: no patrol sheet (周巡查) is recorded; a month "
                        + "without findings is recorded as a sheet with only its header",
                ]
            )
        }
    }

    @Test func fewerThanTheMinimumIsRefused() {
        var plan = Perf.plan()
        plan.team.minimumTeams = 3
        let records = Perf.records(
            survey: Perf.survey(Perf.repeated([("满意", 4)])),
            teams: Perf.teams(["95", "90"]),
            departments: Perf.departments([["30", "25", "25", "20"]]),
            patrol: []
        )
        #expect(
            diagnostics { try MonthlyScorer.evaluate(plan: plan, records: records, corrections: []) } == [
                "plan.yaml:17:3: error: 2021-05 cannot be scored: 2 teams recommended; the plan requires at least 3"
            ]
        )
    }

    @Test func anEmptyPatrolSheetMeansNoFindings() throws {
        let evaluation = try MonthlyScorer.evaluate(plan: Perf.plan(), records: Perf.perfect(), corrections: [])
        #expect(evaluation.patrol == PatrolDeduction(findings: 0, total: 0, applied: 0, capped: false))
        #expect(evaluation.score == 100)
    }

    @Test func anOverflowIsALocatedErrorNeverAWrongScore() {
        var records = Self.caseA
        records.teams = Perf.teams(["1", "1"]).map {
            TeamRecommendation(team: $0.team, score: Points(units: .max), reason: nil, location: $0.location)
        }
        #expect(
            diagnostics { try MonthlyScorer.evaluate(plan: Perf.plan(), records: records, corrections: []) } == [
                "team.csv: error: the team recommendation of 2021-05 cannot be computed exactly: the exact result is "
                    + "too large to compute; no score is published rather than a wrong one"
            ]
        )
    }

    @Test func anAnswerOutsideThePlanIsRefusedNotSkipped() {
        var records = Self.caseA
        records.survey[0].answers[0].answer = "很好"
        #expect(
            diagnostics { try MonthlyScorer.evaluate(plan: Perf.plan(), records: records, corrections: []) } == [
                "survey.csv:2:1: error: respondent 'R1' gave '很好' for 'cleaning', which is not one of the plan's answers"
            ]
        )
    }
}

/// The messages a throwing call gives, or an empty list when it does not throw.
func diagnostics<Value>(_ body: () throws -> Value) -> [String] {
    do {
        _ = try body()
        return []
    } catch let error as DiagnosticError {
        return error.diagnostics.map(\.description)
    } catch {
        return ["unexpected \(error)"]
    }
}
