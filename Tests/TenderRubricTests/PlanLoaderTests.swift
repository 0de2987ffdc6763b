import Foundation
import TenderCore
import TenderFuzzChecks
import TenderModel
import TenderTestSupport
import Testing

@testable import TenderRubric

/// The evaluation plan of the example contract (Fixtures/plans/valid.yaml), loaded as it is and with one thing
/// changed at a time, each change checked against its exact diagnostics.
@Suite struct PlanLoaderTests {
    static func validText() throws -> String {
        String(decoding: try RubricFixtures.bytes("plans/valid.yaml"), as: UTF8.self)
    }

    /// The valid plan with each `(old, new)` replaced once (the test fails when `old` is not there).
    static func text(replacing changes: [(String, String)]) throws -> String {
        var text = try validText()
        for (old, new) in changes {
            let range = try #require(text.range(of: old), "the plan has no '\(old)'")
            text.replaceSubrange(range, with: new)
        }
        return text
    }

    static func errors(_ yaml: String, file: String = "plan.yaml") -> [String] {
        do {
            _ = try PlanLoader.load(bytes: Array(yaml.utf8), file: file)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static func errors(replacing changes: [(String, String)]) throws -> [String] {
        errors(try text(replacing: changes))
    }

    static func load(_ yaml: String) throws -> EvaluationPlan {
        try PlanLoader.load(bytes: Array(yaml.utf8), file: "plan.yaml")
    }

    // MARK: The valid plan

    @Test func theExamplePlanLoadsWithEveryValue() throws {
        let plan = try Self.load(try Self.validText())
        let contract = plan.contract
        #expect(contract.id == "HYJG-2020-FW-017-HT")
        #expect(contract.tenderID == "HYJG-2020-FW-017")
        #expect(contract.buyer.zh == "台州市黄岩区机关事务中心")
        #expect(contract.buyer.en == "Huangyan District Government Offices Administration Centre, Taizhou")
        #expect(
            contract.contractor == PerformanceContractor(name: "台州清和物业服务有限公司", registrationID: "91331003MA2AK7Q21E")
        )
        #expect(contract.services.map(\.id) == ["cleaning", "order-patrol", "maintenance", "conference"])
        #expect(contract.services.map(\.name.zh) == ["保洁服务", "秩序维护", "工程维修", "会务服务"])
        #expect(contract.services[3].name.en == "Conference services")
        #expect(contract.services[1].location == SourceLocation(file: "plan.yaml", line: 14, column: 7))
        #expect(contract.start == "2021-01-01")
        #expect(contract.end == "2023-12-31")
        #expect(plan.months.count == 36)
        #expect(plan.months.first?.description == "2021-01")
        #expect(plan.months.last?.description == "2023-12")
        #expect(plan.decimals == 2)
        #expect(plan.rounding == .perSource)
        #expect(plan.location == SourceLocation(file: "plan.yaml", line: 4, column: 1))

        #expect(plan.survey.weight == 40)
        #expect(plan.survey.answers.map(\.label) == ["满意", "基本满意", "一般", "不满意"])
        #expect(plan.survey.answers.map(\.value) == [100, 80, 60, 0])
        #expect(plan.survey.items == ["cleaning", "order-patrol", "maintenance", "conference"])
        #expect(plan.survey.minimumResponses == 30)
        #expect(plan.survey.location == SourceLocation(file: "plan.yaml", line: 23, column: 5))

        #expect(plan.team.weight == 20)
        #expect(plan.team.step == 1)
        #expect(plan.team.minimumTeams == 3)
        #expect(plan.team.reasonsRequired)

        #expect(plan.department.weight == 40)
        #expect(plan.department.items.map(\.id) == ["cleaning", "order-patrol", "maintenance", "conference"])
        #expect(plan.department.items.map(\.points) == [30, 25, 25, 20])
        #expect(plan.department.step == Points(units: 500_000))
        #expect(plan.department.minimumDepartments == 3)
        #expect(plan.department.reasonsRequired)

        #expect(plan.patrol.maximumPerFinding == 5)
        #expect(plan.patrol.monthlyCap == 20)
        #expect(plan.patrol.photoRequired)

        #expect(plan.standings.map(\.id) == ["excellent", "qualified", "unqualified"])
        #expect(plan.standings.map(\.atLeast) == [90, 70, 0])
        #expect(plan.standings[0].consequence == LocalizedText(zh: "增发奖励工资", en: "Extra bonus wages"))
        #expect(plan.standings[1].consequence == nil)
        #expect(plan.standings[2].name == LocalizedText(zh: "不合格", en: "Unqualified"))
        #expect(plan.standing(for: Points(units: 89_995_000)).id == "qualified")
        #expect(plan.standing(for: 90).id == "excellent")
        #expect(plan.standing(for: Points(units: 69_990_000)).id == "unqualified")

        #expect(plan.rules.count == 1)
        let rule = try #require(plan.rules.first)
        #expect(rule.id == "three-unqualified")
        #expect(rule.standing == "unqualified")
        #expect(rule.count == 3)
        #expect(rule.withinMonths == 12)
        #expect(rule.consequence.zh == "下次招标时提请评标委员会注意")
        #expect(rule.warnsNextTender)
        #expect(rule.location == SourceLocation(file: "plan.yaml", line: 47, column: 5))
    }

    @Test func leftOutKeysTakeTheirDefaults() throws {
        let plan = try Self.load(
            try Self.text(replacing: [
                ("decimals: 2\n", ""), ("rounding: per-source\n", ""),
                ("    items: [cleaning, order-patrol, maintenance, conference]\n", ""),
                ("    step: 1\n", ""), ("    step: 0.5\n", ""),
                ("    minimum-teams: 3\n    reasons: required\n", "    minimum-teams: 3\n"),
                ("    minimum-departments: 3\n    reasons: required\n", "    minimum-departments: 3\n"),
                ("    photo: required\n", ""),
                ("    warns-next-tender: true\n", ""),
            ])
        )
        #expect(plan.decimals == 2)
        #expect(plan.rounding == .perSource)
        #expect(plan.survey.items == ["cleaning", "order-patrol", "maintenance", "conference"])
        #expect(plan.team.step == nil)
        #expect(plan.team.reasonsRequired)
        #expect(plan.department.step == nil)
        #expect(plan.department.reasonsRequired)
        #expect(plan.patrol.photoRequired)
        #expect(plan.rules.first?.warnsNextTender == false)
    }

    @Test func statedChoicesAreRead() throws {
        let plan = try Self.load(
            try Self.text(replacing: [
                ("decimals: 2", "decimals: 0"), ("rounding: per-source", "rounding: total"),
                ("    items: [cleaning, order-patrol, maintenance, conference]", "    items: [conference, cleaning]"),
                ("    reasons: required", "    reasons: optional"), ("photo: required", "photo: optional"),
                ("rules:\n", "rules: []\nremoved:\n"),
            ]).replacingOccurrences(of: "removed:\n", with: "").components(separatedBy: "  - id: three-unqualified")[0]
        )
        #expect(plan.decimals == 0)
        #expect(plan.rounding == .total)
        #expect(plan.survey.items == ["conference", "cleaning"])
        #expect(!plan.team.reasonsRequired)
        #expect(plan.department.reasonsRequired)
        #expect(!plan.patrol.photoRequired)
        #expect(plan.rules.isEmpty)
    }

    // MARK: Sums

    @Test func weightsThatMissOneHundredByATenthAreAnError() throws {
        #expect(
            try Self.errors(replacing: [
                ("weight: 40\n    answers", "weight: 33.3\n    answers"), ("weight: 20", "weight: 33.3"),
                ("weight: 40\n    items", "weight: 33.3\n    items"),
            ]) == [
                "plan.yaml:22:3: error: source weights sum to 99.9, not 100 (survey 33.3 + team 33.3 + department 33.3)"
            ]
        )
    }

