import TenderCore
import TenderModel

/// The words for recorded decisions and their rounds, in one language.
struct DecisionLabels: Sendable {
    var section: String
    var dissentSection: String
    var decisionsFile: String
    var none: String
    /// `No. 3 · 2020-11-20 · recorded by 评委1`
    var heading: @Sendable (_ number: Int, _ date: String, _ by: String) -> RichText
    var reason: @Sendable (String) -> RichText
    var notApplied: String
    var noChange: String
    var notCounted: String
    var unranked: String
    var groundText: @Sendable (CorrectionGround) -> String
    var outcome: @Sendable (ClarificationOutcome) -> String
    /// What the decision is, with names already marked up.
    var what: @Sendable (_ kind: DecisionKind, _ bidder: RichText, _ criterion: RichText) -> RichText
    var memberScore: @Sendable (_ member: String, _ bidder: String, _ criterion: RichText) -> RichText
    var criterionPoints: @Sendable (_ bidder: String, _ criterion: RichText) -> RichText
    var total: @Sendable (String) -> RichText
    var status: @Sendable (_ bidder: String, _ file: String) -> RichText
    var archived: @Sendable (_ member: String, _ scores: Int) -> RichText
    var rank: @Sendable (String) -> RichText
    var dissent: @Sendable (_ member: String, _ date: String, _ statement: String) -> RichText
    /// Appended to a low-price flag an accepted clarification resolved.
    var flagResolved: @Sendable (_ decision: Int) -> RichText
    /// Why a bid rejected after its clarification is disqualified (the clause and evidence follow).
    var rejectedAfterClarification: @Sendable (_ decision: Int, _ date: String, _ reason: String) -> RichText

    static func labels(for language: ReportLanguage) -> DecisionLabels {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }

    static let english = DecisionLabels(
        section: "Recorded decisions",
        dissentSection: "Dissent",
        decisionsFile: "decisions file",
        none: "None.",
        heading: { number, date, by in "Decision \(number) · \(date) · recorded by \(user: by)" },
        reason: { "Reason: \(user: $0)" },
        notApplied: "Not applied: the decision does not fit the evaluation (see the diagnostics); nothing changed.",
        noChange: "No score or rank changed.",
        notCounted: "not counted",
        unranked: "not ranked",
        groundText: englishGround,
        outcome: englishOutcome,
        what: { kind, bidder, criterion in
            switch kind {
            case .correction(let correction):
                let ground = englishGround(correction.ground)
                return "Score correction: member \(user: correction.member), \(bidder), \(criterion): "
                    + "\(correction.from.plainText) → \(correction.to.plainText) (87号令 Art 64: \(ground))"
            case .recusal(let member, _):
                return "Recusal: member \(user: member) does not score \(bidder); the mean uses the others"
            case .replacement(let member, let newMember):
                return "Replacement (补抽): member \(user: member) is replaced by \(user: newMember); the replaced "
                    + "member's sheets are archived and not counted"
            case .clarification(_, let outcome):
                return "Clarification of the low price of \(bidder) (87号令 Art 60): \(englishOutcome(outcome))"
            case .duplicate(_, let file):
                return "Duplicate bids: \(user: file) is the bid of \(bidder); the others are set aside"
            case .consensus(_, _, let score):
                return "Consensus: \(bidder), \(criterion) counts \(score.plainText) points, agreed by the committee"
            case .dissent(let member, _):
                return "Dissent of member \(user: member)"
            }
        },
        memberScore: { member, bidder, criterion in "Member \(user: member), \(user: bidder), \(criterion)" },
        criterionPoints: { bidder, criterion in "\(user: bidder), \(criterion) points" },
        total: { "\(user: $0), total" },
        status: { bidder, file in "\(user: bidder) (\(user: file)), status" },
        archived: { member, scores in
            "Member \(user: member): \(scores) score\(scores == 1 ? "" : "s") archived, no longer counted"
        },
        rank: { "\(user: $0), rank" },
        dissent: { member, date, statement in "Member \(user: member) (\(date)): \(user: statement)" },
        flagResolved: { "; resolved: clarification accepted (decision \($0))" },
        rejectedAfterClarification: { number, date, reason in
            "rejected as non-responsive after the clarification of its low price (decision \(number), \(date)): "
                + "\(user: reason)"
        }
    )

    static let chinese = DecisionLabels(
        section: "评审决定记录",
        dissentSection: "不同意见",
        decisionsFile: "评审决定记录",
        none: "无。",
        heading: { number, date, by in "决定 \(number) · \(date) · 记录人 \(user: by)" },
        reason: { "理由：\(user: $0)" },
        notApplied: "未执行：该决定与评审结果不符（见诊断信息），未作任何改变。",
        noChange: "得分和排名均未改变。",
        notCounted: "不计",
        unranked: "不排名",
        groundText: { $0.statutoryText },
        outcome: chineseOutcome,
        what: { kind, bidder, criterion in
            switch kind {
            case .correction(let correction):
                return "更正评分：\(user: correction.member) 对 \(bidder) 的 \(criterion)："
                    + "\(correction.from.plainText) → \(correction.to.plainText)（87号令第六十四条："
                    + "\(correction.ground.statutoryText)）"
            case .recusal(let member, _):
                return "回避：\(user: member) 不参与对 \(bidder) 的评审，该项得分取其他评委的平均值"
            case .replacement(let member, let newMember):
                return "补抽：\(user: member) 由 \(user: newMember) 替换，原评委的评分表存档、不计分"
            case .clarification(_, let outcome):
                return "\(bidder) 的低价书面说明（87号令第六十条）：\(chineseOutcome(outcome))"
            case .duplicate(_, let file):
                return "重复投标认定：以 \(user: file) 为 \(bidder) 的投标，其余不予评审"
            case .consensus(_, _, let score):
                return "评审委员会一致意见：\(bidder) 的 \(criterion) 计 \(score.plainText) 分"
            case .dissent(let member, _):
                return "\(user: member) 的不同意见"
            }
        },
        memberScore: { member, bidder, criterion in "\(user: member) 对 \(user: bidder) 的 \(criterion)" },
        criterionPoints: { bidder, criterion in "\(user: bidder) 的 \(criterion) 得分" },
        total: { "\(user: $0) 总分" },
        status: { bidder, file in "\(user: bidder)（\(user: file)）状态" },
        archived: { member, scores in "\(user: member) 的 \(scores) 项评分存档，不计分" },
        rank: { "\(user: $0) 名次" },
        dissent: { member, date, statement in "\(user: member)（\(date)）：\(user: statement)" },
        flagResolved: { "；已澄清：书面说明已被接受（决定 \($0)）" },
        rejectedAfterClarification: { number, date, reason in
            "书面说明未被接受，按无效投标处理（决定 \(number)，\(date)）：\(user: reason)"
        }
    )

    @Sendable static func englishGround(_ ground: CorrectionGround) -> String {
        switch ground {
        case .summationError: "a summation error"
        case .outOfRange: "a score outside the rubric's range"
        case .objectiveInconsistent: "members scoring an objective factor differently"
        case .abnormallyHighOrLow: "a score the committee finds abnormally high or low (畸高、畸低)"
        }
    }

    @Sendable static func englishOutcome(_ outcome: ClarificationOutcome) -> String {
        outcome == .accepted ? "accepted" : "rejected as non-responsive"
    }

    @Sendable static func chineseOutcome(_ outcome: ClarificationOutcome) -> String {
        outcome == .accepted ? "接受" : "不接受，按无效投标处理"
    }
}
