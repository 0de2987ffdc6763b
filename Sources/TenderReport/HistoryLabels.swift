import TenderModel

/// The words for criteria that read the performance history (issue 10), in one language: the rule, which
/// contracts and months a bid's points come from, the neutral value and the committee's warning flag.
struct HistoryLabels: Sendable {
    /// The rule: `months` whole months `first … last`, ending with the month before `reference` (the publication
    /// month, or the evaluation month when `published` is false), the buyer filter, the scale and the neutral value.
    var rule:
        @Sendable (
            _ months: Int, _ first: String, _ last: String, _ reference: String, _ published: Bool,
            _ thisBuyer: Bool, _ scale: RichText, _ neutral: String
        ) -> RichText
    /// One contract's counted months: `ranges` such as `2021-01 … 2021-06, 2021-08`.
    var contractMonths: @Sendable (_ contract: RichText, _ ranges: String, _ count: Int) -> RichText
    /// `Σ / count = mean`.
    var mean: @Sendable (_ sum: String, _ count: Int, _ mean: String) -> String
    /// Contracts in the window that another buyer awarded (`this-buyer`).
    var otherBuyers: @Sendable (_ contracts: RichText) -> RichText
    var noMonths: @Sendable (_ first: String, _ last: String, _ thisBuyer: Bool) -> String
    var noRegistrationID: String
    var neutral: @Sendable (_ points: String) -> String
    /// The paragraph under the rules naming the database read.
    var source: @Sendable (_ database: RichText, _ digest: RichText, _ first: String, _ last: String) -> RichText
    var flag:
        @Sendable (
            _ bidder: RichText, _ contractor: RichText, _ contract: RichText, _ tender: RichText, _ buyer: RichText,
            _ rule: RichText, _ raisedIn: String, _ months: String, _ consequence: RichText
        ) -> RichText
    var short: String
    var monthsSeparator: String

    static func labels(for language: ReportLanguage) -> HistoryLabels {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }

    static let english = HistoryLabels(
        rule: { months, first, last, reference, published, thisBuyer, scale, neutral in
            let whose = thisBuyer ? "the bidder's contracts with this buyer" : "the bidder's contracts with any buyer"
            let before = published ? "publication" : "evaluation"
            return "mean monthly evaluation score (月考评) of \(whose), matched by registration id, over \(months) "
                + "months \(first) … \(last) (ending the month before \(before), \(reference)); x = the mean: "
                + scale + "; no monthly score in the window → neutral \(neutral) (FAR 15.305(a)(2)(iv))"
        },
        contractMonths: { contract, ranges, count in
            "\(contract): \(ranges), \(count) month\(count == 1 ? "" : "s")"
        },
        mean: { sum, count, mean in "mean \(sum) / \(count) = \(mean)" },
        otherBuyers: { contracts in "not counted, another buyer's: \(contracts)" },
        noMonths: { first, last, thisBuyer in
            "no monthly evaluation in \(first) … \(last)\(thisBuyer ? " on a contract with this buyer" : "")"
        },
        noRegistrationID: "the bid states no registration id: no contract can be matched",
        neutral: { points in "neutral \(points) (FAR 15.305(a)(2)(iv))" },
        source: { database, digest, first, last in
            "Performance history read from \(database) (SHA-256 \(digest)), months \(first) … \(last)."
        },
        flag: { bidder, contractor, contract, tender, buyer, rule, raisedIn, months, consequence in
            "Past-performance warning for \(bidder): contract \(contract) (tender \(tender), buyer \(buyer), "
                + "contractor \(contractor)) raised rule '\(rule)' in \(raisedIn) (months \(months)): "
                + consequence + "; for the committee's attention only, it changes no score and excludes no bid"
        },
        short: "past-performance warning",
        monthsSeparator: ", "
    )

    static let chinese = HistoryLabels(
        rule: { months, first, last, reference, published, thisBuyer, scale, neutral in
            let whose = thisBuyer ? "投标人与本采购人所签合同" : "投标人与任何采购人所签合同"
            let before = published ? "公告发布" : "评审"
            return "\(whose)的月考评平均分（按统一社会信用代码匹配），统计 \(first) … \(last) 共 \(months) 个月"
                + "（截至\(before)月 \(reference) 的前一个月）；x 为平均分：" + scale
                + "；统计期内无月考评得分 → 中性分 \(neutral)（FAR 15.305(a)(2)(iv)）"
        },
        contractMonths: { contract, ranges, count in "\(contract)：\(ranges)，共 \(count) 个月" },
        mean: { sum, count, mean in "平均分 \(sum) / \(count) = \(mean)" },
        otherBuyers: { contracts in "其他采购人的合同，不计入：\(contracts)" },
        noMonths: { first, last, thisBuyer in
            "\(first) … \(last) 期间\(thisBuyer ? "与本采购人所签合同" : "")无月考评记录"
        },
        noRegistrationID: "投标文件未提供统一社会信用代码，无法匹配合同",
        neutral: { points in "中性分 \(points)（FAR 15.305(a)(2)(iv)）" },
        source: { database, digest, first, last in
            "履约考评历史取自 \(database)（SHA-256 \(digest)），月份 \(first) … \(last)。"
        },
        flag: { bidder, contractor, contract, tender, buyer, rule, raisedIn, months, consequence in
            "以往履约警示（\(bidder)）：合同 \(contract)（项目 \(tender)，采购人 \(buyer)，供应商 \(contractor)）"
                + "于 \(raisedIn) 触发规则“\(rule)”（月份 \(months)）：" + consequence
                + "；仅提请评标委员会注意，不改变任何得分，也不否决投标"
        },
        short: "以往履约警示",
        monthsSeparator: "、"
    )
}
