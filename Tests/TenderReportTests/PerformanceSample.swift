import Foundation
import TenderCore
import TenderModel
import TenderReport

/// A contract year built by hand (no scorer, no database): twelve scored months of the example tender's
/// winner, 2021-07 unqualified (capped patrol deductions), a department score of 2021-03 corrected from 22 to 28
/// (so 2021-03 has a superseded first computation), a correction of 2021-11 recorded after its score (stale),
/// 2022-01 with only the survey recorded, and a one-month rule raised in 2021-07. Record text includes a hostile
/// team and department name (`<script>`, `|`) to check escaping.
enum PerformanceSample {
    static let file = "plans/qinghe-2021.yaml"
    static let hostileTeam = "<script>alert('x')</script>|组"
    static let hostileDepartment = "科室|<b>总务</b>"

    static func at(_ line: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: 3)
    }

    static func points(_ text: String) -> Points {
        guard let value = try? Points(parsing: text) else { fatalError("bad points literal \(text)") }
        return value
    }

    static func exact(_ body: () throws -> ExactRatio) -> ExactRatio {
        do {
            return try body()
        } catch {
            fatalError("sample arithmetic overflowed: \(error)")
        }
    }

    static func month(_ text: String) -> YearMonth {
        guard let month = YearMonth(text) else { fatalError("bad month \(text)") }
        return month
    }

    static let plan = EvaluationPlan(
        contract: PerformanceContract(
            id: "HYJG-2020-FW-017-HT",
            tenderID: "HYJG-2020-FW-017",
            buyer: LocalizedText(
                zh: "台州市黄岩区机关事务中心",
                en: "Huangyan District Government Offices Administration Centre, Taizhou"
            ),
            contractor: PerformanceContractor(name: "台州清和物业服务有限公司", registrationID: "91331003MA2AXXXXXX"),
            services: [
                ServiceItem(id: "cleaning", name: LocalizedText(zh: "保洁服务", en: "Cleaning"), location: at(9)),
                ServiceItem(
                    id: "order-patrol",
                    name: LocalizedText(zh: "秩序维护", en: "Order and patrol"),
                    location: at(10)
                ),
                ServiceItem(
                    id: "maintenance",
                    name: LocalizedText(zh: "工程维修", en: "Engineering maintenance"),
                    location: at(11)
                ),
                ServiceItem(
                    id: "conference",
                    name: LocalizedText(zh: "会务服务", en: "Conference services"),
                    location: at(12)
                ),
            ],
            start: "2021-01-01",
            end: "2023-12-31",
            location: at(2)
        ),
        decimals: 2,
        rounding: .perSource,
        survey: SurveySource(
            weight: 40,
            answers: [
                SurveyAnswer(label: "满意", value: 100), SurveyAnswer(label: "基本满意", value: 80),
                SurveyAnswer(label: "一般", value: 60), SurveyAnswer(label: "不满意", value: 0),
            ],
            items: ["cleaning", "order-patrol", "maintenance", "conference"],
            minimumResponses: 30,
            location: at(18)
        ),
        team: TeamSource(weight: 20, step: 1, minimumTeams: 3, reasonsRequired: true, location: at(24)),
        department: DepartmentSource(
            weight: 40,
            items: [
                DepartmentItem(id: "cleaning", points: 30, location: at(31)),
                DepartmentItem(id: "order-patrol", points: 25, location: at(31)),
                DepartmentItem(id: "maintenance", points: 25, location: at(31)),
                DepartmentItem(id: "conference", points: 20, location: at(31)),
            ],
            step: points("0.5"),
            minimumDepartments: 3,
            reasonsRequired: true,
            location: at(29)
        ),
        patrol: PatrolSource(maximumPerFinding: 5, monthlyCap: 20, photoRequired: true, location: at(35)),
        standings: [
            Standing(
                id: "excellent",
                name: LocalizedText(zh: "优秀", en: "Excellent"),
                atLeast: 90,
                consequence: LocalizedText(zh: "增发奖励工资", en: "Extra bonus wages"),
                location: at(40)
            ),
            Standing(
                id: "qualified",
                name: LocalizedText(zh: "合格", en: "Qualified"),
                atLeast: 70,
                consequence: nil,
                location: at(41)
            ),
            Standing(
                id: "unqualified",
                name: LocalizedText(zh: "不合格", en: "Unqualified"),
                atLeast: 0,
                consequence: LocalizedText(zh: "停放奖励工资", en: "Bonus wages withheld"),
                location: at(42)
            ),
        ],
        rules: [
            StandingRule(
                id: "three-unqualified",
                standing: "unqualified",
                count: 3,
                withinMonths: 12,
                consequence: LocalizedText(zh: "下次招标时提请评标委员会注意", en: "Warning to the committee of the next tender"),
                warnsNextTender: true,
                location: at(44)
            ),
            StandingRule(
                id: "unqualified-month",
                standing: "unqualified",
                count: 1,
                withinMonths: 1,
                consequence: LocalizedText(zh: "约谈服务单位负责人", en: "Meeting with the contractor's manager"),
                warnsNextTender: false,
                location: at(50)
            ),
        ],
        location: at(1)
    )

    /// One month's evaluation from its sums, computed as the design states (per-source rounding at 2 decimals).
    static func evaluation(
        _ monthText: String,
        survey: String,
        team: String,
        department: String,
        deduction: String,
        findings: Int,
        corrections: [Int] = [],
        surveyItems: [SurveyItemSummary] = [],
        departmentTotals: [DepartmentTotal] = [],
        departmentItemMeans: [ItemMean] = []
    ) -> MonthlyEvaluation {
        func source(_ sum: String, count: Int, weight: Points) -> SourceScore {
            let sum = points(sum)
            let score = exact { try sum.ratio / ExactRatio(count) }
            let contribution = exact { try weight.ratio * score / ExactRatio(100) }
            let rounded = try? Points(rounding: contribution, places: 2)
            return SourceScore(
                score: score,
                sum: sum,
                count: count,
                weight: weight,
                contribution: contribution,
                roundedContribution: rounded
            )
        }
        let surveyScore = source(survey, count: 240, weight: 40)
        let teamScore = source(team, count: 4, weight: 20)
        let departmentScore = source(department, count: 3, weight: 40)
        let total = points(deduction)
        let applied = min(total, 20)
        let exactSum = exact {
            try surveyScore.contribution + teamScore.contribution + departmentScore.contribution - applied.ratio
        }
        let roundedSum = exact {
            try surveyScore.roundedContribution!.ratio + teamScore.roundedContribution!.ratio
                + departmentScore.roundedContribution!.ratio - applied.ratio
        }
        let score = (try? Points(exactly: max(roundedSum, .zero))) ?? 0
        return MonthlyEvaluation(
            contractID: plan.contract.id,
            month: month(monthText),
            survey: surveyScore,
            team: teamScore,
            department: departmentScore,
            patrol: PatrolDeduction(findings: findings, total: total, applied: applied, capped: total > applied),
            unrounded: max(exactSum, .zero),
            score: score,
            standing: plan.standing(for: score).id,
            corrections: corrections,
            surveyItems: surveyItems,
            departmentTotals: departmentTotals,
            departmentItemMeans: departmentItemMeans
        )
    }

    static func counts(_ values: [Int]) -> [AnswerCount] {
        zip(["满意", "基本满意", "一般", "不满意"], values).map { AnswerCount(label: $0, count: $1) }
    }

    static func ratio(_ numerator: Int, _ denominator: Int) -> ExactRatio {
        exact { try ExactRatio(Int128(numerator), Int128(denominator)) }
    }

    /// 2021-03 in full: survey 20750 / 240, teams 380 / 4, departments 268.5 / 3 after correction 1 (办公室's
    /// cleaning score 22 → 28), two patrol findings deducting 2 + 3.
    static let march = evaluation(
        "2021-03",
        survey: "20750",
        team: "380",
        department: "268.5",
        deduction: "5",
        findings: 2,
        corrections: [1],
        surveyItems: [
            SurveyItemSummary(item: "cleaning", counts: counts([40, 15, 5, 0]), mean: ratio(5500, 60)),
            SurveyItemSummary(item: "order-patrol", counts: counts([35, 20, 4, 1]), mean: ratio(5340, 60)),
            SurveyItemSummary(item: "maintenance", counts: counts([30, 22, 6, 2]), mean: ratio(5120, 60)),
            SurveyItemSummary(item: "conference", counts: counts([21, 29, 6, 4]), mean: ratio(4780, 60)),
        ],
        departmentTotals: [
            DepartmentTotal(department: "办公室", total: 91),
            DepartmentTotal(department: "财务科", total: points("91.5")),
            DepartmentTotal(department: hostileDepartment, total: 86),
        ],
        departmentItemMeans: [
            ItemMean(item: "cleaning", mean: ratio(27, 1)),
            ItemMean(item: "order-patrol", mean: ratio(22, 1)),
            ItemMean(item: "maintenance", mean: ratio(45, 2)),
            ItemMean(item: "conference", mean: ratio(18, 1)),
        ]
    )

    static let months: [MonthlyEvaluation] = [
        evaluation("2021-01", survey: "21600", team: "372", department: "264", deduction: "3", findings: 1),
        evaluation("2021-02", survey: "22080", team: "376", department: "270", deduction: "0", findings: 0),
        march,
        evaluation("2021-04", survey: "22800", team: "388", department: "279", deduction: "2", findings: 1),
        evaluation("2021-05", survey: "23400", team: "392", department: "285", deduction: "0", findings: 0),
        evaluation("2021-06", survey: "21960", team: "380", department: "270", deduction: "4", findings: 2),
        evaluation("2021-07", survey: "15000", team: "240", department: "180", deduction: "25", findings: 6),
        evaluation("2021-08", survey: "20400", team: "360", department: "255", deduction: "6", findings: 2),
        evaluation("2021-09", survey: "21240", team: "372", department: "264", deduction: "3", findings: 1),
        evaluation("2021-10", survey: "22320", team: "384", department: "273", deduction: "1", findings: 1),
        evaluation("2021-11", survey: "22560", team: "388", department: "276", deduction: "2", findings: 1),
        evaluation("2021-12", survey: "23040", team: "392", department: "282", deduction: "0", findings: 0),
    ]

    static func team(_ name: String, _ score: Points, _ reason: String?, line: Int) -> TeamRecommendation {
        TeamRecommendation(
            team: name,
            score: score,
            reason: reason,
            location: SourceLocation(file: "t.csv", line: line)
        )
    }

    static func department(_ name: String, _ item: String, _ score: String, _ reason: String?, line: Int)
        -> DepartmentScore
    {
        DepartmentScore(
            department: name,
            item: item,
            score: points(score),
            reason: reason,
            location: SourceLocation(file: "d.csv", line: line)
        )
    }

    static let marchRecords = MonthRecords(
        contractID: plan.contract.id,
        month: month("2021-03"),
        teams: [
            team("保洁一班", 95, "走廊偶有积水", line: 2),
            team("秩序维护班", 100, nil, line: 3),
            team(hostileTeam, 90, "地面<b>不洁</b> | 需改进", line: 4),
            team("会务班", 95, "会场布置稍迟", line: 5),
        ],
        departments: [
            department("办公室", "cleaning", "22", "卫生间清洁不及时", line: 2),
            department("办公室", "order-patrol", "23", "夜间巡逻记录缺页", line: 3),
            department("办公室", "maintenance", "22", "报修响应超时一次", line: 4),
            department("办公室", "conference", "18", "茶水补充不及时", line: 5),
            department("财务科", "cleaning", "27", "玻璃有污渍", line: 6),
            department("财务科", "order-patrol", "22", "来访登记不全", line: 7),
            department("财务科", "maintenance", "23.5", "空调维修返工", line: 8),
            department("财务科", "conference", "19", "会后清场稍慢", line: 9),
            department(hostileDepartment, "cleaning", "26", "[链接](http://x) *强调*", line: 10),
            department(hostileDepartment, "order-patrol", "21", "门岗脱岗", line: 11),
            department(hostileDepartment, "maintenance", "22", "照明未及时更换", line: 12),
            department(hostileDepartment, "conference", "17", "音响调试延误", line: 13),
        ],
        patrol: [
            PatrolFinding(
                id: "XC-2021-03-01",
                date: "2021-03-09",
                place: "行政楼三楼东侧卫生间",
                item: "cleaning",
                description: "地面积水未及时清理",
                deduction: 2,
                photo: "photos/2021-03-09-wc.jpg",
                photoSHA256: String(repeating: "a1", count: 32),
                location: SourceLocation(file: "p.csv", line: 2)
            ),
            PatrolFinding(
                id: "XC-2021-03-02",
                date: "2021-03-23",
                place: "北门岗亭",
                item: "order-patrol",
                description: "值班人员脱岗约 15 分钟",
                deduction: 3,
                photo: "photos/2021-03-23-gate.jpg",
                photoSHA256: String(repeating: "b2", count: 32),
                location: SourceLocation(file: "p.csv", line: 3)
            ),
        ],
        sheets: [
            RecordedSheet(
                source: .patrol,
                file: "2021-03/patrol.csv",
                sha256: String(repeating: "4", count: 64),
                recordedOn: "2021-04-02"
            ),
            RecordedSheet(
                source: .survey,
                file: "2021-03/survey.csv",
                sha256: String(repeating: "1", count: 64),
                recordedOn: "2021-04-02"
            ),
            RecordedSheet(
                source: .team,
                file: "2021-03/teams.csv",
                sha256: String(repeating: "2", count: 64),
                recordedOn: "2021-04-02"
            ),
            RecordedSheet(
                source: .department,
                file: "2021-03/departments.xml",
                sha256: String(repeating: "3", count: 64),
                recordedOn: "2021-04-02"
            ),
        ]
    )

    static let corrections = [
        PerformanceCorrection(
            number: 1,
            contractID: plan.contract.id,
            month: month("2021-03"),
            target: .departmentScore(department: "办公室", item: "cleaning"),
            from: "22",
            to: "28",
            reason: "复核监控记录，卫生间已按时清洁 | 原评分有误",
            by: "项目考核小组",
            date: "2021-04-12",
            previous: nil,
            hash: String(repeating: "c", count: 64)
        ),
        PerformanceCorrection(
            number: 2,
            contractID: plan.contract.id,
            month: month("2021-11"),
            target: .patrolDeduction(finding: "XC-2021-11-01"),
            from: "2",
            to: "0",
            reason: "巡查地点不属于服务范围",
            by: "监督委员会",
            date: "2021-12-20",
            previous: String(repeating: "c", count: 64),
            hash: String(repeating: "d", count: 64)
        ),
    ]

    static let input = PerformanceReportInput(
        plan: plan,
        months: months,
        latest: months.map { evaluation in
            let march = evaluation.month == month("2021-03")
            return PerformanceComputation(
                month: evaluation.month,
                number: march ? 2 : 1,
                score: evaluation.score,
                standing: evaluation.standing,
                computedOn: march ? "2021-04-13" : (evaluation.month.adding(months: 1)!.description + "-05"),
                correctionsUpTo: march ? 1 : 0
            )
        },
        superseded: [
            PerformanceComputation(
                month: month("2021-03"),
                number: 1,
                score: points("83.58"),
                standing: "qualified",
                computedOn: "2021-04-05"
            )
        ],
        corrections: corrections,
        raised: [
            RaisedRule(
                contractID: plan.contract.id,
                ruleID: "unqualified-month",
                raisedIn: month("2021-07"),
                months: [month("2021-07")],
                consequence: LocalizedText(zh: "约谈服务单位负责人", en: "Meeting with the contractor's manager"),
                warnsNextTender: false
            )
        ],
        records: [month("2021-03"): marchRecords],
        pending: [
            PendingMonth(month: month("2021-11"), status: .stale(correction: 2)),
            PendingMonth(month: month("2022-01"), status: .incomplete(missing: [.team, .department, .patrol])),
        ]
    )
}