    @Test func weightsAboveOneHundredAreAnError() throws {
        #expect(
            try Self.errors(replacing: [("weight: 20", "weight: 20.000001")]) == [
                "plan.yaml:22:3: error: source weights sum to 100.000001, not 100 (survey 40 + team 20.000001 + "
                    + "department 40)"
            ]
        )
    }

    @Test func aZeroOrOutOfRangeWeightIsAnError() throws {
        #expect(
            try Self.errors(replacing: [
                ("weight: 20", "weight: 0"), ("weight: 40\n    items", "weight: 140\n    items"),
            ])
                == [
                    "plan.yaml:28:13: error: weight must be greater than 0; every source the plan lists counts in the "
                        + "monthly score",
                    "plan.yaml:33:13: error: weight must be a percentage from 0 to 100, found '140'",
                ]
        )
    }

    @Test func departmentItemPointsMustSumToOneHundred() throws {
        #expect(
            try Self.errors(replacing: [("{id: conference, points: 20}", "{id: conference, points: 19}")]) == [
                "plan.yaml:34:12: error: department item points sum to 99, not 100 (cleaning 30 + order-patrol 25 + "
                    + "maintenance 25 + conference 19)"
            ]
        )
    }

    // MARK: Standings and rules

    @Test func standingsMustDescendStrictly() throws {
        #expect(
            try Self.errors(replacing: [("at-least: 70", "at-least: 90")]) == [
                "plan.yaml:44:62: error: standing 'qualified' starts at 90, not below the standing above it "
                    + "('excellent' at 90); list the standings from the highest threshold down"
            ]
        )
    }

    @Test func theLastStandingMustStartAtZero() throws {
        #expect(
            try Self.errors(replacing: [("at-least: 0,", "at-least: 10,")]) == [
                "plan.yaml:45:5: error: the last standing 'unqualified' starts at 10; the last standing must start "
                    + "at 0 so that every monthly score has a standing"
            ]
        )
    }

    @Test func standingIDsAreUnique() throws {
        #expect(
            try Self.errors(replacing: [("{id: qualified,", "{id: excellent,")]) == [
                "plan.yaml:44:10: error: standing id 'excellent' is already used by the standing at line 43, column 5"
            ]
        )
    }

    @Test func aRuleMustNameAStandingOfThePlan() throws {
        #expect(
            try Self.errors(replacing: [("standing: unqualified", "standing: unqalified")]) == [
                "plan.yaml:48:15: error: rule 'three-unqualified' names standing 'unqalified', which the plan does "
                    + "not have; its standings are 'excellent', 'qualified', 'unqualified'; did you mean 'unqualified'?"
            ]
        )
    }

    @Test func withinMonthsMustHoldTheCount() throws {
        #expect(
            try Self.errors(replacing: [("within-months: 12", "within-months: 2")]) == [
                "plan.yaml:50:20: error: within-months 2 is less than count 3: 3 months cannot fall within 2"
            ]
        )
        #expect(
            try Self.errors(replacing: [("count: 3", "count: 0")]) == [
                "plan.yaml:49:12: error: count must be a whole number from 1 to 120, found '0'"
            ]
        )
    }

    // MARK: Service items

    @Test func anUnknownSurveyItemIsAnErrorWithASuggestion() throws {
        #expect(
            try Self.errors(replacing: [("items: [cleaning, order-patrol,", "items: [clening, order-patrol,")]) == [
                "plan.yaml:25:13: error: survey item 'clening' is not a service item of the contract; its service "
                    + "items are 'cleaning', 'order-patrol', 'maintenance', 'conference'; did you mean 'cleaning'?"
            ]
        )
    }

    @Test func anUnknownDepartmentItemIsAnError() throws {
        #expect(
            try Self.errors(replacing: [("{id: maintenance, points: 25}", "{id: repairs, points: 25}")]) == [
                "plan.yaml:34:78: error: department item 'repairs' is not a service item of the contract; its "
                    + "service items are 'cleaning', 'order-patrol', 'maintenance', 'conference'"
            ]
        )
    }

    @Test func aServiceOrItemNamedTwiceIsAnError() throws {
        #expect(
            try Self.errors(replacing: [("{id: conference, name: {zh: 会务服务", "{id: cleaning, name: {zh: 会务服务")])
                == [
                    // The survey and department items are not checked against a broken list of services.
                    "plan.yaml:16:12: error: service item id 'cleaning' is already used by the service item at line "
                        + "13, column 7"
                ]
        )
        #expect(
            try Self.errors(replacing: [("{id: conference, points: 20}", "{id: cleaning, points: 20}")]) == [
                "plan.yaml:34:109: error: department item 'cleaning' is already listed at line 34, column 13"
            ]
        )
        #expect(
            try Self.errors(replacing: [("items: [cleaning, order-patrol,", "items: [cleaning, cleaning,")]) == [
                "plan.yaml:25:23: error: survey item 'cleaning' is named twice"
            ]
        )
    }

    // MARK: Dates

    @Test func datesMustBeRealDays() throws {
        #expect(
            try Self.errors(replacing: [("start: 2021-01-01", "start: 2021-02-29")]) == [
                "plan.yaml:17:10: error: start '2021-02-29' is not a real calendar date"
            ]
        )
        #expect(
            try Self.errors(replacing: [("end: 2023-12-31", "end: 2023-13-01")]) == [
                "plan.yaml:18:8: error: end '2023-13-01' is not a real calendar date"
            ]
        )
        #expect(
            try Self.errors(replacing: [("start: 2021-01-01", "start: 2021/01/01")]) == [
                "plan.yaml:17:10: error: start must be a date written YYYY-MM-DD, found '2021/01/01'"
            ]
        )
        // 2024 is a leap year: the day exists.
        #expect(try Self.errors(replacing: [("end: 2023-12-31", "end: 2024-02-29")]).isEmpty)
    }

    @Test func theContractCannotEndBeforeItStarts() throws {
        #expect(
            try Self.errors(replacing: [("end: 2023-12-31", "end: 2020-12-31")]) == [
                "plan.yaml:18:8: error: the contract ends on 2020-12-31, before it starts (2021-01-01); 'end' is the "
                    + "contract's last day"
            ]
        )
        // A one-day contract is a contract.
        #expect(try Self.errors(replacing: [("end: 2023-12-31", "end: 2021-01-01")]).isEmpty)
    }

    // MARK: Numbers and choices

    @Test func decimalsAreZeroToFour() throws {
        #expect(
            try Self.errors(replacing: [("decimals: 2", "decimals: 5")]) == [
                "plan.yaml:19:11: error: decimals must be a whole number from 0 to 4, found '5'"
            ]
        )
        #expect(try Self.load(try Self.text(replacing: [("decimals: 2", "decimals: 4")])).decimals == 4)
    }

    @Test func aStepMustDivideTheMaximum() throws {
        #expect(
            try Self.errors(replacing: [("step: 1\n", "step: 3\n"), ("step: 0.5", "step: 3")]) == [
                "plan.yaml:29:11: error: step 3 does not divide the team score's 100 points",
                "plan.yaml:35:11: error: step 3 does not divide the points of 'order-patrol' (25), 'maintenance' "
                    + "(25), 'conference' (20); a department could not give every item its full points",
            ]
        )
        #expect(try Self.errors(replacing: [("step: 1\n", "step: 0.25\n"), ("step: 0.5", "step: 5")]).isEmpty)
    }

    @Test func anUnknownKeyIsReportedWithASuggestionAndNotAlsoAsMissing() throws {
        #expect(
            try Self.errors(replacing: [("minimum-responses: 30", "minimum-response: 30")]) == [
                "plan.yaml:26:5: error: unknown key 'minimum-response' in 'survey'; did you mean 'minimum-responses'?"
            ]
        )
        #expect(
            try Self.errors(replacing: [("photo: required", "foto: required")]) == [
                "plan.yaml:41:5: error: unknown key 'foto' in 'patrol'; did you mean 'photo'?"
            ]
        )
    }

    @Test func onlyFormatVersionOneIsRead() throws {
        #expect(
            try Self.errors(replacing: [("plan: 1", "plan: 2")]) == [
                "plan.yaml:4:7: error: 'plan' is the plan format version and must be 1, found '2'; this tender-eval "
                    + "reads version 1 plans"
            ]
        )
        #expect(
            try Self.errors(replacing: [("plan: 1\n", "")]) == [
                "plan.yaml:4:1: error: missing required key 'plan' at the top level of the evaluation plan"
            ]
        )
    }

    @Test func anEmptyRegistrationIDIsAnError() throws {
        #expect(
            try Self.errors(replacing: [("registration-id: 91331003MA2AK7Q21E", "registration-id: \"  \"")]) == [
                "plan.yaml:11:53: error: 'registration-id' must not be empty"
            ]
        )
    }

    @Test func choicesSuggestTheClosest() throws {
        #expect(
            try Self.errors(replacing: [
                ("rounding: per-source", "rounding: per-sorce"), ("photo: required", "photo: yes"),
            ])
                == [
                    "plan.yaml:20:11: error: 'rounding' must be one of per-source, total, found 'per-sorce'; did you "
                        + "mean 'per-source'?",
                    "plan.yaml:41:12: error: 'photo' must be one of required, optional, found 'yes'",
                ]
        )
    }

    @Test func everyProblemIsReportedInFileOrder() throws {
        let found = try Self.errors(replacing: [
            ("plan: 1", "plan: 3"), ("start: 2021-01-01", "start: 2021-02-29"), ("decimals: 2", "decimals: 9"),
            ("minimum-teams: 3", "minimum-teams: 0"), ("standing: unqualified", "standing: bad"),
        ])
        #expect(found.count == 5)
        #expect(found.map { $0.split(separator: ":")[1] } == ["4", "17", "19", "30", "48"])
    }

    // MARK: Files that are not plans

    @Test func aFileThatIsNotYAMLIsRefused() {
        #expect(
            Self.errors("plan: 1\ncontract: [unclosed\n") == [
                "plan.yaml:3:1: error: malformed YAML: did not find expected ',' or ']' (while parsing a flow "
                    + "sequence at line 2, column 11)"
            ]
        )
        #expect(
            throws: DiagnosticError(
                .error(
                    "file is not valid UTF-8 (byte 0xFF cannot start or continue a character); save it as UTF-8",
                    at: SourceLocation(file: "plan.yaml", line: 1, column: 7)
                )
            )
        ) {
            try PlanLoader.load(bytes: [0x70, 0x6C, 0x61, 0x6E, 0x3A, 0x20, 0xFF, 0xFE], file: "plan.yaml")
        }
        #expect(
            Self.errors("") == [
                "plan.yaml: error: performance evaluation plan is empty; it needs 'plan', 'contract', 'sources' and "
                    + "'standings'"
            ]
        )
        #expect(
            Self.errors("- a\n- b\n") == [
                "plan.yaml:1:1: error: file is not an evaluation plan: its top level is a list, not a mapping with the "
                    + "keys 'plan', 'contract', 'sources' and 'standings'; nothing else in it was read"
            ]
        )
        #expect(
            Self.errors("name: x\nvalue: 3\n") == [
                "plan.yaml:1:1: error: file is not an evaluation plan: none of its 2 top-level keys is a plan key "
                    + "(plan, contract, decimals, rounding, sources, standings, rules); nothing else in it was read"
            ]
        )
    }

    @Test func aRubricGivenAsThePlanIsNamedAsSuch() throws {
        let rubric = SharedData.repositoryRoot.appendingPathComponent("rubrics/huangyan-logistics-2020.yaml")
        let bytes = [UInt8](try Data(contentsOf: rubric))
        do {
            _ = try PlanLoader.load(bytes: bytes, file: "rubric.yaml")
            Issue.record("a rubric loaded as a plan")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "rubric.yaml:16:1: error: file is a tender rubric, not an evaluation plan (it has 'tender' and "
                        + "'groups', and no 'plan'); a contract's plan starts with 'plan: 1' and 'contract'; nothing "
                        + "else in it was read"
                ]
            )
        }
    }

    @Test func anchorsAndAliasesAreRefusedByThePrescan() {
        #expect(
            Self.errors("plan: 1\ncontract: &c {id: x}\nother: *c\n") == [
                "plan.yaml:2:11: error: anchors and aliases are not allowed in a performance evaluation plan"
            ]
        )
    }

    // MARK: Hostile input

    @Test func hugeNumbersAreRefusedNotRounded() throws {
        #expect(
            try Self.errors(replacing: [("weight: 20", "weight: 99999999999999999999999")]) == [
                "plan.yaml:28:13: error: weight has more than 18 digits, found '99999999999999999999999'"
            ]
        )
        #expect(
            try Self.errors(replacing: [("minimum-responses: 30", "minimum-responses: 99999999999999")]) == [
                "plan.yaml:26:24: error: minimum-responses must be a whole number from 1 to 1000000, found "
                    + "'99999999999999'"
            ]
        )
        #expect(
            try Self.errors(replacing: [("monthly-cap: 20", "monthly-cap: 1e9")]) == [
                "plan.yaml:40:18: error: monthly-cap must be a plain decimal number, found '1e9'"
            ]
        )
        #expect(
            try Self.errors(replacing: [("value: 80}", "value: 80.0000001}")]) == [
                "plan.yaml:24:61: error: value has 7 decimals; at most 6 are allowed"
            ]
        )
    }

    @Test func tenThousandServicesAreRefusedAtTheList() throws {
        let services = (0..<10_000).map { "    - {id: s\($0), name: 服务\($0)}\n" }.joined()
        let text = try Self.text(replacing: [
            (
                "    - {id: cleaning, name: {zh: 保洁服务, en: Cleaning}}\n",
                "    - {id: cleaning, name: {zh: 保洁服务, en: Cleaning}}\n" + services
            )
        ])
        #expect(
            Self.errors(text) == [
                "plan.yaml:13:5: error: 'services' lists 10004 service items; an evaluation plan holds at most 50 "
                    + "service items"
            ]
        )
    }

    @Test func listsBeyondTheirCapsAreRefused() throws {
        let answers = (0..<21).map { "{label: a\($0), value: \($0)}" }.joined(separator: ", ")
        let rules = (0..<21).map {
            "  - {id: r\($0), standing: unqualified, count: 1, within-months: 1, consequence: c}\n"
        }.joined()
        let text =
            try Self.text(replacing: [
                (
                    "answers: [{label: 满意, value: 100}, {label: 基本满意, value: 80}, {label: 一般, value: 60}, {label: 不满意, value: 0}]",
                    "answers: [\(answers)]"
                )
            ]).components(separatedBy: "rules:\n")[0] + "rules:\n" + rules
        #expect(
            Self.errors(text) == [
                "plan.yaml:24:14: error: 'answers' lists 21 answers; an evaluation plan holds at most 20 answers",
                "plan.yaml:47:3: error: 'rules' lists 21 rules; an evaluation plan holds at most 20 rules",
            ]
        )
    }

    @Test func standingsAndDepartmentItemsBeyondTheirCapsAreRefused() throws {
        let standings = (0..<11).map { "  - {id: s\($0), name: S\($0), at-least: \(100 - $0 * 10)}\n" }.joined()
        let items = (0..<51).map { "{id: cleaning, points: \($0 + 1)}" }.joined(separator: ", ")
        let text =
            try Self.text(replacing: [
                (
                    "items: [{id: cleaning, points: 30}, {id: order-patrol, points: 25}, {id: maintenance, points: 25}, "
                        + "{id: conference, points: 20}]",
                    "items: [\(items)]"
                )
            ]).components(separatedBy: "standings:\n")[0] + "standings:\n" + standings
        #expect(
            Self.errors(text) == [
                "plan.yaml:34:12: error: 'items' lists 51 items; an evaluation plan holds at most 50 items",
                "plan.yaml:43:3: error: 'standings' lists 11 standings; an evaluation plan holds at most 10 standings",
            ]
        )
    }

    @Test func answersArePercentagesWithUniqueLabels() throws {
        #expect(
            try Self.errors(replacing: [("value: 100}", "value: 120}"), ("{label: 一般,", "{label: 满意,")]) == [
                "plan.yaml:24:34: error: value must be a percentage from 0 to 100, found '120'",
                "plan.yaml:24:74: error: answer '满意' is already listed at line 24, column 15; a sheet's answer must "
                    + "name one value",
            ]
        )
    }

    @Test func theMonthlyCapHoldsAtLeastOneFinding() throws {
        #expect(
            try Self.errors(replacing: [("monthly-cap: 20", "monthly-cap: 4")]) == [
                "plan.yaml:40:18: error: monthly-cap 4 is less than maximum-per-finding 5; one finding alone could "
                    + "exceed the month's cap"
            ]
        )
        #expect(
            try Self.errors(replacing: [("maximum-per-finding: 5", "maximum-per-finding: 0")]) == [
                "plan.yaml:39:26: error: maximum-per-finding must be greater than 0, found '0'"
            ]
        )
    }

    @Test func aDuplicatedKeyIsLocatedAtItsRepeat() throws {
        #expect(
            try Self.errors(replacing: [("decimals: 2\n", "decimals: 2\ndecimals: 3\n")]) == [
                "plan.yaml:20:1: error: key 'decimals' appears twice in the same mapping (first at line 19)"
            ]
        )
    }
}

