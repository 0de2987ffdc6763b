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

    // MARK: columns

    @Test func unknownMissingAndDuplicateColumnsAreNamed() {
        #expect(
            problems(.team, "班组,得分,备注\n一班,100,\n")
                == ["s.csv:1:7: error: unknown column '备注'; a team sheet has the columns 班组|team, 得分|score, 理由|reason"]
        )
        #expect(
            problems(.team, "team,Reason\n一班,好\n")
                == ["s.csv:1:1: error: team sheet has no score (得分) column"]
        )
        #expect(
            problems(.team, "班组,得分,SCORE\n一班,100,100\n")
                == ["s.csv:1:7: error: column 'SCORE' repeats the score (得分) column (first at s.csv:1:4)"]
        )
        #expect(
            problems(.patrol, "编号,日期,地点,项目,问题,扣分\n")
                == [
                    "s.csv:1:1: error: patrol sheet has no photo (照片) column; the plan requires a photo for every "
                        + "finding (photo: required)"
                ]
        )
        #expect(problems(.patrol, "编号,日期,地点,项目,问题,扣分\n", plan: PerformanceTestPlan.make(photoRequired: false)) == [])
        #expect(
            problems(.team, "\n\n")
                == ["s.csv:1:1: error: team sheet is empty; expected the header 班组|team,得分|score,理由|reason"]
        )
    }

    @Test func surveyItemColumnsAreCheckedAgainstThePlan() {
        #expect(
            problems(.survey, "编号,cleaning,秩序维护,maintenance,会务服务,绿化\nR1,满意,满意,满意,满意,满意\n")
                == [
                    "s.csv:1:35: error: unknown column '绿化'; a survey sheet has the columns 编号|respondent, "
                        + "提交时间|submitted and one column per surveyed item, named by its id or name: cleaning "
                        + "(保洁服务|Cleaning), order-patrol (秩序维护|Order and patrol), maintenance (工程维修|Engineering "
                        + "maintenance), conference (会务服务|Conference services)"
                ]
        )
        #expect(
            problems(.survey, "respondent,cleaning,秩序维护,maintenance\nR1,满意,满意,满意\n")
                == [
                    "s.csv:1:1: error: survey sheet has no column for item conference (会务服务|Conference services); it "
                        + "has one column per surveyed item"
                ]
        )
        #expect(
            problems(.survey, "respondent,cleaning,保洁服务,秩序维护,maintenance,conference\n")
                == [
                    "s.csv:1:21: error: column '保洁服务' repeats the item cleaning (保洁服务|Cleaning) column (first at "
                        + "s.csv:1:12)"
                ]
        )
    }

    // MARK: survey rows

    static let surveyHeader = "编号,提交时间,cleaning,order-patrol,maintenance,conference\n"
    static let goodResponses = "R1,,满意,满意,满意,满意\nR2,,满意,满意,满意,满意\nR3,,满意,满意,满意,满意\n"

    @Test func surveyRowProblemsAreLocatedAtTheirCells() {
        let sheet =
            Self.surveyHeader + Self.goodResponses
            + "R4,2021-04-01,很好,满意,,\n"
            + "R1,2021-03-02 8:00,满意,,,\n"
            + "R5,,,,,\n"
            + ",2021-03-31 24:00,满意,,,\n"
            + "R6,2021-02-29,满意,,,\n"
        #expect(
            problems(.survey, sheet) == [
                "s.csv:5:4: error: submitted 2021-04-01 is outside 2021-03, the month being recorded",
                "s.csv:5:15: error: answer '很好' for item 'cleaning' is not one of the plan's answers: 满意, 基本满意, 一般, 不满意",
                "s.csv:6:1: error: respondent 'R1' appears twice (first at s.csv:2:1)",
                "s.csv:6:4: error: submitted '2021-03-02 8:00' is not a time written YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]",
                "s.csv:7:1: error: respondent 'R5' answered nothing; a response needs at least one answer",
                "s.csv:8:1: error: respondent is empty",
                "s.csv:8:2: error: submitted '2021-03-31 24:00' is not a time written YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]",
                "s.csv:9:4: error: submitted '2021-02-29' is not a time written YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]",
            ]
        )
    }

    @Test func tooFewRespondentsIsAnErrorAtTheFile() {
        #expect(
            problems(.survey, Self.surveyHeader + "R1,,满意,,,\nR2,,,一般,,\n")
                == ["s.csv: error: the survey has 2 respondents; the plan requires at least 3 (minimum-responses)"]
        )
    }

    // MARK: team rows

    @Test func teamScoresAreNeverClamped() {
        let sheet =
            "班组,得分,理由\n"
            + "一班,101,太好\n"
            + "二班,-1,差\n"
            + "三班,95.5,偶有延误\n"
            + "四班,=1+1,\n"
            + "五班,九十,\n"
            + "六班,90.1234567,略\n"
            + "七班,90,\n"
            + "七班,100,\n"
            + ",100,\n"
            + "八班,,\n"
        #expect(
            problems(.team, sheet) == [
                "s.csv:2:4: error: score 101 of team '一班' is outside 0…100; scores are never clamped",
                "s.csv:3:4: error: score -1 of team '二班' is outside 0…100; scores are never clamped",
                "s.csv:4:4: error: score 95.5 of team '三班' is not a multiple of the step 1",
                "s.csv:5:4: error: score '=1+1' is a formula; type the value itself: a sheet records what was decided, "
                    + "not a computed result",
                "s.csv:6:4: error: score '九十' is not a plain decimal number",
                "s.csv:7:4: error: score '90.1234567' has 7 decimals; at most 6 are allowed",
                "s.csv:8:7: error: score 90 of team '七班' is below the maximum 100 and its reason is empty; the plan "
                    + "requires a reason for every score below the maximum (reasons: required)",
                "s.csv:9:1: error: team '七班' appears twice (first at s.csv:8:1)",
                "s.csv:10:1: error: team is empty",
                "s.csv:11:4: error: score is empty",
            ]
        )
    }

    @Test func aMissingReasonColumnIsNamedWhenReasonsAreRequired() {
        #expect(
            problems(.team, "班组,得分\n一班,99\n二班,100\n")
                == [
                    "s.csv:2:4: error: score 99 of team '一班' is below the maximum 100 and the sheet has no reason "
                        + "column; the plan requires a reason for every score below the maximum (reasons: required)"
                ]
        )
        #expect(problems(.team, "班组,得分\n一班,99\n二班,100\n", plan: PerformanceTestPlan.make(reasonsRequired: false)) == [])
    }

    @Test func tooFewTeamsIsAnErrorAtTheFile() {
        #expect(
            problems(.team, "班组,得分,理由\n一班,100,\n")
                == ["s.csv: error: the team sheet has 1 team; the plan requires at least 2 (minimum-teams)"]
        )
    }

    // MARK: department rows

    @Test func departmentsScoreEveryItemOnceWithinItsPoints() {
        let sheet =
            "科室,项目,得分,理由\n"
            + "办公室,cleaning,31,\n"
            + "办公室,cleaning,30,\n"
            + "办公室,order-patrol,24.25,慢\n"
            + "办公室,greening,10,\n"
            + "办公室,conference,20,\n"
            + "财务科,cleaning,30,\n"
            + "财务科,order-patrol,25,\n"
            + "财务科,maintenance,20,\n"
            + "财务科,conference,20,\n"
        #expect(
            problems(.department, sheet) == [
                "s.csv:2:14: error: score 31 for item 'cleaning' of department '办公室' is outside 0…30; scores are "
                    + "never clamped",
                "s.csv:3:5: error: department '办公室' scores item cleaning (保洁服务|Cleaning) twice (first at s.csv:2:5)",
                "s.csv:4:18: error: score 24.25 for item 'order-patrol' of department '办公室' is not a multiple of the "
                    + "step 0.5",
                "s.csv:5:5: error: unknown item 'greening'; the plan's department items are cleaning (保洁服务|Cleaning), "
                    + "order-patrol (秩序维护|Order and patrol), maintenance (工程维修|Engineering maintenance), conference "
                    + "(会务服务|Conference services)",
                "s.csv:9:20: error: score 20 for item 'maintenance' of department '财务科' is below the maximum 25 and "
                    + "its reason is empty; the plan requires a reason for every score below the maximum (reasons: "
                    + "required)",
                "s.csv:2:1: error: department '办公室' does not score item maintenance (工程维修|Engineering "
                    + "maintenance); every department scores every item once",
            ]
        )
        #expect(
            problems(.department, "科室,项目,得分,理由\n办公室,cleaning,30,\n办公室,保洁服务,30,\n")
                == [
                    "s.csv:3:5: error: department '办公室' scores item cleaning (保洁服务|Cleaning) twice (first at s.csv:2:5)",
                    "s.csv:2:1: error: department '办公室' does not score item order-patrol (秩序维护|Order and patrol); "
                        + "every department scores every item once",
                    "s.csv:2:1: error: department '办公室' does not score item maintenance (工程维修|Engineering "
                        + "maintenance); every department scores every item once",
                    "s.csv:2:1: error: department '办公室' does not score item conference (会务服务|Conference services); "
                        + "every department scores every item once",
                    "s.csv: error: the department sheet has 1 department; the plan requires at least 2 "
                        + "(minimum-departments)",
                ]
        )
    }

    // MARK: patrol rows

    static let patrolHeader = "编号,日期,地点,项目,问题,扣分,照片\n"

    @Test func patrolFindingsAreCheckedCellByCell() {
        let sheet =
            Self.patrolHeader
            + "P1,2021-03-04,东门,cleaning,积水,0,a.jpg\n"
            + "P2,2021-03-04,东门,cleaning,积水,5.5,a.jpg\n"
            + "P3,2021-02-30,东门,cleaning,积水,1,a.jpg\n"
            + "P4,2021-04-01,东门,cleaning,积水,1,a.jpg\n"
            + "P5,2021-03-04,东门,绿化,积水,1,a.jpg\n"
            + "P6,2021-03-04,东门,cleaning,积水,1,\n"
            + "P7,2021-03-04,东门,cleaning,积水,1,/etc/passwd\n"
            + "P8,2021-03-04,东门,cleaning,积水,1,photos/../../secret.jpg\n"
            + "P9,2021-03-04,东门,cleaning,积水,1,\"a\u{7}.jpg\"\n"
            + "P9,2021-03-04,,cleaning,,1,C:\\photos\\a.jpg\n"
        #expect(
            problems(.patrol, sheet) == [
                "s.csv:2:30: error: deduction 0 is not above 0; a finding deducts a positive number",
                "s.csv:3:30: error: deduction 5.5 is above the maximum per finding (maximum-per-finding) 5; deductions "
                    + "are never clamped",
                "s.csv:4:4: error: date '2021-02-30' is not a real date written YYYY-MM-DD",
                "s.csv:5:4: error: date 2021-04-01 is outside 2021-03, the month being recorded",
                "s.csv:6:18: error: unknown item '绿化'; the contract's service items are cleaning (保洁服务|Cleaning), "
                    + "order-patrol (秩序维护|Order and patrol), maintenance (工程维修|Engineering maintenance), conference "
                    + "(会务服务|Conference services)",
                "s.csv:7:32: error: photo is empty; the plan requires a photo for every finding (photo: required)",
                "s.csv:8:32: error: photo path '/etc/passwd' is absolute; name the photo relative to the photos folder",
                "s.csv:9:32: error: photo path 'photos/../../secret.jpg' climbs out of the photos folder with '..'",
                "s.csv:10:32: error: photo path 'a\\u{07}.jpg' contains a control character",
                "s.csv:11:1: error: finding 'P9' appears twice (first at s.csv:10:1)",
                "s.csv:11:15: error: place is empty",
                "s.csv:11:25: error: description is empty",
                "s.csv:11:28: error: photo path 'C:\\\\photos\\\\a.jpg' is absolute; name the photo relative to the photos folder",
            ]
        )
    }

    @Test func aPhotoMayBeLeftOutWhenThePlanSaysOptional() throws {
        let findings = try PerformanceSheetReader.readPatrol(
            Array((Self.patrolHeader + "P1,2021-03-04,东门,cleaning,积水,1,\n").utf8),
            file: "p.csv",
            plan: PerformanceTestPlan.make(photoRequired: false),
            month: Self.march
        )
        #expect(findings.map(\.photo) == [nil])
    }

    // MARK: many problems

    @Test func problemsAreCappedPerFile() {
        let rows = (1...70).map { "班组\($0),200,\n" }.joined()
        let found = problems(.team, "班组,得分,理由\n" + rows)
        #expect(found.count == DiagnosticLimit.perFile + 1)
        #expect(found.last == "s.csv: error: … and 20 more problems in this file (only the first 50 are listed)")
    }

    // MARK: XML

    static func xml(_ root: String, _ body: String, contract: String = "HYJG-2020-FW-017-HT", month: String = "2021-03")
        -> String
    {
        xmlHead + #"<\#(root) xmlns="urn:tender-eval:performance:1" contract="\#(contract)" month="\#(month)">"# + "\n"
            + body + "</\(root)>\n"
    }

    @Test func xmlProblemsAreLocatedAtTheirElements() {
        let sheet = Self.xml(
            "teams",
            #"""
              <team name="一班" score="101">太好</team>
              <team name="二班" score="=1+1"/>
              <team name="三班" score="90"/>
              <team name="一班" score="100"/>

            """#
        )
        #expect(
            problems(.team, sheet, file: "t.xml") == [
                "t.xml:3: error: score 101 of team '一班' is outside 0…100; scores are never clamped",
                "t.xml:4: error: score '=1+1' is a formula; type the value itself: a sheet records what was decided, "
                    + "not a computed result",
                "t.xml:5: error: score 90 of team '三班' is below the maximum 100 and its reason is empty; the plan "
                    + "requires a reason for every score below the maximum (reasons: required)",
                "t.xml:6: error: team '一班' appears twice (first at t.xml:3)",
            ]
        )
    }

    @Test func xmlSurveyAnswersNameKnownItemsOnce() {
        let sheet = Self.xml(
            "survey",
            #"""
              <response id="R1" submitted="2021-03-01"><answer item="greening">满意</answer></response>
              <response id="R2">
                <answer item="cleaning">满意</answer>
                <answer item="Cleaning">一般</answer>
              </response>
              <response id="R3"/>
              <response id="R4"><answer item="cleaning"> </answer></response>

            """#
        )
        #expect(
            problems(.survey, sheet, file: "s.xml") == [
                "s.xml:3: error: unknown item 'greening'; the survey asks about cleaning (保洁服务|Cleaning), "
                    + "order-patrol (秩序维护|Order and patrol), maintenance (工程维修|Engineering maintenance), conference "
                    + "(会务服务|Conference services)",
                "s.xml:6: error: item cleaning (保洁服务|Cleaning) is answered twice in this response (first at s.xml:5)",
                "s.xml:8: error: respondent 'R3' answered nothing; a response needs at least one answer",
                "s.xml:9: error: respondent 'R4' answered nothing; a response needs at least one answer",
            ]
        )
    }

    @Test func xmlSheetMustBeForThePlansContractAndTheMonth() {
        let sheet = Self.xml("teams", "", contract: "OTHER-HT", month: "2021-04")
        #expect(
            problems(.team, sheet, file: "t.xml") == [
                "t.xml:2: error: the sheet is for contract 'OTHER-HT', not the plan's contract 'HYJG-2020-FW-017-HT'",
                "t.xml:2: error: the sheet is for month 2021-04, not 2021-03, the month being recorded",
            ]
        )
    }

    @Test func xmlSheetOfAnotherKindOrNamespaceIsRefused() {
        #expect(
            problems(.team, Self.xml("patrol", ""), file: "t.xml") == [
                "t.xml:2: error: root element <patrol> (namespace urn:tender-eval:performance:1) is not a team sheet; "
                    + "expected <teams> in namespace urn:tender-eval:performance:1"
            ]
        )
        #expect(
            problems(.team, Self.xmlHead + #"<teams contract="x" month="2021-03"/>"#, file: "t.xml") == [
                "t.xml:2: error: root element <teams> (namespace none) is not a team sheet; expected <teams> in "
                    + "namespace urn:tender-eval:performance:1"
            ]
        )
    }

    @Test func xmlSheetIsValidatedAgainstTheSchema() {
        let sheet = Self.xml(
            "teams",
            #"""
              <team name="一班" points="100"/>

            """#
        )
        #expect(
            problems(.team, sheet, file: "t.xml") == [
                "t.xml:3: error: performance sheet does not follow the performance sheet schema: element 'team', "
                    + "attribute 'points': The attribute 'points' is not allowed",
                "t.xml:3: error: performance sheet does not follow the performance sheet schema: element 'team': "
                    + "The attribute 'score' is required but missing",
            ]
        )
    }

    @Test func embeddedSchemaIsTheSchemaFileAndLoads() throws {
        let file = try Data(
            contentsOf: SharedData.repositoryRoot.appendingPathComponent("schemas/tender-performance-1.xsd")
        )
        #expect(Array(PerformanceSchemaText.text.utf8) == [UInt8](file))
        #expect(PerformanceXMLRows.schema.loadProblems.isEmpty)
    }

    @Test func malformedXMLIsReportedAsASheetProblem() {
        #expect(
            problems(.team, Self.xmlHead + "<teams>\n<team>\n</teams>\n", file: "t.xml") == [
                "t.xml:4:9: error: performance sheet is not well-formed XML: opening and ending tag mismatch: team "
                    + "line 3 and teams"
            ]
        )
    }

    /// Entity bombs and external entities from the shared hostile corpus are refused before any expansion: an
    /// error at the declaration, quickly, and nothing of another file in it.
    @Test(.enabled(if: SharedData.available("corpus/hostile"), "needs ../shared/corpus/hostile beside the clone"))
    func hostileXMLIsRefused() throws {
        guard let folder = sharedCorpus("hostile") else { return }
        let entity = "error: performance sheet uses an entity declaration; entities are not allowed in sheets"
        let doctype =
            "error: performance sheet contains a document type declaration (DOCTYPE); sheets must not declare DTDs"
        let expected = [
            "defusedxml_xmlbomb.xml": "2:1: \(entity)",
            "defusedxml_quadratic.xml": "2:1: \(entity)",
            "defusedxml_external-file.xml": "2:1: \(entity)",
            "defusedxml_external-http.xml": "2:1: \(entity)",
            "defusedxml_external-dtd.xml": "2:1: \(doctype)",
            "libxml2_lol_classic.xml": "2:3: \(entity)",
            "libxml2_lol_param.xml": "20:3: \(entity)",
            "libxml2_rec_ext_ent.xml": "2:3: \(entity)",
            "payloadsallthethings_classic-xxe-etc-passwd.xml": "2:1: \(doctype)",
            "selfwritten_deep-nesting-300.xml": "3:52: error: performance sheet nests elements more than 16 levels "
                + "deep; the limit is 16",
        ]
        for (name, diagnostic) in expected.sorted(by: { $0.key < $1.key }) {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let start = ContinuousClock.now
            for kind in PerformanceSheetKind.allCases {
                let found = problems(kind, bytes, file: name)
                #expect(found == ["\(name):\(diagnostic)"], "\(name) as a \(kind.noun)")
                #expect(!found.joined().contains("root:x:0:0"), "\(name) leaks /etc/passwd")
            }
            // A hang guard, not a benchmark: each read takes milliseconds.
            #expect(ContinuousClock.now - start < .seconds(2), "\(name)")
        }
    }

    // MARK: XLSX department sheets

    @Test func departmentWorkbookReadsAsTheCSV() throws {
        let csv = try PerformanceSheetReader.readDepartments(
            fixtureText("departments-2021-03.csv"),
            file: "d.csv",
            plan: Self.plan,
            month: Self.march
        )
        let workbook = try PerformanceSheetReader.readDepartments(
            fixtureText("departments-2021-03.xlsx"),
            file: "d.xlsx",
            plan: Self.plan,
            month: Self.march
        )
        let strip: (DepartmentScore) -> [String] = { [$0.department, $0.item, $0.score.plainText, $0.reason ?? ""] }
        #expect(workbook.map(strip) == csv.map(strip))
        #expect(workbook[5].location.description == "d.xlsx:科室考评!C7")
    }

    @Test func aFormulaInAWorkbookCellIsRefused() throws {
        #expect(
            problems(.department, try fixtureText("departments-2021-03-formula.xlsx"), file: "d.xlsx") == [
                "d.xlsx:科室考评!C7: error: the score cell holds a formula (=SUM(20,4)); type the value itself: a sheet "
                    + "records what was decided, not a computed result"
            ]
        )
    }
}
