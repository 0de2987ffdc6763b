import TenderCore
import TenderModel

/// A plan and a month's records built in code, so each performance test states only the numbers it is about.
enum Perf {
    static let month = YearMonth(year: 2021, month: 5)!
    static let items = ["cleaning", "order-patrol", "maintenance", "conference"]

    static func at(_ line: Int) -> SourceLocation {
        SourceLocation(file: "plan.yaml", line: line, column: 3)
    }

    static func points(_ text: String) -> Points {
        (try? Points(parsing: text))!
    }

    static func plan(
        weights: (survey: String, team: String, department: String) = ("40", "20", "40"),
        departmentPoints: [String] = ["30", "25", "25", "20"],
        answers: [(String, String)] = [("满意", "100"), ("基本满意", "80"), ("一般", "60"), ("不满意", "0")],
        decimals: Int = 2,
        rounding: PlanRounding = .perSource,
        teamStep: String? = nil,
        departmentStep: String? = "0.5",
        maximumPerFinding: String = "5",
        monthlyCap: String = "20",
        rules: [StandingRule] = []
    ) -> EvaluationPlan {
        EvaluationPlan(
            contract: PerformanceContract(
                id: "HT-1",
                tenderID: "T-1",
                buyer: LocalizedText(zh: "机关事务中心", en: "Offices Administration Centre"),
                contractor: PerformanceContractor(name: "清和物业", registrationID: "91331003MA2AXXXXXX"),
                services: items.map { ServiceItem(id: $0, name: LocalizedText(en: $0), location: at(5)) },
                start: "2021-01-01",
                end: "2023-12-31",
                location: at(2)
            ),
            decimals: decimals,
            rounding: rounding,
            survey: SurveySource(
                weight: points(weights.survey),
                answers: answers.map { SurveyAnswer(label: $0.0, value: points($0.1)) },
                items: items,
                minimumResponses: 1,
                location: at(12)
            ),
            team: TeamSource(
                weight: points(weights.team),
                step: teamStep.map(points),
                minimumTeams: 1,
                reasonsRequired: true,
                location: at(17)
            ),
            department: DepartmentSource(
                weight: points(weights.department),
                items: zip(items, departmentPoints).map {
                    DepartmentItem(id: $0, points: points($1), location: at(22))
                },
                step: departmentStep.map(points),
                minimumDepartments: 1,
                reasonsRequired: true,
                location: at(21)
            ),
            patrol: PatrolSource(
                maximumPerFinding: points(maximumPerFinding),
                monthlyCap: points(monthlyCap),
                photoRequired: true,
                location: at(27)
            ),
            standings: [
                Standing(
                    id: "excellent",
                    name: LocalizedText(zh: "优秀"),
                    atLeast: 90,
                    consequence: nil,
                    location: at(32)
                ),
                Standing(
                    id: "qualified",
                    name: LocalizedText(zh: "合格"),
                    atLeast: 70,
                    consequence: nil,
                    location: at(33)
                ),
                Standing(
                    id: "unqualified",
                    name: LocalizedText(zh: "不合格"),
                    atLeast: 0,
                    consequence: nil,
                    location: at(34)
                ),
            ],
            rules: rules,
            location: at(1)
        )
    }

    static func rule(_ id: String, standing: String = "unqualified", count: Int, within: Int, warns: Bool = true)
        -> StandingRule
    {
        StandingRule(
            id: id,
            standing: standing,
            count: count,
            withinMonths: within,
            consequence: LocalizedText(zh: "提请评标委员会注意"),
            warnsNextTender: warns,
            location: at(40)
        )
    }

    /// Respondents answering the survey's items in turn: `labels` is cut into rows of four (a blank label is no
    /// answer).
    static func survey(_ labels: [String]) -> [SurveyResponse] {
        stride(from: 0, to: labels.count, by: items.count).map { start in
            let row = labels[start..<min(start + items.count, labels.count)]
            return SurveyResponse(
                respondent: "R\(start / items.count + 1)",
                answers: zip(items, row).compactMap { $1.isEmpty ? nil : SurveyItemAnswer(item: $0, answer: $1) },
                location: SourceLocation(file: "survey.csv", line: start / items.count + 2, column: 1)
            )
        }
    }

    static func repeated(_ counts: [(String, Int)]) -> [String] {
        counts.flatMap { Array(repeating: $0.0, count: $0.1) }
    }

    static func teams(_ scores: [String]) -> [TeamRecommendation] {
        scores.enumerated().map { index, score in
            TeamRecommendation(
                team: "班组\(index + 1)",
                score: points(score),
                reason: "理由",
                location: SourceLocation(file: "team.csv", line: index + 2, column: 2)
            )
        }
    }

    /// One row of item scores per department, in the plan's item order.
    static func departments(_ rows: [[String]]) -> [DepartmentScore] {
        rows.enumerated().flatMap { index, row in
            zip(items, row).map { item, score in
                DepartmentScore(
                    department: "科室\(index + 1)",
                    item: item,
                    score: points(score),
                    reason: "理由",
                    location: SourceLocation(file: "department.csv", line: index + 2, column: 3)
                )
            }
        }
    }

    static func patrol(_ deductions: [String]) -> [PatrolFinding] {
        deductions.enumerated().map { index, deduction in
            PatrolFinding(
                id: "P\(index + 1)",
                date: "2021-05-1\(index % 10)",
                place: "行政楼3楼卫生间",
                item: "cleaning",
                description: "地面有积水",
                deduction: points(deduction),
                photo: "p\(index + 1).jpg",
                photoSHA256: nil,
                location: SourceLocation(file: "patrol.csv", line: index + 2, column: 6)
            )
        }
    }

    static func records(
        survey: [SurveyResponse],
        teams: [TeamRecommendation],
        departments: [DepartmentScore],
        patrol: [PatrolFinding] = [],
        month: YearMonth = month
    ) -> MonthRecords {
        MonthRecords(
            contractID: "HT-1",
            month: month,
            survey: survey,
            teams: teams,
            departments: departments,
            patrol: patrol,
            sheets: PerformanceSource.allCases.map {
                RecordedSheet(source: $0, file: "\($0.rawValue).csv", sha256: "00", recordedOn: "2021-06-02")
            }
        )
    }

    /// Every source at its maximum: the month scores 100 before deductions.
    static func perfect(patrol deductions: [String] = []) -> MonthRecords {
        records(
            survey: survey(repeated([("满意", 8)])),
            teams: teams(["100", "100", "100"]),
            departments: departments([["30", "25", "25", "20"], ["30", "25", "25", "20"], ["30", "25", "25", "20"]]),
            patrol: patrol(deductions)
        )
    }

    static func correction(
        _ number: Int,
        _ target: CorrectionTarget,
        from: String,
        to: String,
        month: YearMonth = month
    ) -> PerformanceCorrection {
        PerformanceCorrection(
            number: number,
            contractID: "HT-1",
            month: month,
            target: target,
            from: from,
            to: to,
            reason: "考评小组复核",
            by: "考评小组",
            date: "2021-06-10",
            previous: nil,
            hash: "h\(number)"
        )
    }

    static func ratio(_ numerator: Int128, _ denominator: Int128) -> ExactRatio {
        (try? ExactRatio(numerator, denominator))!
    }
}
