import CLibCrypto
import Foundation
import TenderCore
import TenderModel

@testable import TenderHistory

/// Values the history tests record, built directly (the plan loader is not needed to store a plan).
enum HistoryTestValues {
    static let sha256: @Sendable ([UInt8]) -> String = { bytes in
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let succeeded = bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil) == 1
            }
        }
        precondition(succeeded && length == 32)
        return digest.map { String($0 >> 4, radix: 16) + String($0 & 0x0f, radix: 16) }.joined()
    }

    static let buyer = LocalizedText(
        zh: "台州市黄岩区机关事务中心",
        en: "Huangyan District Government Offices Administration Centre"
    )
    static let items = ["cleaning", "order-patrol", "maintenance", "conference"]

    static func plan(
        id: String = "HYJG-2020-FW-017-HT",
        registrationID: String = "91331003MA2AXXXXXX",
        buyer: LocalizedText = buyer,
        start: String = "2021-01-01",
        end: String = "2023-12-31"
    ) -> EvaluationPlan {
        let file = "plan-\(id).yaml"
        let here = SourceLocation(file: file, line: 1, column: 1)
        let names = ["保洁服务", "秩序维护", "工程维修", "会务服务"]
        return EvaluationPlan(
            contract: PerformanceContract(
                id: id,
                tenderID: "HYJG-2020-FW-017",
                buyer: buyer,
                contractor: PerformanceContractor(name: "台州清和物业服务有限公司", registrationID: registrationID),
                services: zip(items, names).map { ServiceItem(id: $0, name: LocalizedText(zh: $1), location: here) },
                start: start,
                end: end,
                location: here
            ),
            decimals: 2,
            rounding: .perSource,
            survey: SurveySource(
                weight: 40,
                answers: [
                    SurveyAnswer(label: "满意", value: 100), SurveyAnswer(label: "基本满意", value: 80),
                    SurveyAnswer(label: "一般", value: 60), SurveyAnswer(label: "不满意", value: 0),
                ],
                items: items,
                minimumResponses: 3,
                location: here
            ),
            team: TeamSource(weight: 20, step: 1, minimumTeams: 1, reasonsRequired: true, location: here),
            department: DepartmentSource(
                weight: 40,
                items: zip(items, [30, 25, 25, 20] as [Points]).map {
                    DepartmentItem(id: $0, points: $1, location: here)
                },
                step: Points(units: 500_000),
                minimumDepartments: 1,
                reasonsRequired: true,
                location: here
            ),
            patrol: PatrolSource(maximumPerFinding: 5, monthlyCap: 20, photoRequired: true, location: here),
            standings: [
                Standing(
                    id: "excellent",
                    name: LocalizedText(zh: "优秀", en: "Excellent"),
                    atLeast: 90,
                    consequence: LocalizedText(zh: "增发奖励工资", en: "Extra bonus wages"),
                    location: here
                ),
                Standing(
                    id: "qualified",
                    name: LocalizedText(zh: "合格", en: "Qualified"),
                    atLeast: 70,
                    consequence: nil,
                    location: here
                ),
                Standing(
                    id: "unqualified",
                    name: LocalizedText(zh: "不合格", en: "Unqualified"),
                    atLeast: 0,
                    consequence: LocalizedText(zh: "停放奖励工资", en: "Bonus wages withheld"),
                    location: here
                ),
            ],
            rules: [
                StandingRule(
                    id: "three-unqualified",
                    standing: "unqualified",
                    count: 3,
                    withinMonths: 12,
                    consequence: LocalizedText(zh: "下次招标时提请评标委员会注意", en: "Warning to the committee"),
                    warnsNextTender: true,
                    location: here
                )
            ],
            location: here
        )
    }

    static func planBytes(_ plan: EvaluationPlan, variant: String = "") -> [UInt8] {
        Array("plan: 1\ncontract:\n  id: \(plan.contract.id)\n# \(variant)\n".utf8)
    }

    static func month(_ text: String) -> YearMonth { YearMonth(text)! }

    static func sheet(_ source: PerformanceSource, _ month: YearMonth, recordedOn: String = "2021-06-03")
        -> RecordedSheet
    {
        let file = "\(source.rawValue)-\(month).csv"
        return RecordedSheet(source: source, file: file, sha256: sha256(Array(file.utf8)), recordedOn: recordedOn)
    }

    /// `count` respondents answering every item, the labels cycling so that every answer occurs; every seventh
    /// respondent leaves the last item blank.
    static func survey(_ month: YearMonth, count: Int) -> [SurveyResponse] {
        let labels = ["满意", "基本满意", "一般", "不满意", "满意"]
        let file = "survey-\(month).csv"
        return (0..<count).map { index in
            let answered = index % 7 == 6 ? items.dropLast() : items[...]
            return SurveyResponse(
                respondent: "R" + String(1000 + index),
                answers: answered.enumerated().map { offset, item in
                    SurveyItemAnswer(item: item, answer: labels[(index + offset) % labels.count])
                },
                location: SourceLocation(file: file, line: index + 2, column: 1)
            )
        }
    }

    static func teams(_ month: YearMonth) -> [TeamRecommendation] {
        let file = "team-\(month).csv"
        return [
            TeamRecommendation(
                team: "保洁一班",
                score: 95,
                reason: "地面偶有水渍",
                location: SourceLocation(file: file, line: 2, column: 2)
            ),
            TeamRecommendation(team: "会务组", score: 100, reason: nil, location: SourceLocation(file: file, line: 3)),
        ]
    }

    static func departments(_ month: YearMonth) -> [DepartmentScore] {
        let file = "department-\(month).xml"
        return ["办公室", "财务科"].flatMap { department in
            zip(items, [Points(units: 28_500_000), 25, 24, 20]).enumerated().map { index, pair in
                DepartmentScore(
                    department: department,
                    item: pair.0,
                    score: pair.1,
                    reason: pair.1 == 25 || pair.1 == 20 ? nil : "扣分理由\n第二行",
                    location: SourceLocation(file: file, line: 3 + index)
                )
            }
        }
    }

    static func patrol(_ month: YearMonth, prefix: String = "P") -> [PatrolFinding] {
        let file = "patrol-\(month).csv"
        return [
            PatrolFinding(
                id: "\(prefix)-\(month)-1",
                date: "\(month)-05",
                place: "一楼大厅",
                item: "cleaning",
                description: "垃圾桶未及时清理",
                deduction: 2,
                photo: "photos/p1.jpg",
                photoSHA256: sha256([1, 2, 3]),
                location: SourceLocation(file: file, line: 2, column: 1)
            ),
            PatrolFinding(
                id: "\(prefix)-\(month)-2",
                date: "\(month)-19",
                place: "会议室 3",
                item: "conference",
                description: "茶水未备齐",
                deduction: Points(units: 1_500_000),
                photo: nil,
                photoSHA256: nil,
                location: SourceLocation(file: "other.csv", line: 3, column: 4)
            ),
        ]
    }

    static func allSheets(_ month: YearMonth, respondents: Int = 5) -> [SheetBatch] {
        [
            SheetBatch(sheet: sheet(.survey, month), records: .survey(survey(month, count: respondents))),
            SheetBatch(sheet: sheet(.team, month), records: .team(teams(month))),
            SheetBatch(sheet: sheet(.department, month), records: .department(departments(month))),
            SheetBatch(sheet: sheet(.patrol, month), records: .patrol(patrol(month))),
        ]
    }

    static func evaluation(
        contractID: String = "HYJG-2020-FW-017-HT",
        _ month: YearMonth,
        score: Points,
        standing: String,
        corrections: [Int] = []
    ) throws -> MonthlyEvaluation {
        let third = try ExactRatio(1, 3)
        let source = SourceScore(
            score: try ExactRatio(25_937_500, 300_000),
            sum: 432,
            count: 5,
            weight: 40,
            contribution: third,
            roundedContribution: Points(units: 333_333)
        )
        return MonthlyEvaluation(
            contractID: contractID,
            month: month,
            survey: source,
            team: SourceScore(
                score: 97,
                sum: 194,
                count: 2,
                weight: 20,
                contribution: try ExactRatio(97, 5),
                roundedContribution: nil
            ),
            department: source,
            patrol: PatrolDeduction(findings: 2, total: Points(units: 3_500_000), applied: 3, capped: false),
            unrounded: try ExactRatio(2_000_001, 22_222),
            score: score,
            standing: standing,
            corrections: corrections,
            surveyItems: [
                SurveyItemSummary(
                    item: "cleaning",
                    counts: [AnswerCount(label: "满意", count: 3), AnswerCount(label: "不满意", count: 0)],
                    mean: try ExactRatio(280, 3)
                ),
                SurveyItemSummary(item: "conference", counts: [], mean: nil),
            ],
            departmentTotals: [DepartmentTotal(department: "办公室", total: Points(units: 97_500_000))],
            departmentItemMeans: [ItemMean(item: "cleaning", mean: try ExactRatio(57, 2))]
        )
    }
}

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tender-history-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
