public import TenderCore
public import TenderModel

/// One generated month of a contract: the values behind the four sheets, rendered on demand as the files an
/// officer records (`surveyCSV`, …) or directly as the records the monthly score reads (`records`).
public struct SyntheticPerformanceMonth: Hashable, Sendable {
    public struct Respondent: Hashable, Sendable {
        /// `R0001`, …: unique within the month.
        public var id: String
        /// `YYYY-MM-DD HH:MM:SS` inside the month; respondents are in submission order.
        public var submitted: String
        /// Per service item, in the plan's order: an index into the plan's answers, or -1 for a blank answer.
        public var answers: [Int8]
    }

    public struct TeamScore: Hashable, Sendable {
        public var team: String
        public var score: Points
        /// Given for every score below 100.
        public var reason: String?
    }

    public struct DepartmentScore: Hashable, Sendable {
        public var department: String
        /// A service item id.
        public var item: String
        public var score: Points
        /// Given for every score below the item's points.
        public var reason: String?
    }

    public struct Finding: Hashable, Sendable {
        /// `XC-2021-05-01`: unique within the contract, numbered in date order.
        public var id: String
        /// `YYYY-MM-DD` inside the month.
        public var date: String
        public var place: String
        /// A service item id.
        public var item: String
        public var description: String
        public var deduction: Points
        /// The photo's file name (`XC-2021-05-01.png`), relative to the photos folder.
        public var photo: String
    }

    public var month: YearMonth
    /// The month's service quality in per mille, after drift, noise and a designed poor month.
    public var quality: Int
    /// Whether the scenario made this month poor on purpose (it scores below 70 under the standard plan).
    public var designedUnqualified: Bool
    public var respondents: [Respondent]
    public var teams: [TeamScore]
    public var departments: [DepartmentScore]
    public var findings: [Finding]

    /// The sheets' file names for this month: `survey-2021-05.csv`, `team-…`, `department-…`, `patrol-…`.
    public func fileName(_ source: PerformanceSource) -> String {
        "\(source.rawValue)-\(month).csv"
    }

    /// Each sheet's file name and bytes, in the order survey, team, department, patrol.
    public func sheets(plan: SyntheticPerformancePlan) -> [(name: String, bytes: [UInt8])] {
        [
            (fileName(.survey), surveyCSV(plan: plan)),
            (fileName(.team), teamCSV()),
            (fileName(.department), departmentCSV(plan: plan)),
            (fileName(.patrol), patrolCSV(plan: plan)),
        ]
    }

    /// Each finding's photo: a small PNG whose pixels and comment come from the finding, so every photo (and its
    /// SHA-256) differs.
    public func photos() -> [(name: String, bytes: [UInt8])] {
        findings.map { ($0.photo, PatrolPhoto.png(for: $0.id)) }
    }

    // MARK: Sheets

    /// The form tool's export: UTF-8 with a byte-order mark, CRLF lines, `编号,提交时间,` then one column per
    /// surveyed item headed by its Chinese name.
    public func surveyCSV(plan: SyntheticPerformancePlan) -> [UInt8] {
        var csv = CSVText(lineEnd: "\r\n")
        csv.bytes = [0xEF, 0xBB, 0xBF]
        csv.row(["编号", "提交时间"] + plan.services.map(\.zh))
        let labels = plan.answers.map(\.label)
        for respondent in respondents {
            csv.field(respondent.id)
            csv.field(respondent.submitted)
            for answer in respondent.answers {
                csv.field(answer < 0 ? "" : labels[Int(answer)])
            }
            csv.endRow()
        }
        return csv.bytes
    }

    public func teamCSV() -> [UInt8] {
        var csv = CSVText(lineEnd: "\n")
        csv.row(["班组", "得分", "理由"])
        for team in teams { csv.row([team.team, team.score.plainText, team.reason ?? ""]) }
        return csv.bytes
    }

