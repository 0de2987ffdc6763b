public import TenderCore
public import TenderModel

/// The evaluation plan a synthetic performance year is generated for: the contract and how its months are scored,
/// in the terms of docs/performance-plan.md. `standard` is the plan of the design (survey 40, teams 20,
/// departments 40, patrol deductions capped at 20, 优秀 ≥ 90 / 合格 ≥ 70 / 不合格).
public struct SyntheticPerformancePlan: Hashable, Sendable {
    public struct Service: Hashable, Sendable {
        public var id: String
        public var zh: String
        public var en: String
        /// The item's points on the department sheet (the services' points sum to 100).
        public var departmentPoints: Points

        public init(id: String, zh: String, en: String, departmentPoints: Points) {
            self.id = id
            self.zh = zh
            self.en = en
            self.departmentPoints = departmentPoints
        }
    }

    public struct Answer: Hashable, Sendable {
        public var label: String
        public var value: Points

        public init(label: String, value: Points) {
            self.label = label
            self.value = value
        }
    }

    public var contractID: String
    public var tenderID: String
    public var buyerZh: String
    public var buyerEn: String
    public var contractorName: String
    public var registrationID: String
    public var services: [Service]
    /// `YYYY-MM-DD`.
    public var start: String
    public var end: String
    public var decimals: Int
    /// `per-source` or `total`.
    public var rounding: String
    public var surveyWeight: Points
    public var teamWeight: Points
    public var departmentWeight: Points
    /// Best first: the generator's happier respondents pick earlier answers.
    public var answers: [Answer]
    public var minimumResponses: Int
    public var teamStep: Points?
    public var minimumTeams: Int
    public var departmentStep: Points?
    public var minimumDepartments: Int
    public var maximumPerFinding: Points
    public var monthlyCap: Points

    public init(
        contractID: String,
        tenderID: String,
        buyerZh: String,
        buyerEn: String,
        contractorName: String,
        registrationID: String,
        services: [Service],
        start: String,
        end: String,
        decimals: Int,
        rounding: String,
        surveyWeight: Points,
        teamWeight: Points,
        departmentWeight: Points,
        answers: [Answer],
        minimumResponses: Int,
        teamStep: Points?,
        minimumTeams: Int,
        departmentStep: Points?,
        minimumDepartments: Int,
        maximumPerFinding: Points,
        monthlyCap: Points
    ) {
        self.contractID = contractID
        self.tenderID = tenderID
        self.buyerZh = buyerZh
        self.buyerEn = buyerEn
        self.contractorName = contractorName
        self.registrationID = registrationID
        self.services = services
        self.start = start
        self.end = end
        self.decimals = decimals
        self.rounding = rounding
        self.surveyWeight = surveyWeight
        self.teamWeight = teamWeight
        self.departmentWeight = departmentWeight
        self.answers = answers
        self.minimumResponses = minimumResponses
        self.teamStep = teamStep
        self.minimumTeams = minimumTeams
        self.departmentStep = departmentStep
        self.minimumDepartments = minimumDepartments
        self.maximumPerFinding = maximumPerFinding
        self.monthlyCap = monthlyCap
    }

    /// The design's plan for a property-services contract (保洁, 秩序维护, 工程维修, 会务服务).
    public static func standard(
        contractID: String,
        tenderID: String,
        contractorName: String,
        registrationID: String,
        start: String,
        end: String,
        buyerZh: String = "台州市黄岩区机关事务中心",
        buyerEn: String = "Huangyan District Government Offices Administration Centre, Taizhou",
        minimumResponses: Int = 30
    ) -> SyntheticPerformancePlan {
        SyntheticPerformancePlan(
            contractID: contractID,
            tenderID: tenderID,
            buyerZh: buyerZh,
            buyerEn: buyerEn,
            contractorName: contractorName,
            registrationID: registrationID,
            services: [
                Service(id: "cleaning", zh: "保洁服务", en: "Cleaning", departmentPoints: 30),
                Service(id: "order-patrol", zh: "秩序维护", en: "Order and patrol", departmentPoints: 25),
                Service(id: "maintenance", zh: "工程维修", en: "Engineering maintenance", departmentPoints: 25),
                Service(id: "conference", zh: "会务服务", en: "Conference services", departmentPoints: 20),
            ],
            start: start,
            end: end,
            decimals: 2,
            rounding: "per-source",
            surveyWeight: 40,
            teamWeight: 20,
            departmentWeight: 40,
            answers: [
                Answer(label: "满意", value: 100), Answer(label: "基本满意", value: 80),
                Answer(label: "一般", value: 60), Answer(label: "不满意", value: 0),
            ],
            minimumResponses: minimumResponses,
            teamStep: 1,
            minimumTeams: 3,
            departmentStep: Points(units: 500_000),
            minimumDepartments: 3,
            maximumPerFinding: 5,
            monthlyCap: 20
        )
    }

