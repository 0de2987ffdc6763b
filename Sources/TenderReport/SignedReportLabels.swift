import TenderModel

/// The words of the report the committee signs (cover, summary, score matrix, signature block), in one language.
/// Kept apart from `Labels` because they state one idea: what the committee puts its names to.
struct SignedReportLabels: Sendable {
    var coverSection: String
    var status: String
    var statusName: @Sendable (EvaluationConclusion) -> String
    var committeeMembers: String
    var seat: String
    var name: String
    var role: String
    var roleName: @Sendable (CommitteeRole) -> String
    var chair: String
    var recommendedHeading: String
    /// Why no candidate is recommended while the evaluation is not final.
    var noCandidates: @Sendable (EvaluationConclusion) -> String
    var candidateOrder: String
    var priceBaseSection: String
    var matrixSection: String
    var matrixNote: String
    var counted: String
    var reasonsHeading: String
    /// `7 (corrected from 8.5, decision 2)`
    var corrected: @Sendable (_ score: String, _ from: String, _ decision: Int) -> String
    /// A score not counted because its member was recused from the bidder.
    var recused: @Sendable (_ score: String, _ decision: Int?) -> String
    /// A score not counted because its member left the committee.
    var replaced: @Sendable (_ score: String, _ decision: Int?) -> String
    /// A score the trimmed mean leaves out.
    var trimmed: @Sendable (_ score: String) -> String
    var notScored: String
    var consensus: @Sendable (_ score: String, _ decision: Int?) -> String
    var signatureSection: String
    var signatureNote: String
    var notForSignature: @Sendable (EvaluationConclusion) -> String
    var opinion: String
    var agree: String
    var dissent: @Sendable (_ decision: Int) -> String
    var leftCommittee: @Sendable (_ decision: Int) -> String
    var signature: String
    var date: String
    var supervisor: String
    var noCommitteeFile: String

    static func labels(for language: ReportLanguage) -> SignedReportLabels {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }

    static let english = SignedReportLabels(
        coverSection: "Tender and committee",
        status: "Status",
        statusName: { conclusion in
            switch conclusion {
            case .final: "final"
            case .preliminary: "preliminary: judgement scores outstanding, no ranking"
            case .cannotConclude: "cannot conclude until the inputs listed are fixed"
            case .failed: "tender failed (废标): too few valid bids"
            }
        },
        committeeMembers: "Evaluation committee",
        seat: "Seat",
        name: "Name",
        role: "Role",
        roleName: { role in
            switch role {
            case .expert: "expert"
            case .purchaserRepresentative: "purchaser representative"
            }
        },
        chair: "chair",
        recommendedHeading: "Recommended candidates",
        noCandidates: { conclusion in
            switch conclusion {
            case .final: "None: no bid is ranked."
            case .preliminary: "None: the evaluation is preliminary."
            case .cannotConclude: "None: the evaluation cannot conclude."
            case .failed: "None: the tender failed."
            }
        },
        candidateOrder: "Order",
        priceBaseSection: "Price base and group scores",
        matrixSection: "Member scores",
        matrixNote:
            "Each judgement criterion: every member's score for every bidder, and the points the criterion counts. "
            + "Reasons are numbered in the cells and listed under each table.",
        counted: "Counted",
        reasonsHeading: "Reasons",
        corrected: { score, from, decision in "\(score) (corrected from \(from), decision \(decision))" },
        recused: { score, decision in
            "\(score) not counted (recused" + (decision.map { ", decision \($0)" } ?? "") + ")"
        },
        replaced: { score, decision in
            "\(score) not counted (replaced" + (decision.map { ", decision \($0)" } ?? "") + ")"
        },
        trimmed: { score in "\(score) (left out by the trimmed mean)" },
        notScored: "—",
        consensus: { score, decision in
            "\(score) (consensus" + (decision.map { ", decision \($0)" } ?? "") + ")"
        },
        signatureSection: "Signatures of the evaluation committee",
        signatureNote:
            "Each member signs and dates this report. A member who disagrees states the dissent in writing "
            + "(87号令 Art 63); the dissent recorded is listed above.",
        notForSignature: { conclusion in
            switch conclusion {
            case .preliminary: "Not for signature: the evaluation is preliminary."
            case .cannotConclude: "Not for signature: the evaluation cannot conclude."
            case .final, .failed: ""
            }
        },
        opinion: "Opinion",
        agree: "agree",
        dissent: { decision in "dissent (decision \(decision))" },
        leftCommittee: { decision in "left the committee (decision \(decision)); does not sign" },
        signature: "Signature",
        date: "Date",
        supervisor: "Supervising officer",
        noCommitteeFile: "No committee file: members are known by their sheets only."
    )

    static let chinese = SignedReportLabels(
        coverSection: "项目与评标委员会",
        status: "状态",
        statusName: { conclusion in
            switch conclusion {
            case .final: "最终结果"
            case .preliminary: "初步结果：尚有评委评分未提交，不排名"
            case .cannotConclude: "无法得出结论：须先处理所列问题"
            case .failed: "废标：有效投标不足"
            }
        },
        committeeMembers: "评标委员会",
        seat: "席位",
        name: "姓名",
        role: "身份",
        roleName: { role in
            switch role {
            case .expert: "评审专家"
            case .purchaserRepresentative: "采购人代表"
            }
        },
        chair: "组长",
        recommendedHeading: "推荐中标候选人",
        noCandidates: { conclusion in
            switch conclusion {
            case .final: "无：没有排名的投标。"
            case .preliminary: "无：本次为初步结果。"
            case .cannotConclude: "无：评审无法得出结论。"
            case .failed: "无：本项目废标。"
            }
        },
        candidateOrder: "顺序",
        priceBaseSection: "价格基准与分组得分",
        matrixSection: "评委评分明细",
        matrixNote: "每个评委评分项：各评委对各投标人的评分，以及该项计入总分的得分。评分理由在单元格中编号，列于各表之下。",
        counted: "计入得分",
        reasonsHeading: "评分理由",
        corrected: { score, from, decision in "\(score)（由 \(from) 更正，决定 \(decision)）" },
        recused: { score, decision in
            "\(score) 不计（回避" + (decision.map { "，决定 \($0)" } ?? "") + "）"
        },
        replaced: { score, decision in
            "\(score) 不计（已更换" + (decision.map { "，决定 \($0)" } ?? "") + "）"
        },
        trimmed: { score in "\(score)（去掉的最高或最低分）" },
        notScored: "—",
        consensus: { score, decision in
            "\(score)（评标委员会一致意见" + (decision.map { "，决定 \($0)" } ?? "") + "）"
        },
        signatureSection: "评标委员会成员签字",
        signatureNote: "评标委员会成员在本报告上签字并注明日期。对评审结论有异议的成员以书面方式阐述不同意见和理由（87号令第六十三条）；已记录的不同意见见上文。",
        notForSignature: { conclusion in
            switch conclusion {
            case .preliminary: "本次为初步结果，不供签字。"
            case .cannotConclude: "评审无法得出结论，不供签字。"
            case .final, .failed: ""
            }
        },
        opinion: "意见",
        agree: "同意",
        dissent: { decision in "不同意（决定 \(decision)）" },
        leftCommittee: { decision in "已更换（决定 \(decision)），不签字" },
        signature: "签字",
        date: "日期",
        supervisor: "监督人员",
        noCommitteeFile: "未提供评标委员会名单：评委仅以评分表中的标识列出。"
    )
}
