import TenderModel

/// The wording of what leaves the evaluation room: the winning-candidate notice (中标候选人公示) and the debrief
/// letters. Kept apart from the report's labels because these documents are read by the public and by bidders,
/// not by the committee.
struct PublicWords: Sendable {
    var noticeTitle: String
    var candidatesSection: String
    var candidateRank: String
    var quotedPrice: String
    var publicitySection: String
    /// The publicity period: its dates are the publisher's to fill, because they depend on the day of publication
    /// and on the rules that apply to the procurement (working days, holidays), which the tool does not know.
    var publicityPeriod: String
    var complaintLine: String
    var noticeFootnote: String
    var letterTitle: String
    var addressee: @Sendable (String) -> String
    var rankedLine: @Sendable (Int, Int) -> String
    var winnerLine: String
    var disqualifiedLine: String
    var yourScore: String
    var winnersScore: String
    var deductionsSection: String
    var noDeductions: String
    var disqualificationSection: String
    var committeeOpinion: String
    var opinionSeparator: String
    var noReasonGiven: String
    var consensusNote: @Sendable (String) -> String
    var priceDeduction: @Sendable (String, String, String) -> String
    var pricesSection: String
    var yourPrice: @Sendable (String, String) -> String
    var winnersPrice: @Sendable (String, String) -> String
    var letterFootnote: String
    var quotedPriceColumn: String

    static func words(for language: ReportLanguage) -> PublicWords {
        language == .en ? english : chinese
    }

    static let chinese = PublicWords(
        noticeTitle: "中标候选人公示",
        candidatesSection: "中标候选人",
        candidateRank: "排序",
        quotedPrice: "投标报价",
        publicitySection: "公示期与异议",
        publicityPeriod: "公示期：____年__月__日至____年__月__日（由采购人或采购代理机构按适用规定填写）。",
        complaintLine:
            "供应商对公示结果有异议的，请于公示期内以书面形式向采购人或采购代理机构提出。联系人：________  联系电话：________",
        noticeFootnote: "本公示仅列出中标候选人及其评审总得分和报价，不含评审委员会成员信息及个人评分。",
        letterTitle: "评审结果告知书",
        addressee: { "致：\($0)" },
        rankedLine: { rank, count in "贵单位的投标为有效投标，评审总得分排第 \(rank) 名（共 \(count) 家有效投标）。" },
        winnerLine: "贵单位的投标排名第一，为第一中标候选人。",
        disqualifiedLine: "贵单位的投标未通过资格性或符合性审查，按无效投标处理，未进入评分排序。",
        yourScore: "贵单位得分",
        winnersScore: "第一中标候选人得分",
        deductionsSection: "失分说明",
        noDeductions: "贵单位在各评审因素均得满分。",
        disqualificationSection: "无效投标的原因",
        committeeOpinion: "评委意见",
        opinionSeparator: "；",
        noReasonGiven: "（评委未填写理由）",
        consensusNote: { "评审委员会经讨论一致确定该项得分为 \($0) 分。" },
        priceDeduction: { points, maximum, evaluated in
            "价格分按招标文件规定的价格公式以评审价格 \(evaluated) 计算，得 \(points) 分（满分 \(maximum) 分）。"
        },
        pricesSection: "报价",
        yourPrice: { quoted, evaluated in "贵单位投标报价：\(quoted)；评审价格：\(evaluated)。" },
        winnersPrice: { quoted, evaluated in "第一中标候选人投标报价：\(quoted)；评审价格：\(evaluated)。" },
        letterFootnote:
            "本告知书不含评审委员会成员的姓名及其个人评分；其他供应商的报价仅以中标候选人公示所公开的为限。如有疑问，可于质疑期内向采购人或采购代理机构书面提出。",
        quotedPriceColumn: "投标报价"
    )

    static let english = PublicWords(
        noticeTitle: "Notice of winning candidates",
        candidatesSection: "Winning candidates",
        candidateRank: "Order",
        quotedPrice: "Quoted price",
        publicitySection: "Publicity period and objections",
        publicityPeriod:
            "Publicity period: from ____-__-__ to ____-__-__ (to be filled in by the purchaser or its agency as the "
            + "applicable rules require).",
        complaintLine:
            "A supplier who objects to this result may do so in writing to the purchaser or its agency within the "
            + "publicity period. Contact: ________  Telephone: ________",
        noticeFootnote:
            "This notice lists only the winning candidates with their total scores and prices; it names no member of "
            + "the evaluation committee and shows no individual member's score.",
        letterTitle: "Evaluation debrief",
        addressee: { "To: \($0)" },
        rankedLine: { rank, count in
            "Your bid was valid and ranked \(rank) of \(count) valid bids by total score."
        },
        winnerLine: "Your bid ranked first: you are the first winning candidate.",
        disqualifiedLine:
            "Your bid did not pass the qualification or compliance review; it was treated as invalid and not ranked.",
        yourScore: "Your score",
        winnersScore: "First candidate's score",
        deductionsSection: "Where points were lost",
        noDeductions: "Your bid received the maximum on every criterion.",
        disqualificationSection: "Why the bid was invalid",
        committeeOpinion: "Committee member's opinion",
        opinionSeparator: "; ",
        noReasonGiven: "(no reason written)",
        consensusNote: { "The committee agreed on \($0) points for this criterion." },
        priceDeduction: { points, maximum, evaluated in
            "Price points follow the tender's price formula from your evaluated price \(evaluated): \(points) of "
                + "\(maximum)."
        },
        pricesSection: "Prices",
        yourPrice: { quoted, evaluated in "Your quoted price: \(quoted); evaluated price: \(evaluated)." },
        winnersPrice: { quoted, evaluated in
            "The first candidate's quoted price: \(quoted); evaluated price: \(evaluated)."
        },
        letterFootnote:
            "This letter names no member of the evaluation committee and shows no individual member's score; other "
            + "suppliers' prices appear only as far as the notice of winning candidates makes them public. Questions "
            + "may be put in writing to the purchaser or its agency within the period for objections.",
        quotedPriceColumn: "Quoted price"
    )
}