    /// The plan as the loader reads it (format of docs/performance-plan.md), with the design's standings and the
    /// rule "3 unqualified months in 12 warn the next tender".
    public func renderYAML() -> String {
        var lines: [String] = []
        lines.append("plan: 1")
        lines.append("contract:")
        lines.append("  id: \(Self.quoted(contractID))")
        lines.append("  tender: \(Self.quoted(tenderID))")
        lines.append("  buyer: {zh: \(Self.quoted(buyerZh)), en: \(Self.quoted(buyerEn))}")
        lines.append(
            "  contractor: {name: \(Self.quoted(contractorName)), registration-id: \(Self.quoted(registrationID))}"
        )
        lines.append("  services:")
        for service in services {
            lines.append(
                "    - {id: \(service.id), name: {zh: \(Self.quoted(service.zh)), en: \(Self.quoted(service.en))}}"
            )
        }
        lines.append("  start: \(start)")
        lines.append("  end: \(end)")
        lines.append("decimals: \(decimals)")
        lines.append("rounding: \(rounding)")
        lines.append("sources:")
        lines.append("  survey:")
        lines.append("    weight: \(surveyWeight.plainText)")
        let answerList = answers.map { "{label: \(Self.quoted($0.label)), value: \($0.value.plainText)}" }
        lines.append("    answers: [\(answerList.joined(separator: ", "))]")
        lines.append("    items: [\(services.map(\.id).joined(separator: ", "))]")
        lines.append("    minimum-responses: \(minimumResponses)")
        lines.append("  team:")
        lines.append("    weight: \(teamWeight.plainText)")
        if let teamStep { lines.append("    step: \(teamStep.plainText)") }
        lines.append("    minimum-teams: \(minimumTeams)")
        lines.append("    reasons: required")
        lines.append("  department:")
        lines.append("    weight: \(departmentWeight.plainText)")
        let itemList = services.map { "{id: \($0.id), points: \($0.departmentPoints.plainText)}" }
        lines.append("    items: [\(itemList.joined(separator: ", "))]")
        if let departmentStep { lines.append("    step: \(departmentStep.plainText)") }
        lines.append("    minimum-departments: \(minimumDepartments)")
        lines.append("    reasons: required")
        lines.append("  patrol:")
        lines.append("    maximum-per-finding: \(maximumPerFinding.plainText)")
        lines.append("    monthly-cap: \(monthlyCap.plainText)")
        lines.append("    photo: required")
        lines.append("standings:")
        for standing in Self.standings {
            var entry =
                "  - {id: \(standing.id), name: {zh: \(standing.zh), en: \(standing.en)}, at-least: \(standing.atLeast)"
            if let consequence = standing.consequence {
                entry += ", consequence: {zh: \(consequence.zh), en: \(consequence.en)}"
            }
            lines.append(entry + "}")
        }
        lines.append("rules:")
        lines.append("  - id: three-unqualified")
        lines.append("    standing: unqualified")
        lines.append("    count: 3")
        lines.append("    within-months: 12")
        lines.append("    consequence: {zh: 下次招标时提请评标委员会注意, en: Warning to the committee of the next tender}")
        lines.append("    warns-next-tender: true")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same plan as a value, for tests and benchmarks that skip the YAML loader (locations name `file`
    /// only).
    public func evaluationPlan(file: String) -> EvaluationPlan {
        let at = SourceLocation(file: file)
        let text = { (zh: String, en: String) in LocalizedText(zh: zh, en: en) }
        return EvaluationPlan(
            contract: PerformanceContract(
                id: contractID,
                tenderID: tenderID,
                buyer: text(buyerZh, buyerEn),
                contractor: PerformanceContractor(name: contractorName, registrationID: registrationID),
                services: services.map { ServiceItem(id: $0.id, name: text($0.zh, $0.en), location: at) },
                start: start,
                end: end,
                location: at
            ),
            decimals: decimals,
            rounding: PlanRounding(rawValue: rounding) ?? .perSource,
            survey: SurveySource(
                weight: surveyWeight,
                answers: answers.map { SurveyAnswer(label: $0.label, value: $0.value) },
                items: services.map(\.id),
                minimumResponses: minimumResponses,
                location: at
            ),
            team: TeamSource(
                weight: teamWeight,
                step: teamStep,
                minimumTeams: minimumTeams,
                reasonsRequired: true,
                location: at
            ),
            department: DepartmentSource(
                weight: departmentWeight,
                items: services.map { DepartmentItem(id: $0.id, points: $0.departmentPoints, location: at) },
                step: departmentStep,
                minimumDepartments: minimumDepartments,
                reasonsRequired: true,
                location: at
            ),
            patrol: PatrolSource(
                maximumPerFinding: maximumPerFinding,
                monthlyCap: monthlyCap,
                photoRequired: true,
                location: at
            ),
            standings: Self.standings.map { standing in
                Standing(
                    id: standing.id,
                    name: text(standing.zh, standing.en),
                    atLeast: Points(units: Int64(standing.atLeast) * Points.unitsPerWhole),
                    consequence: standing.consequence.map { text($0.zh, $0.en) },
                    location: at
                )
            },
            rules: [
                StandingRule(
                    id: "three-unqualified",
                    standing: "unqualified",
                    count: 3,
                    withinMonths: 12,
                    consequence: text("下次招标时提请评标委员会注意", "Warning to the committee of the next tender"),
                    warnsNextTender: true,
                    location: at
                )
            ],
            location: at
        )
    }

    static let standings: [(id: String, zh: String, en: String, atLeast: Int, consequence: (zh: String, en: String)?)] =
        [
            ("excellent", "优秀", "Excellent", 90, ("增发奖励工资", "Extra bonus wages")),
            ("qualified", "合格", "Qualified", 70, nil),
            ("unqualified", "不合格", "Unqualified", 0, ("停放奖励工资", "Bonus wages withheld")),
        ]

    /// A YAML double-quoted scalar: any text reads back unchanged.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
