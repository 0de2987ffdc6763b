import TenderCore
public import TenderModel

/// The four monthly sheets a contract's evaluation reads, with their columns (CSV) and elements (XML).
enum PerformanceSheetKind: String, Sendable, CaseIterable {
    case survey
    case team
    case department
    case patrol

    /// As diagnostics name the sheet.
    var noun: String { "\(rawValue) sheet" }

    /// The root element of the XML form.
    var rootElement: String {
        switch self {
        case .survey: "survey"
        case .team: "teams"
        case .department: "departments"
        case .patrol: "patrol"
        }
    }

    /// The element that holds one record in the XML form.
    var recordElement: String {
        switch self {
        case .survey: "response"
        case .team: "team"
        case .department: "score"
        case .patrol: "finding"
        }
    }

    /// The fixed columns, in the order the documentation lists them (a survey adds one column per item).
    var columns: [PerformanceColumn] {
        switch self {
        case .survey: [.respondent, .submitted]
        case .team: [.team, .score, .reason]
        case .department: [.department, .item, .score, .reason]
        case .patrol: [.id, .date, .place, .item, .description, .deduction, .photo]
        }
    }

    /// Columns a sheet may leave out (the photo column only when the plan does not require photos).
    func isOptional(_ column: PerformanceColumn, plan: EvaluationPlan) -> Bool {
        switch column {
        case .submitted, .reason: true
        case .photo: !plan.patrol.photoRequired
        default: false
        }
    }

    /// Where the XML form keeps a column: an attribute of the record element, or (nil) its text.
    func attribute(for column: PerformanceColumn) -> String? {
        switch (self, column) {
        case (.survey, .respondent): "id"
        case (.team, .team): "name"
        case (_, .reason), (_, .description): nil
        default: column.rawValue
        }
    }
}

/// A column of a performance sheet, matched in a CSV header by its Chinese name exactly or its English name in
/// any case (after trimming).
enum PerformanceColumn: String, Sendable, CaseIterable {
    case respondent
    case submitted
    case team
    case score
    case reason
    case department
    case item
    case id
    case date
    case place
    case description
    case deduction
    case photo

    var chinese: String {
        switch self {
        case .respondent, .id: "编号"
        case .submitted: "提交时间"
        case .team: "班组"
        case .score: "得分"
        case .reason: "理由"
        case .department: "科室"
        case .item: "项目"
        case .date: "日期"
        case .place: "地点"
        case .description: "问题"
        case .deduction: "扣分"
        case .photo: "照片"
        }
    }

    /// `编号|respondent`, as the documentation and the diagnostics list a column.
    var names: String { "\(chinese)|\(rawValue)" }

    func matches(header name: String) -> Bool {
        name == chinese || name.lowercased() == rawValue
    }
}

/// Service items as sheets name them: by id, or by their Chinese or English name (English in any case).
public struct ItemNames: Sendable {
    public let items: [ServiceItem]

    /// The plan's service items with the given ids, in that order (an id the plan lacks keeps its bare id).
    public init(ids: [String], plan: EvaluationPlan) {
        items = ids.map {
            plan.contract.service(id: $0) ?? ServiceItem(id: $0, name: LocalizedText(), location: plan.location)
        }
    }

    /// The item id `name` refers to, or nil.
    public func id(for name: String) -> String? {
        let lowered = name.lowercased()
        return items.first {
            $0.id == name || $0.id.lowercased() == lowered || $0.name.zh == name || $0.name.en?.lowercased() == lowered
        }?.id
    }

    /// `cleaning (保洁服务|Cleaning)`.
    func described(_ item: ServiceItem) -> String {
        let names = [item.name.zh, item.name.en].compactMap { $0 }
        return names.isEmpty ? item.id : "\(item.id) (\(names.joined(separator: "|")))"
    }

    func described(id: String) -> String {
        items.first { $0.id == id }.map(described) ?? id
    }

    /// Every item, described, for a diagnostic that lists what is expected.
    public var list: String {
        items.map(described).joined(separator: ", ")
    }
}
