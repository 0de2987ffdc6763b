/// The columns of a committee score sheet, shared by the sheets `tender-eval sheets` writes and the reader that
/// takes them back, so the two cannot drift apart.
///
/// A sheet starts with the four columns every sheet has (`member,bidder,criterion,score`), then optionally the
/// member's `reason`; a sheet written by `tender-eval sheets` adds the conflict-of-interest declaration and, for
/// the member's guidance, columns the reader skips (they are never read back as data).
public enum ScoreSheetColumn: String, Hashable, Sendable, CaseIterable {
    case member
    case bidder
    case criterion
    case score
    case reason
    /// "I have no conflict of interest with this bidder": yes or no, on the first row of each bidder.
    case noConflict = "no-conflict"
    case registrationID = "registration-id"
    case criterionName = "criterion-name"
    case maximum
    case allowedScores = "allowed-scores"
    case guidance

    /// The header word in Chinese, as Excel users in China write it.
    public var chinese: String {
        switch self {
        case .member: "评委"
        case .bidder: "投标人"
        case .criterion: "评审因素"
        case .score: "得分"
        case .reason: "理由"
        case .noConflict: "无利益冲突"
        case .registrationID: "统一社会信用代码"
        case .criterionName: "评审因素名称"
        case .maximum: "满分"
        case .allowedScores: "可选分值"
        case .guidance: "评分指引"
        }
    }

    /// The columns every sheet starts with, in order.
    public static let required: [ScoreSheetColumn] = [.member, .bidder, .criterion, .score]
    /// The columns of a sheet written by `tender-eval sheets`, in order.
    public static let memberSheet: [ScoreSheetColumn] = [
        .member, .bidder, .criterion, .score, .reason, .noConflict, .registrationID, .criterionName, .maximum,
        .allowedScores, .guidance,
    ]
    /// Columns that only guide the member: the reader checks their header and skips their cells.
    public static let guidanceOnly: Set<ScoreSheetColumn> = [
        .registrationID, .criterionName, .maximum, .allowedScores, .guidance,
    ]

    /// The column a header cell names, in English (any letter case) or Chinese.
    public init?(header: String) {
        let lowered = header.lowercased()
        guard let column = Self.allCases.first(where: { $0.rawValue == lowered || $0.chinese == header }) else {
            return nil
        }
        self = column
    }

    /// Words accepted in the conflict-of-interest column for "no conflict" and for "a conflict".
    public static let noConflictWords: Set<String> = ["yes", "y", "是", "true"]
    public static let conflictWords: Set<String> = ["no", "n", "否", "false"]
}