    /// Long format, one row per department and item, the item by its Chinese name.
    public func departmentCSV(plan: SyntheticPerformancePlan) -> [UInt8] {
        var csv = CSVText(lineEnd: "\n")
        csv.row(["科室", "项目", "得分", "理由"])
        for score in departments {
            csv.row([score.department, Self.name(of: score.item, in: plan), score.score.plainText, score.reason ?? ""])
        }
        return csv.bytes
    }

    /// The patrol log; a month without findings is the header alone.
    public func patrolCSV(plan: SyntheticPerformancePlan) -> [UInt8] {
        var csv = CSVText(lineEnd: "\n")
        csv.row(["编号", "日期", "地点", "项目", "问题", "扣分", "照片"])
        for finding in findings {
            csv.row([
                finding.id, finding.date, finding.place, Self.name(of: finding.item, in: plan), finding.description,
                finding.deduction.plainText, finding.photo,
            ])
        }
        return csv.bytes
    }

    // MARK: Records

    /// The month as recorded, with each record located at its row of the sheet `fileName(_:)` names (the photo
    /// hashes are left to the caller, which owns SHA-256).
    public func records(plan: SyntheticPerformancePlan, recordedOn: String) -> MonthRecords {
        let itemIDs = plan.services.map(\.id)
        let labels = plan.answers.map(\.label)
        let surveyFile = fileName(.survey)
        let survey = respondents.enumerated().map { index, respondent in
            SurveyResponse(
                respondent: respondent.id,
                answers: zip(itemIDs, respondent.answers).compactMap { item, answer in
                    answer < 0 ? nil : SurveyItemAnswer(item: item, answer: labels[Int(answer)])
                },
                location: SourceLocation(file: surveyFile, line: index + 2, column: 1)
            )
        }
        let teamFile = fileName(.team)
        let departmentFile = fileName(.department)
        let patrolFile = fileName(.patrol)
        return MonthRecords(
            contractID: plan.contractID,
            month: month,
            survey: survey,
            teams: teams.enumerated().map { index, team in
                TeamRecommendation(
                    team: team.team,
                    score: team.score,
                    reason: team.reason,
                    location: SourceLocation(file: teamFile, line: index + 2, column: 2)
                )
            },
            departments: departments.enumerated().map { index, score in
                TenderModel.DepartmentScore(
                    department: score.department,
                    item: score.item,
                    score: score.score,
                    reason: score.reason,
                    location: SourceLocation(file: departmentFile, line: index + 2, column: 3)
                )
            },
            patrol: findings.enumerated().map { index, finding in
                PatrolFinding(
                    id: finding.id,
                    date: finding.date,
                    place: finding.place,
                    item: finding.item,
                    description: finding.description,
                    deduction: finding.deduction,
                    photo: finding.photo,
                    photoSHA256: nil,
                    location: SourceLocation(file: patrolFile, line: index + 2, column: 6)
                )
            },
            sheets: PerformanceSource.allCases.map {
                RecordedSheet(source: $0, file: fileName($0), sha256: "", recordedOn: recordedOn)
            }
        )
    }

    static func name(of item: String, in plan: SyntheticPerformancePlan) -> String {
        plan.services.first { $0.id == item }?.zh ?? item
    }
}

/// CSV written straight into bytes (RFC 4180 quoting: a field with a comma, quote or line break is quoted).
struct CSVText {
    var bytes: [UInt8] = []
    let lineEnd: String
    private var fieldsInRow = 0

    init(lineEnd: String) {
        self.lineEnd = lineEnd
    }

    mutating func field(_ text: String) {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
        let needsQuotes = text.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
        }
        guard needsQuotes else {
            bytes.append(contentsOf: text.utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func endRow() {
        bytes.append(contentsOf: lineEnd.utf8)
        fieldsInRow = 0
    }

    mutating func row(_ fields: [String]) {
        for text in fields { field(text) }
        endRow()
    }
}
