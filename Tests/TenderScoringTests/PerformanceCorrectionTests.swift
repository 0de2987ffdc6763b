import TenderCore
import TenderModel
import Testing

@testable import TenderScoring

/// Corrections change one recorded value each, in number order; the record itself is never changed.
@Suite struct PerformanceCorrectionTests {
    let plan = Perf.plan()
    let records = MonthlyScorerTests.caseA

    @Test func anAnswerStruckLeavesTheOtherAnswers() throws {
        // R24 answered 不满意 to everything; striking its cleaning answer leaves 95 answers summing 8300.
        let struck = Perf.correction(1, .surveyAnswer(respondent: "R24", item: "cleaning"), from: "不满意", to: "")
        let evaluation = try MonthlyScorer.evaluate(plan: plan, records: records, corrections: [struck])
        #expect(evaluation.survey.count == 95 && evaluation.survey.sum == 8300)
        #expect(evaluation.survey.contribution == Perf.ratio(664, 19))
        // 34.95 + 18.5 + 35.4 − 4.5.
        #expect(evaluation.score == Perf.points("84.35"))
        #expect(evaluation.corrections == [1])
        #expect(PerformanceCorrections.currentValue(of: struck.target, in: records) == "不满意")
        let corrected = try PerformanceCorrections.apply([struck], to: records, plan: plan)
        #expect(PerformanceCorrections.currentValue(of: struck.target, in: corrected) == "")
    }

    @Test func aTeamScoreCorrected() throws {
        let correction = Perf.correction(1, .teamScore(team: "班组2"), from: "90", to: "95")
        let evaluation = try MonthlyScorer.evaluate(plan: plan, records: records, corrections: [correction])
        // Teams 95 and 95: 19; 34.58 + 19 + 35.4 − 4.5.
        #expect(evaluation.team.contribution == 19)
        #expect(evaluation.score == Perf.points("84.48"))
    }

    @Test func aDepartmentScoreCorrected() throws {
        let correction = Perf.correction(
            1,
            .departmentScore(department: "科室1", item: "cleaning"),
            from: "27.0",
            to: "30"
        )
        let evaluation = try MonthlyScorer.evaluate(plan: plan, records: records, corrections: [correction])
        // Totals 91 and 89: 90 → 36; 34.58 + 18.5 + 36 − 4.5.
        #expect(evaluation.departmentTotals.map(\.total) == [91, 89])
        #expect(evaluation.score == Perf.points("84.58"))
    }

    @Test func aPatrolFindingWithdrawn() throws {
        let correction = Perf.correction(1, .patrolDeduction(finding: "P2"), from: "2.5", to: "0")
        let evaluation = try MonthlyScorer.evaluate(plan: plan, records: records, corrections: [correction])
        #expect(evaluation.patrol == PatrolDeduction(findings: 1, total: 2, applied: 2, capped: false))
        #expect(evaluation.score == Perf.points("86.48"))
    }

    @Test func correctionsOfOtherMonthsAreNotApplied() throws {
        let june = Perf.correction(
            1,
            .teamScore(team: "班组2"),
            from: "90",
            to: "95",
            month: YearMonth(year: 2021, month: 6)!
        )
        let evaluation = try MonthlyScorer.evaluate(plan: plan, records: records, corrections: [june])
        #expect(evaluation.score == Perf.points("83.98") && evaluation.corrections.isEmpty)
    }

    @Test func correctionsApplyInNumberOrder() throws {
        let target = CorrectionTarget.departmentScore(department: "科室1", item: "conference")
        let first = Perf.correction(1, target, from: "17", to: "18")
        let second = Perf.correction(2, target, from: "18", to: "20")
        let evaluation = try MonthlyScorer.evaluate(plan: plan, records: records, corrections: [second, first])
        #expect(evaluation.corrections == [1, 2])
        #expect(evaluation.departmentTotals.map(\.total) == [91, 89])
    }

