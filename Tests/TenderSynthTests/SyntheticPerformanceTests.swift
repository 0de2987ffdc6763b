import Foundation
import TenderCore
import TenderModel
import TenderScoring
import TenderSynth
import Testing

/// The synthetic performance year: the same seed gives the same bytes; the sheets have the documented shape; a
/// designed poor month is unqualified when scored and the others are not.
@Suite struct SyntheticPerformanceTests {
    let plan = SyntheticPerformancePlan.standard(
        contractID: "HYJG-2020-FW-017-HT",
        tenderID: "HYJG-2020-FW-017",
        contractorName: "台州清和物业服务有限公司",
        registrationID: "91331003MA2AXXXXXX",
        start: "2021-01-01",
        end: "2021-12-31"
    )
    static let may = YearMonth(year: 2021, month: 5)!
    let scenario = PerformanceScenario(
        firstMonth: YearMonth(year: 2021, month: 1)!,
        months: 12,
        respondents: 60,
        respondentVariation: 5,
        unqualifiedMonths: [may]
    )

    func bytes(_ months: [SyntheticPerformanceMonth]) -> [[UInt8]] {
        months.flatMap { month in month.sheets(plan: plan).map(\.bytes) + month.photos().map(\.bytes) }
    }

    @Test func theSameSeedGivesTheSameBytes() {
        let first = SyntheticPerformance.generate(plan: plan, scenario: scenario, seed: 7)
        let second = SyntheticPerformance.generate(plan: plan, scenario: scenario, seed: 7)
        #expect(first.count == 12)
        #expect(bytes(first) == bytes(second))
        let other = SyntheticPerformance.generate(plan: plan, scenario: scenario, seed: 8)
        #expect(bytes(first) != bytes(other))
        // A month depends on the seed and the month only, so it can be generated alone.
        let alone = SyntheticPerformance.month(month: Self.may, plan: plan, scenario: scenario, seed: 7)
        #expect(alone == first[4])
    }

