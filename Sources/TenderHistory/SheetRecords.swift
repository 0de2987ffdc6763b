public import TenderModel

/// The records of one imported sheet, of the source the sheet is for.
public enum SheetRecords: Hashable, Sendable {
    case survey([SurveyResponse])
    case team([TeamRecommendation])
    case department([DepartmentScore])
    case patrol([PatrolFinding])

    public var source: PerformanceSource {
        switch self {
        case .survey: return .survey
        case .team: return .team
        case .department: return .department
        case .patrol: return .patrol
        }
    }

    public var count: Int {
        switch self {
        case .survey(let rows): return rows.count
        case .team(let rows): return rows.count
        case .department(let rows): return rows.count
        case .patrol(let rows): return rows.count
        }
    }
}

/// One sheet to record: where it came from and what it holds.
public struct SheetBatch: Hashable, Sendable {
    public var sheet: RecordedSheet
    public var records: SheetRecords

    public init(sheet: RecordedSheet, records: SheetRecords) {
        self.sheet = sheet
        self.records = records
    }
}