    @Test func aStaleFromIsRefusedNamingTheCorrectionThatChangedIt() throws {
        let target = CorrectionTarget.departmentScore(department: "科室1", item: "conference")
        let history = [
            Perf.correction(1, target, from: "17", to: "18"),
            Perf.correction(2, target, from: "18", to: "20"),
        ]
        let corrected = try PerformanceCorrections.apply(history, to: records, plan: plan)
        #expect(PerformanceCorrections.currentValue(of: target, in: corrected) == "20")
        #expect(
            diagnostics {
                try PerformanceCorrections.validate(
                    target: target,
                    from: "18",
                    to: "19",
                    records: corrected,
                    plan: plan,
                    previous: history
                )
            } == ["error: correction says the value is 18 but it is 20 (after correction 2)"]
        )
        #expect(
            diagnostics {
                try PerformanceCorrections.validate(target: target, from: "18", to: "19", records: records, plan: plan)
            } == ["error: correction says the value is 18 but it is 17 (as recorded)"]
        )
        // A history whose third correction was stale is refused when the month is scored.
        let stale = history + [Perf.correction(3, target, from: "18", to: "19")]
        #expect(
            diagnostics { try MonthlyScorer.evaluate(plan: plan, records: records, corrections: stale) } == [
                "error: correction 3 (2021-05): correction says the value is 18 but it is 20 (after correction 2)"
            ]
        )
    }

    @Test(arguments: [
        (
            CorrectionTarget.teamScore(team: "班组1"), "95", "105",
            "team score 105 is outside 0…100; values are never clamped"
        ),
        (.teamScore(team: "班组1"), "95", "9.5.1", "team score '9.5.1' is not a plain decimal number"),
        (.teamScore(team: "班组9"), "95", "90", "team '班组9' is not among the team recommendations of 2021-05"),
        (.teamScore(team: "班组1"), "95", "95.0", "the correction does not change the value (95)"),
        (
            .departmentScore(department: "科室1", item: "cleaning"), "27", "27.3",
            "score 27.3 for 'cleaning' is not a multiple of its step 0.5"
        ),
        (
            .departmentScore(department: "科室1", item: "cleaning"), "27", "31",
            "score 31 for 'cleaning' is outside 0…30; values are never clamped"
        ),
        (
            .departmentScore(department: "科室3", item: "cleaning"), "27", "28",
            "department '科室3' did not score item 'cleaning' in 2021-05"
        ),
        (.patrolDeduction(finding: "P1"), "2", "6", "deduction 6 is outside 0…5; values are never clamped"),
        (.patrolDeduction(finding: "P9"), "2", "0", "finding 'P9' is not among the patrol findings of 2021-05"),
        (
            .surveyAnswer(respondent: "R1", item: "cleaning"), "满意", "很好",
            "'很好' is not one of the plan's answers (满意, 基本满意, 一般, 不满意); an empty value strikes the answer"
        ),
        (
            .surveyAnswer(respondent: "R1", item: "cleaning"), "不满意", "满意",
            "correction says the value is 不满意 but it is 满意 (as recorded)"
        ),
        (
            .surveyAnswer(respondent: "R99", item: "cleaning"), "满意", "",
            "respondent 'R99' is not in the survey of 2021-05"
        ),
        (
            .surveyAnswer(respondent: "R1", item: "parking"), "", "满意",
            "item 'parking' is not asked in the survey; its items are cleaning, order-patrol, maintenance, conference"
        ),
    ])
    func aDraftIsCheckedLikeTheSheet(target: CorrectionTarget, from: String, to: String, message: String) {
        #expect(
            diagnostics {
                try PerformanceCorrections.validate(target: target, from: from, to: to, records: records, plan: plan)
            } == ["error: " + message]
        )
    }

    @Test func aStruckAnswerCanBeRestored() throws {
        let target = CorrectionTarget.surveyAnswer(respondent: "R24", item: "cleaning")
        let struck = Perf.correction(1, target, from: "不满意", to: "")
        let corrected = try PerformanceCorrections.apply([struck], to: records, plan: plan)
        try PerformanceCorrections.validate(
            target: target,
            from: "",
            to: "一般",
            records: corrected,
            plan: plan,
            previous: [struck]
        )
        let restored = try PerformanceCorrections.apply(
            [struck, Perf.correction(2, target, from: "", to: "一般")],
            to: records,
            plan: plan
        )
        #expect(PerformanceCorrections.currentValue(of: target, in: restored) == "一般")
        // The original records are untouched.
        #expect(PerformanceCorrections.currentValue(of: target, in: records) == "不满意")
    }
}
