public import TenderCore

/// The four sources of a monthly evaluation.
public enum PerformanceSource: String, Hashable, Sendable, Codable, CaseIterable {
    /// 群众测评.
    case survey
    /// 班组推荐.
    case team
    /// 科室考评.
    case department
    /// 周巡查: findings that deduct.
    case patrol
}

/// One respondent's answers in a month's survey export. `answers` maps a service item id to the answer label
/// as written (validated against the plan's answers by the reader); items left blank are absent.
public struct SurveyResponse: Hashable, Sendable {
    /// The form tool's response id (unique within the month).
    public var respondent: String
    public var answers: [SurveyItemAnswer]
    public var location: SourceLocation

    public init(respondent: String, answers: [SurveyItemAnswer], location: SourceLocation) {
        self.respondent = respondent
        self.answers = answers
        self.location = location
    }
}

public struct SurveyItemAnswer: Hashable, Sendable {
    public var item: String
    public var answer: String

    public init(item: String, answer: String) {
        self.item = item
        self.answer = answer
    }
}

/// One team's recommendation score for the month (班组推荐).
public struct TeamRecommendation: Hashable, Sendable {
    /// Unique within the month.
    public var team: String
    public var score: Points
    public var reason: String?
    public var location: SourceLocation

    public init(team: String, score: Points, reason: String?, location: SourceLocation) {
        self.team = team
        self.score = score
        self.reason = reason
        self.location = location
    }
}

/// One department's score for one item (科室考评); a department scores every item of the plan.
public struct DepartmentScore: Hashable, Sendable {
    public var department: String
    /// A `DepartmentItem` id.
    public var item: String
    public var score: Points
    public var reason: String?
    public var location: SourceLocation

    public init(department: String, item: String, score: Points, reason: String?, location: SourceLocation) {
        self.department = department
        self.item = item
        self.score = score
        self.reason = reason
        self.location = location
    }
}

/// One weekly patrol finding (周巡查) with its evidence.
public struct PatrolFinding: Hashable, Sendable {
    /// The finding's number as written on the patrol sheet; unique within the contract.
    public var id: String
    /// `YYYY-MM-DD`, inside the month it is recorded for.
    public var date: String
    public var place: String
    /// A service item id.
    public var item: String
    public var description: String
    public var deduction: Points
    /// The photo file as named on the sheet, relative to the sheet's folder.
    public var photo: String?
    /// SHA-256 (lower-case hex) of the photo file's bytes, computed when the finding is recorded.
    public var photoSHA256: String?
    public var location: SourceLocation

    public init(
        id: String,
        date: String,
        place: String,
        item: String,
        description: String,
        deduction: Points,
        photo: String?,
        photoSHA256: String?,
        location: SourceLocation
    ) {
        self.id = id
        self.date = date
        self.place = place
        self.item = item
        self.description = description
        self.deduction = deduction
        self.photo = photo
        self.photoSHA256 = photoSHA256
        self.location = location
    }
}

/// The file a source's records were read from, as recorded in the history.
public struct RecordedSheet: Hashable, Sendable {
    public var source: PerformanceSource
    /// The file's name as given on the command line.
    public var file: String
    /// SHA-256 (lower-case hex) of the file's bytes.
    public var sha256: String
    /// `YYYY-MM-DD`: the day it was recorded (given by the officer or today's date, never read by pure code).
    public var recordedOn: String

    public init(source: PerformanceSource, file: String, sha256: String, recordedOn: String) {
        self.source = source
        self.file = file
        self.sha256 = sha256
        self.recordedOn = recordedOn
    }
}

/// Everything recorded for one contract and one month, as the monthly score reads it.
public struct MonthRecords: Hashable, Sendable {
    public var contractID: String
    public var month: YearMonth
    public var survey: [SurveyResponse]
    public var teams: [TeamRecommendation]
    public var departments: [DepartmentScore]
    public var patrol: [PatrolFinding]
    /// The sources recorded so far (a month is scored only when all four are).
    public var sheets: [RecordedSheet]

    public init(
        contractID: String,
        month: YearMonth,
        survey: [SurveyResponse] = [],
        teams: [TeamRecommendation] = [],
        departments: [DepartmentScore] = [],
        patrol: [PatrolFinding] = [],
        sheets: [RecordedSheet] = []
    ) {
        self.contractID = contractID
        self.month = month
        self.survey = survey
        self.teams = teams
        self.departments = departments
        self.patrol = patrol
        self.sheets = sheets
    }
}

/// A correction to one recorded value, made on the record with a reason (the supervision committee's or the
/// evaluation group's decision). The original record is never changed: the monthly score applies corrections
/// in number order. Like a tender's decisions, entries are numbered per contract and hash-chained.
public struct PerformanceCorrection: Hashable, Sendable {
    /// 1-based, per contract, in the order recorded.
    public var number: Int
    public var contractID: String
    public var month: YearMonth
    public var target: CorrectionTarget
    /// The value the record has before this correction (after earlier corrections), as text: an answer label,
    /// a score or a deduction. A stale `from` is refused when the correction is recorded.
    public var from: String
    public var to: String
    public var reason: String
    /// Who decided it (the evaluation group, the supervision committee, an officer).
    public var by: String
    /// `YYYY-MM-DD`.
    public var date: String
    /// SHA-256 of the previous entry's canonical form, or nil for a contract's first correction.
    public var previous: String?
    /// SHA-256 (lower-case hex) of this entry's canonical form (docs/performance-history.md).
    public var hash: String

    public init(
        number: Int,
        contractID: String,
        month: YearMonth,
        target: CorrectionTarget,
        from: String,
        to: String,
        reason: String,
        by: String,
        date: String,
        previous: String?,
        hash: String
    ) {
        self.number = number
        self.contractID = contractID
        self.month = month
        self.target = target
        self.from = from
        self.to = to
        self.reason = reason
        self.by = by
        self.date = date
        self.previous = previous
        self.hash = hash
    }
}

/// Which recorded value a correction changes.
public enum CorrectionTarget: Hashable, Sendable {
    /// A respondent's answer for one item (`to` is an answer label, or empty to strike the answer).
    case surveyAnswer(respondent: String, item: String)
    case teamScore(team: String)
    case departmentScore(department: String, item: String)
    /// A finding's deduction (`to` "0" withdraws the finding's deduction).
    case patrolDeduction(finding: String)

    public var source: PerformanceSource {
        switch self {
        case .surveyAnswer: return .survey
        case .teamScore: return .team
        case .departmentScore: return .department
        case .patrolDeduction: return .patrol
        }
    }
}
