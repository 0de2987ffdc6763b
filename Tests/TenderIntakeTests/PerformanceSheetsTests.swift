import Foundation
import TenderCore
import TenderModel
import TenderTestSupport
import Testing

@testable import TenderIntake

/// A plan built directly (the plan loader lives in TenderRubric): four services, survey answers 100/80/60/0,
/// team scores in steps of 1, department items 30/25/25/20 in steps of 0.5, patrol at most 5 per finding.
enum PerformanceTestPlan {
    static func make(
        minimumResponses: Int = 3,
        minimumTeams: Int = 2,
        minimumDepartments: Int = 2,
        reasonsRequired: Bool = true,
        photoRequired: Bool = true
    ) -> EvaluationPlan {
        let at = SourceLocation(file: "plan.yaml", line: 1, column: 1)
        func service(_ id: String, _ zh: String, _ en: String) -> ServiceItem {
            ServiceItem(id: id, name: LocalizedText(zh: zh, en: en), location: at)
        }
        let services = [
            service("cleaning", "保洁服务", "Cleaning"),
            service("order-patrol", "秩序维护", "Order and patrol"),
            service("maintenance", "工程维修", "Engineering maintenance"),
            service("conference", "会务服务", "Conference services"),
        ]
        return EvaluationPlan(
            contract: PerformanceContract(
                id: "HYJG-2020-FW-017-HT",
                tenderID: "HYJG-2020-FW-017",
                buyer: LocalizedText(zh: "台州市黄岩区机关事务中心"),
                contractor: PerformanceContractor(name: "台州清和物业服务有限公司", registrationID: "91331003MA2AXXXXXX"),
                services: services,
                start: "2021-01-01",
                end: "2021-12-31",
                location: at
            ),
            decimals: 2,
            rounding: .perSource,
            survey: SurveySource(
                weight: 40,
                answers: [
                    SurveyAnswer(label: "满意", value: 100), SurveyAnswer(label: "基本满意", value: 80),
                    SurveyAnswer(label: "一般", value: 60), SurveyAnswer(label: "不满意", value: 0),
                ],
                items: services.map(\.id),
                minimumResponses: minimumResponses,
                location: at
            ),
            team: TeamSource(
                weight: 20,
                step: 1,
                minimumTeams: minimumTeams,
                reasonsRequired: reasonsRequired,
                location: at
            ),
            department: DepartmentSource(
                weight: 40,
                items: [
                    DepartmentItem(id: "cleaning", points: 30, location: at),
                    DepartmentItem(id: "order-patrol", points: 25, location: at),
                    DepartmentItem(id: "maintenance", points: 25, location: at),
                    DepartmentItem(id: "conference", points: 20, location: at),
                ],
                step: Points(units: 500_000),
                minimumDepartments: minimumDepartments,
                reasonsRequired: reasonsRequired,
                location: at
            ),
            patrol: PatrolSource(maximumPerFinding: 5, monthlyCap: 20, photoRequired: photoRequired, location: at),
            standings: [
                Standing(id: "excellent", name: LocalizedText(zh: "优秀"), atLeast: 90, consequence: nil, location: at),
                Standing(id: "qualified", name: LocalizedText(zh: "合格"), atLeast: 70, consequence: nil, location: at),
                Standing(id: "unqualified", name: LocalizedText(zh: "不合格"), atLeast: 0, consequence: nil, location: at),
            ],
            rules: [],
            location: at
        )
    }
}

@Suite struct PerformanceSheetsTests {
    static let march = YearMonth(year: 2021, month: 3)!
    static let plan = PerformanceTestPlan.make()
    static let xmlHead =
        #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"

    func fixtureText(_ name: String) throws -> [UInt8] {
        try fixture("performance/\(name)")
    }

    /// The diagnostics reading `text` as sheet `kind` gives, each as `file:line:col: severity: message`.
    func problems(
        _ kind: PerformanceSheetKind,
        _ text: String,
        file: String = "s.csv",
        plan: EvaluationPlan = plan
    ) -> [String] {
        problems(kind, Array(text.utf8), file: file, plan: plan)
    }