    @Test func theSurveyIsAFormExport() throws {
        let month = SyntheticPerformance.month(month: Self.may, plan: plan, scenario: scenario, seed: 7)
        let csv = month.surveyCSV(plan: plan)
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: csv.dropFirst(3), as: UTF8.self).split(separator: "\r\n").map(String.init)
        #expect(lines.first == "编号,提交时间,保洁服务,秩序维护,工程维修,会务服务")
        #expect((55...65).contains(lines.count - 1) && lines.count - 1 == month.respondents.count)
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(cells.count == 6)
            #expect(cells[1].hasPrefix("2021-05-") && cells[1].count == 19)
            #expect(cells[2...].allSatisfy { ["", "满意", "基本满意", "一般", "不满意"].contains($0) })
            #expect(cells[2...].contains { !$0.isEmpty })
        }
        #expect(Set(month.respondents.map(\.id)).count == month.respondents.count)
        #expect(month.respondents.map(\.submitted) == month.respondents.map(\.submitted).sorted())
    }

    @Test func teamsDepartmentsAndPatrolsFollowThePlan() {
        let months = SyntheticPerformance.generate(plan: plan, scenario: scenario, seed: 11)
        for month in months {
            #expect((4...6).contains(month.teams.count))
            #expect(month.teams.allSatisfy { $0.score <= 100 && ($0.score == 100) == ($0.reason == nil) })
            let departments = Set(month.departments.map(\.department))
            #expect((5...8).contains(departments.count))
            #expect(month.departments.count == departments.count * plan.services.count)
            for score in month.departments {
                let points = plan.services.first { $0.id == score.item }!.departmentPoints
                #expect(score.score >= 0 && score.score <= points && score.score.units % 500_000 == 0)
                #expect((score.score == points) == (score.reason == nil))
            }
            #expect(month.findings.count <= (month.designedUnqualified ? 9 : 6))
            for finding in month.findings {
                #expect(finding.date.hasPrefix(month.month.description + "-"))
                #expect(finding.deduction > 0 && finding.deduction <= plan.maximumPerFinding)
                #expect(finding.photo == finding.id + ".png")
            }
            #expect(month.findings.map(\.date) == month.findings.map(\.date).sorted())
            let patrolLines = String(decoding: month.patrolCSV(plan: plan), as: UTF8.self).split(separator: "\n")
            #expect(patrolLines.first == "编号,日期,地点,项目,问题,扣分,照片")
            #expect(patrolLines.count == month.findings.count + 1)
        }
        let photos = months.flatMap { $0.photos() }
        #expect(!photos.isEmpty)
        #expect(photos.allSatisfy { Array($0.bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] })
        #expect(Set(photos.map(\.bytes)).count == photos.count)
        #expect(Set(months.flatMap { $0.findings.map(\.id) }).count == photos.count)
    }

    /// A finding's place and problem go together and belong to its service item: the water-tank room's leaking
    /// pipe is maintenance, never cleaning or conference.
    @Test func aFindingsPlaceAndProblemBelongToItsServiceItem() {
        var itemsByPlace: [String: Set<String>] = [:]
        var placesByProblem: [String: Set<String>] = [:]
        for seed: UInt64 in 1...6 {
            for month in SyntheticPerformance.generate(plan: plan, scenario: scenario, seed: seed) {
                for finding in month.findings {
                    itemsByPlace[finding.place, default: []].insert(finding.item)
                    placesByProblem[finding.description, default: []].insert(finding.place)
                }
            }
        }
        #expect(itemsByPlace.count >= 8, "\(itemsByPlace)")
        #expect(itemsByPlace.values.allSatisfy { $0.count == 1 }, "\(itemsByPlace)")
        #expect(placesByProblem.values.allSatisfy { $0.count == 1 }, "\(placesByProblem)")
        #expect(itemsByPlace["行政楼楼顶水箱间"].map { $0 == ["maintenance"] } ?? true)
        #expect(placesByProblem["消防通道被车辆占用"].map { $0 == ["西侧消防通道"] } ?? true)
    }

    /// People fill the survey in at work: nearly every submission falls between 08:00 and 18:00, none at night.
    @Test func surveysAreSubmittedInOfficeHours() {
        let times = SyntheticPerformance.generate(plan: plan, scenario: scenario, seed: 7)
            .flatMap { $0.respondents.map(\.submitted) }
        let hours = times.compactMap { Int($0.dropFirst(11).prefix(2)) }
        #expect(hours.count == times.count)
        #expect(hours.allSatisfy { (8..<22).contains($0) })
        let inOffice = hours.filter { (8..<18).contains($0) }.count
        #expect(inOffice * 100 >= hours.count * 85, "\(inOffice) of \(hours.count)")
    }

    @Test func theDesignedMonthIsTheOnlyUnqualifiedOne() throws {
        let evaluationPlan = plan.evaluationPlan(file: "plan.yaml")
        var standings: [YearMonth: String] = [:]
        for seed: UInt64 in [1, 2, 3] {
            for month in SyntheticPerformance.generate(plan: plan, scenario: scenario, seed: seed) {
                let evaluation = try MonthlyScorer.evaluate(
                    plan: evaluationPlan,
                    records: month.records(plan: plan, recordedOn: "2022-01-05"),
                    corrections: []
                )
                standings[month.month] = evaluation.standing
                #expect(
                    (evaluation.standing == "unqualified") == (month.month == Self.may),
                    "seed \(seed), \(month.month): \(evaluation.score)"
                )
            }
        }
        #expect(standings.count == 12)
    }

    @Test func aDownwardDriftLowersTheService() {
        var drifting = scenario
        drifting.unqualifiedMonths = []
        drifting.driftPerMonth = -30
        let months = SyntheticPerformance.generate(plan: plan, scenario: drifting, seed: 5)
        let satisfied = months.map { month in
            month.respondents.flatMap(\.answers).filter { $0 == 0 }.count * 1000 / (month.respondents.count * 4)
        }
        #expect(months.last!.quality < months.first!.quality)
        #expect(satisfied.last! < satisfied.first!)
    }

    @Test func aThousandRespondentsAMonth() {
        var large = scenario
        large.respondents = 1_000
        large.respondentVariation = 0
        let month = SyntheticPerformance.month(month: Self.may, plan: plan, scenario: large, seed: 3)
        #expect(month.respondents.count == 1_000)
        #expect(month.respondents.last?.id == "R1000")
        let records = month.records(plan: plan, recordedOn: "2021-06-02")
        #expect(records.survey.count == 1_000 && records.sheets.count == 4)
    }

    @Test func thePlanFileHasTheDocumentedShape() {
        let yaml = SyntheticPerformance.renderPlanYAML(plan)
        let lines = yaml.split(separator: "\n").map(String.init)
        #expect(
            Array(lines.prefix(4)) == [
                "plan: 1", "contract:", "  id: \"HYJG-2020-FW-017-HT\"", "  tender: \"HYJG-2020-FW-017\"",
            ]
        )
        #expect(lines.contains("    - {id: cleaning, name: {zh: \"保洁服务\", en: \"Cleaning\"}}"))
        #expect(
            lines.contains(
                "    items: [{id: cleaning, points: 30}, {id: order-patrol, points: 25}, {id: maintenance, points: 25}, {id: conference, points: 20}]"
            )
        )
        #expect(
            lines.contains(
                "    answers: [{label: \"满意\", value: 100}, {label: \"基本满意\", value: 80}, {label: \"一般\", value: 60}, {label: \"不满意\", value: 0}]"
            )
        )
        #expect(lines.contains("    step: 0.5") && lines.contains("    monthly-cap: 20"))
        #expect(
            lines.contains(
                "  - {id: unqualified, name: {zh: 不合格, en: Unqualified}, at-least: 0, consequence: {zh: 停放奖励工资, en: Bonus wages withheld}}"
            )
        )
        let value = plan.evaluationPlan(file: "plan.yaml")
        #expect([value.survey.weight, value.team.weight, value.department.weight] == [40, 20, 40])
        #expect(value.department.items.map(\.points) == [30, 25, 25, 20])
        #expect(value.standings.map(\.atLeast) == [90, 70, 0])
    }

    @Test func theXMLSheetsHoldTheSameRecords() {
        var plan = plan
        plan.contractID = "HT-<1>&\"2\""
        let month = SyntheticPerformance.month(month: Self.may, plan: plan, scenario: scenario, seed: 7)
        let sheets = month.sheetsXML(plan: plan)
        #expect(
            sheets.map(\.name) == [
                "survey-2021-05.xml", "team-2021-05.xml", "department-2021-05.xml", "patrol-2021-05.xml",
            ]
        )
        let texts = sheets.map { String(decoding: $0.bytes, as: UTF8.self) }
        for (text, root) in zip(texts, ["survey", "teams", "departments", "patrol"]) {
            #expect(
                text.hasPrefix(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(root) xmlns=\"urn:tender-eval:performance:1\" "
                        + "contract=\"HT-&lt;1&gt;&amp;&quot;2&quot;\" month=\"2021-05\">\n"
                )
            )
            #expect(text.hasSuffix("</\(root)>\n"))
        }
        func count(_ needle: String, in text: String) -> Int {
            text.components(separatedBy: needle).count - 1
        }
        #expect(count("<response ", in: texts[0]) == month.respondents.count)
        #expect(count("<answer ", in: texts[0]) == month.respondents.flatMap(\.answers).filter { $0 >= 0 }.count)
        #expect(count("<team ", in: texts[1]) == month.teams.count)
        #expect(count("<score ", in: texts[2]) == month.departments.count)
        #expect(count("<finding ", in: texts[3]) == month.findings.count)
        #expect(month.sheetsXML(plan: plan).map(\.bytes) == sheets.map(\.bytes))
    }
}