/// Keeps docs/performance-plan.md honest: its complete example loads, and it is the test plan in another layout.
@Suite struct PlanDocsTests {
    @Test func completeExampleInTheReferenceLoads() throws {
        let page = try String(
            contentsOf: SharedData.repositoryRoot.appendingPathComponent("docs/performance-plan.md"),
            encoding: .utf8
        )
        let section = try #require(page.range(of: "## Complete example"))
        let afterHeading = page[section.upperBound...]
        let start = try #require(afterHeading.range(of: "```yaml\n"))
        let end = try #require(afterHeading[start.upperBound...].range(of: "```"))
        let yaml = String(afterHeading[start.upperBound..<end.lowerBound])
        let documented = try PlanLoader.load(bytes: Array(yaml.utf8), file: "docs/performance-plan.md")
        let fixture = try PlanLoader.load(bytes: RubricFixtures.bytes("plans/valid.yaml"), file: "valid.yaml")
        #expect(documented.contract.id == fixture.contract.id)
        #expect(documented.contract.buyer == fixture.contract.buyer)
        #expect(documented.contract.contractor == fixture.contract.contractor)
        #expect(documented.contract.services.map(\.name) == fixture.contract.services.map(\.name))
        #expect(documented.survey.answers == fixture.survey.answers)
        #expect(documented.department.items.map(\.points) == fixture.department.items.map(\.points))
        #expect(documented.standings.map(\.atLeast) == fixture.standings.map(\.atLeast))
        #expect(documented.standings.map(\.consequence) == fixture.standings.map(\.consequence))
        #expect(documented.rules.map(\.withinMonths) == fixture.rules.map(\.withinMonths))
    }
}

/// The fuzz promise for plans on inputs a fuzzer would reach first: the valid plan cut short anywhere.
@Suite struct PlanFuzzPromiseTests {
    @Test func theValidPlanCutShortAnywhereLoadsOrFailsWithLocatedErrors() throws {
        let bytes = try RubricFixtures.bytes("plans/valid.yaml")
        #expect(FuzzChecks.planProblem(bytes, file: "plan.yaml") == nil)
        for length in stride(from: 0, to: bytes.count, by: 11) {
            let problem = FuzzChecks.planProblem(Array(bytes.prefix(length)), file: "plan.yaml")
            #expect(problem == nil, "cut at byte \(length)")
        }
    }
}