    func problems(_ kind: PerformanceSheetKind, _ bytes: [UInt8], file: String, plan: EvaluationPlan = plan) -> [String]
    {
        do {
            switch kind {
            case .survey: _ = try PerformanceSheetReader.readSurvey(bytes, file: file, plan: plan, month: Self.march)
            case .team: _ = try PerformanceSheetReader.readTeams(bytes, file: file, plan: plan, month: Self.march)
            case .department:
                _ = try PerformanceSheetReader.readDepartments(bytes, file: file, plan: plan, month: Self.march)
            case .patrol: _ = try PerformanceSheetReader.readPatrol(bytes, file: file, plan: plan, month: Self.march)
            }
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    // MARK: valid sheets

    @Test func surveyCSVAndXMLGiveTheSameResponses() throws {
        let csv = try PerformanceSheetReader.readSurvey(
            fixtureText("survey-2021-03.csv"),
            file: "survey.csv",
            plan: Self.plan,
            month: Self.march
        )
        let xml = try PerformanceSheetReader.readSurvey(
            fixtureText("survey-2021-03.xml"),
            file: "survey.xml",
            plan: Self.plan,
            month: Self.march
        )
        #expect(csv.map(\.respondent) == ["R001", "R002", "R003", "R004"])
        #expect(
            csv[1].answers == [
                SurveyItemAnswer(item: "cleaning", answer: "基本满意"),
                SurveyItemAnswer(item: "maintenance", answer: "一般"),
                SurveyItemAnswer(item: "conference", answer: "满意"),
            ]
        )
        #expect(csv[2].answers.map(\.item) == ["cleaning", "order-patrol"])
        #expect(csv.map(\.answers) == xml.map(\.answers))
        #expect(csv.map(\.respondent) == xml.map(\.respondent))
        #expect(csv[1].location.description == "survey.csv:3:1")
        #expect(xml[1].location.description == "survey.xml:9")
    }

    @Test(arguments: ["survey-2021-03-bom.csv", "survey-2021-03-gb18030.csv"])
    func surveyWithBOMOrInGB18030ReadsTheSame(_ name: String) throws {
        let plain = try PerformanceSheetReader.readSurvey(
            fixtureText("survey-2021-03.csv"),
            file: "s.csv",
            plan: Self.plan,
            month: Self.march
        )
        let other = try PerformanceSheetReader.readSurvey(
            fixtureText(name),
            file: "s.csv",
            plan: Self.plan,
            month: Self.march
        )
        #expect(other == plain)
    }

    @Test func teamCSVAndXMLGiveTheSameRecommendations() throws {
        let csv = try PerformanceSheetReader.readTeams(
            fixtureText("teams-2021-03.csv"),
            file: "teams.csv",
            plan: Self.plan,
            month: Self.march
        )
        let xml = try PerformanceSheetReader.readTeams(
            fixtureText("teams-2021-03.xml"),
            file: "teams.xml",
            plan: Self.plan,
            month: Self.march
        )
        #expect(csv.map(\.team) == ["保洁一班", "秩序维护班", "工程维修班"])
        #expect(csv.map(\.score) == [95, 100, 88])
        #expect(csv.map(\.reason) == ["走廊地面偶有水渍", nil, "报修响应慢,一次超时"])
        #expect(csv.map(\.location.description) == ["teams.csv:2:6", "teams.csv:3:7", "teams.csv:4:7"])
        #expect(xml.map(\.location.description) == ["teams.xml:3", "teams.xml:4", "teams.xml:5"])
        #expect(
            csv.map { [$0.team, $0.score.plainText, $0.reason ?? ""] }
                == xml.map { [$0.team, $0.score.plainText, $0.reason ?? ""] }
        )
    }

    @Test func departmentCSVAndXMLGiveTheSameScores() throws {
        let csv = try PerformanceSheetReader.readDepartments(
            fixtureText("departments-2021-03.csv"),
            file: "d.csv",
            plan: Self.plan,
            month: Self.march
        )
        let xml = try PerformanceSheetReader.readDepartments(
            fixtureText("departments-2021-03.xml"),
            file: "d.xml",
            plan: Self.plan,
            month: Self.march
        )
        #expect(csv.count == 8)
        #expect(
            csv.map(\.item) == [
                "cleaning", "order-patrol", "maintenance", "conference", "cleaning", "order-patrol", "maintenance",
                "conference",
            ]
        )
        #expect(csv[5].score == Points(units: 24_500_000))
        #expect(csv[5].reason == "访客登记漏记一次")
        #expect(csv[1].reason == nil)
        let strip: (DepartmentScore) -> [String] = { [$0.department, $0.item, $0.score.plainText, $0.reason ?? ""] }
        #expect(csv.map(strip) == xml.map(strip))
    }

    @Test func patrolCSVAndXMLGiveTheSameFindings() throws {
        let csv = try PerformanceSheetReader.readPatrol(
            fixtureText("patrol-2021-03.csv"),
            file: "p.csv",
            plan: Self.plan,
            month: Self.march
        )
        let xml = try PerformanceSheetReader.readPatrol(
            fixtureText("patrol-2021-03.xml"),
            file: "p.xml",
            plan: Self.plan,
            month: Self.march
        )
        #expect(csv.count == 2)
        #expect(csv[1].id == "P-2021-03-02")
        #expect(csv[1].date == "2021-03-18")
        #expect(csv[1].place == "东门岗亭")
        #expect(csv[1].item == "order-patrol")
        #expect(csv[1].description == "岗亭无人值守,约 15 分钟")
        #expect(csv[1].deduction == Points(units: 3_500_000))
        #expect(csv[1].photo == "photos/p-2021-03-02.jpg")
        #expect(csv.allSatisfy { $0.photoSHA256 == nil })
        var unlocated = xml
        for index in unlocated.indices { unlocated[index].location = csv[index].location }
        #expect(unlocated == csv)
    }

    @Test func patrolSheetWithOnlyAHeaderMeansNoFindings() throws {
        for text in [
            "编号,日期,地点,项目,问题,扣分,照片\r\n",
            Self.xmlHead
                + #"<patrol xmlns="urn:tender-eval:performance:1" contract="HYJG-2020-FW-017-HT" month="2021-03"/>"#,
        ] {
            #expect(
                try PerformanceSheetReader.readPatrol(Array(text.utf8), file: "p", plan: Self.plan, month: Self.march)
                    .isEmpty
            )
        }
    }

    @Test func formatIsChosenByTheFirstNonBlankByte() {
        #expect(PerformanceSheetReader.isXML(Array("\u{FEFF}  \n<teams/>".utf8)))
        #expect(!PerformanceSheetReader.isXML(Array("班组,得分\n".utf8)))
        #expect(!PerformanceSheetReader.isXML([]))
    }
}
