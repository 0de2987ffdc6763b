import TenderCore
import TenderModel

/// The Chinese wording of every report (terms as used in 政府采购 award notices and 87号令).
struct ChineseLabels: Labels {
    let reportTitle = "评标报告"
    let htmlLanguage = "zh-CN"
    let none = "无"
    let dash = "—"
    let listSeparator = "、"
    let stepSeparator = "；"
    let colon = "："

    let tenderSection = "项目信息"
    let tenderID = "项目编号"
    let tenderTitle = "项目名称"
    let buyer = "采购人"
    let method = "评标方法"
    let currency = "币种"
    let budget = "预算金额"
    let rounding = "计分与舍入"
    let evaluationDate = "评标日期"
    let minimumValidBids = "最少有效投标人数"
    let rankingOrder = "排序规则"
    let priceDeductions = "价格扣除"
    let abnormallyLowRule = "异常低价"
    let committee = "评标委员会"
    let profile = "政策配置"
    let rubricFile = "评分细则文件"
    let toolVersion = "工具版本"

    func methodName(_ method: EvaluationMethod) -> String {
        switch method {
        case .comprehensive: return "综合评分法（总分最高者排名第一）"
        case .lowestEvaluatedPrice: return "最低评标价法"
        }
    }

    func roundingRule(_ policy: RoundingPolicy, decimals: Int) -> String {
        switch policy {
        case .perCriterion:
            return "各评分项得分四舍五入保留 \(decimals) 位小数，总分为各项得分之和"
        case .total:
            return "各评分项得分不舍入，仅总分四舍五入保留 \(decimals) 位小数"
        }
    }

    func rankingOrder(_ steps: [RichText]) -> RichText {
        let chain: [RichText] = ["总分从高到低", "评标价从低到高"] + steps
        return chain.joined(separator: "，") + "，仍相同者并列"
    }

    func rankingStep(_ rule: TieBreakRule, names: (String) -> RichText) -> RichText {
        switch rule {
        case .earliestSubmission: return "递交时间从早到晚"
        default: return "\(tieBreakRule(rule, names: names))从高到低"
        }
    }

    func tieBreakRule(_ rule: TieBreakRule, names: (String) -> RichText) -> RichText {
        switch rule {
        case .technicalScore: return "技术得分"
        case .groupScore(let groups): return "\(groups.map(names).joined(separator: " + "))得分"
        case .criterionScore(let criterion): return "「\(names(criterion))」得分"
        case .earliestSubmission: return "递交时间较早"
        }
    }

    func sizeName(_ size: EnterpriseSize) -> String {
        switch size {
        case .large: return "大型企业"
        case .medium: return "中型企业"
        case .small: return "小型企业"
        case .micro: return "微型企业"
        }
    }

    func deduction(size: EnterpriseSize, percent: String) -> String {
        "\(sizeName(size)) \(percent) %"
    }

    func abnormallyLowRule(percent: String) -> String {
        "有效投标的评标价低于其他有效投标平均值 \(percent) % 及以上的予以标注，须要求其书面说明（87号令第六十条），不自动否决"
    }

    func committeeRule(members: RichText, count: Int, aggregation: ScoreAggregation, disagreementPercent: String)
        -> RichText
    {
        let rule: String
        switch aggregation {
        case .mean: rule = "投标人得分为各评委打分的算术平均值"
        case .trimmedMean: rule = "投标人得分为去掉一个最高分和一个最低分后的平均值"
        }
        return "评委 \(count) 人（\(members)）；\(rule)；评委打分差值达到该项分值 \(disagreementPercent) % 的予以标注"
    }

    let outcomeSection = "评标结果"

    func ranked(valid: Int, minimum: Int) -> String {
        "有效投标 \(valid) 家（最少 \(minimum) 家），排名有效。"
    }

    func firstRanked(_ bidders: RichText, tie: Bool) -> RichText {
        tie ? "并列排名第一：\(bidders)" : "排名第一：\(bidders)"
    }

    func failed(valid: Int, minimum: Int) -> String {
        "招标失败：有效投标仅 \(valid) 家，少于最低要求 \(minimum) 家——本次招标失败（废标），应重新组织采购。"
    }

    let rankingSection = "排名"
    let rank = "名次"
    let bidder = "投标人"
    let total = "总分"
    let evaluatedPrice = "评标价"
    let decidedBy = "排序依据"

    func tiedRank(_ rank: Int) -> String {
        "\(rank)（并列）"
    }

    func decision(_ rule: RichText) -> RichText {
        "排序依据：\(rule)"
    }

    let lowerEvaluatedPrice = "评标价较低"

    func tieNote(above: RichText, below: RichText, total: String, decision: RichText) -> RichText {
        "\(above) 与 \(below) 总分同为 \(total)，\(above) 排名在前——\(decision)"
    }

    func priceBase(lowest: String, bidder: RichText, highest: String) -> RichText {
        "价格基准（仅取有效投标，无效投标和未评审投标不计入）：P_min = \(lowest)（\(bidder)），P_max = \(highest)"
    }

    let chartTitle = "分项得分"
    let notRankedSection = "未参与排名的投标"
    let file = "文件"
    let status = "状态"
    let reason = "原因"

    func statusName(_ status: BidStatus) -> String {
        switch status {
        case .valid: return "有效"
        case .disqualified: return "无效投标"
        case .notEvaluated: return "未评审"
        }
    }

    let flagsSection = "评标委员会关注事项"

    func abnormallyLow(bidder: RichText, price: String, mean: String, percent: String) -> RichText {
        "异常低价：\(bidder) 的评标价 \(price) 低于其他有效投标平均值（\(mean)）\(percent) %，处理规则见项目信息"
    }

    func disagreement(
        bidder: RichText,
        criterion: RichText,
        lowest: String,
        highest: String,
        spread: String,
        threshold: String,
        outliers: RichText?
    ) -> RichText {
        let far: RichText = outliers.map { "；\($0) 的打分与其他评委平均分相差达到阈值（畸高/畸低，87号令第六十四条）" } ?? ""
        return "评分分歧：评委对 \(bidder) 的「\(criterion)」打分从 \(lowest) 到 \(highest)（差值 \(spread)，"
            + "阈值 \(threshold)）\(far)——请评标委员会复核"
    }

    func tooFewValidBids(valid: Int, minimum: Int) -> String {
        "有效投标不足：仅 \(valid) 家，少于最低要求 \(minimum) 家——本次招标失败（废标）"
    }

    func declaredTie(bidders: RichText, rank: Int) -> RichText {
        "并列第 \(rank) 名：\(bidders)——总分、评标价及各项排序规则均相同"
    }

    func rankReversal(removed: RichText, winner: RichText, winnerWithout: RichText) -> RichText {
        "排名反转：若无 \(removed)，\(winnerWithout) 将排名第一（现为 \(winner)）；相对价格公式使结果依赖于其他投标"
    }

    let flagAbnormallyLowShort = "异常低价：须书面说明"

    func flagDisagreementShort(_ criterion: RichText) -> RichText {
        "评分分歧：\(criterion)"
    }

    let flagTieShort = "并列"
    let flagRankReversalShort = "排名反转"
    let flagTooFewShort = "有效投标不足"

    func suspiciousName(bidder: RichText, source: String, characters: String) -> RichText {
        "可疑的投标人名称：\(bidder)\(source)含有不可见字符或文字方向控制字符（\(characters)），请评标委员会与其登记名称核对"
    }

    let flagSuspiciousNameShort = "投标人名称含不可见字符"

    func implausibleDate(bidder: RichText, part: RichText, date: RichText, source: String, problem: String) -> RichText
    {
        "日期不合理：\(bidder)的\(part)日期为 \(date)\(source)，\(problem)"
    }

    let flagImplausibleDateShort = "日期不合理"

    func datedPart(_ part: DatedPart, kind: RichText) -> RichText {
        switch part {
        case .submission: return "递交时间"
        case .violation: return "违法记录"
        case .commitment: return "\(kind)承诺书"
        }
    }

    func dateProblem(_ problem: DateProblem) -> String {
        switch problem {
        case .afterEvaluation(let date): return "晚于评标日期 \(date)"
        case .afterDeadline(let deadline): return "晚于投标截止时间 \(deadline)"
        case .afterSubmission(let time): return "晚于本投标文件的递交时间 \(time)"
        case .beforePublication(let date): return "早于招标公告发布日期 \(date)"
        case .beforeEarliestPlausible(let date): return "早于 \(date)，不是投标文件中可能出现的日期"
        }
    }

    func commitmentDateImplausible(kind: RichText, date: RichText, source: String, problem: String) -> RichText {
        "\(kind)承诺书签署日期为 \(date)\(source)，\(problem)，不予认可"
    }

    func violationDateImplausible(
        date: RichText,
        severity: String,
        description: RichText,
        source: String,
        problem: String
    )
        -> RichText
    {
        "\(severity)违法记录日期为 \(date)\(source)，\(problem)：不能视为无违法记录，须澄清（\(description)）"
    }

    let submissionTieBreakNote = "，不能在“递交时间早者优先”中胜出"
    let published = "招标公告发布日期"
    let submissionDeadline = "投标截止时间"

    func failedGateShort(_ gate: RichText) -> RichText {
        "未通过：\(gate)"
    }

    let bidsSection = "逐家评审明细"

    func validHeading(rank: String, bidder: RichText) -> RichText {
        "第 \(rank) 名 — \(bidder)"
    }

    func disqualifiedHeading(_ bidder: RichText) -> RichText {
        "无效投标 — \(bidder)"
    }

    func notEvaluatedHeading(_ bidder: RichText) -> RichText {
        "未评审 — \(bidder)"
    }

    let registrationID = "统一社会信用代码"
    let enterpriseSize = "企业规模"
    let submittedAt = "递交时间"
    let gatesSection = "资格与符合性审查"
    let scoresSection = "评分明细"
    let group = "分组"
    let criterion = "评分项"
    let maximum = "分值"
    let fact = "投标文件事实"
    let rule = "计分规则"
    let points = "得分"
    let subtotalsSection = "分组小计"
    let totalLabel = "总分"
    let problemsSection = "问题"
    let bidFlagsSection = "关注事项"

    func disqualifiedNote(_ gates: RichText) -> RichText {
        "无效投标——\(gates)。该投标不参与评分，也不计入价格基准。"
    }

    let notEvaluatedNote = "未评审：投标文件无法读取或使用，不参与排名，也不计入价格基准。"

    func commitmentKindName(_ kind: String) -> String? {
        switch kind {
        case "technical-service": return "技术服务"
        case "confidentiality": return "保密"
        case "integrity": return "廉洁"
        default: return nil
        }
    }

    func commitmentSigned(kind: RichText, date: RichText, source: String) -> RichText {
        "\(kind)承诺书已于 \(date) 签署\(source)"
    }

    func commitmentMissing(kind: RichText) -> RichText {
        "投标文件中没有\(kind)承诺书"
    }

    func commitmentUnsigned(kind: RichText, source: String) -> RichText {
        "\(kind)承诺书没有签署日期\(source)"
    }

    func violationsNotDeclared(format: String) -> RichText {
        "投标文件（\(format) 格式）未声明违法记录情况，无法核实；须提供书面声明"
    }

    func noViolations(severity: String, since: String) -> RichText {
        "自 \(since) 起无\(severity)违法记录"
    }

    func violation(date: RichText, severity: String, authority: RichText?, description: RichText, source: String)
        -> RichText
    {
        let by: RichText = authority.map { "，\($0)" } ?? ""
        return "\(date)：\(severity)违法记录\(by)：\(description)\(source)"
    }

    func violationsFound(count: Int, severity: String, since: String) -> RichText {
        "自 \(since) 起有 \(count) 项\(severity)违法记录"
    }

    func severityName(_ severity: ViolationSeverity) -> String {
        switch severity {
        case .major: return "重大"
        case .minor: return "一般"
        }
    }

    func attachmentFound(type: RichText, name: RichText, source: String) -> RichText {
        "已附 \(type)：\(name)\(source)"
    }

    func attachmentMissing(type: RichText) -> RichText {
        "投标文件未附 \(type)"
    }

    func xpathTest(_ test: RichText, result: Bool) -> RichText {
        "\(test) 结果为\(result ? "真" : "假")"
    }

    func yesNo(_ value: Bool) -> String {
        value ? "是" : "否"
    }

    let factAbsent = "投标文件未提供"

    func source(_ location: String) -> String {
        "（\(location)）"
    }

    func belowFirstBand(points: String) -> String {
        "低于最低档 → \(points)"
    }

    func linear(clamp: String, value: String, lower: String, upper: String, formula: String) -> String {
        let clamped = clamp == value ? "" : " = \(clamp)"
        return "\(value) 限定在 [\(lower), \(upper)]\(clamped)：\(formula)"
    }

    func perItem(count: String, each: String, product: String, cap: String, capped: Bool, points: String) -> String {
        capped
            ? "\(count) × \(each) = \(product)，上限 \(cap) → \(points)"
            : "\(count) × \(each) = \(product)，上限 \(cap)"
    }

    func yesNoRule(_ value: Bool, yes: String, no: String) -> String {
        // 另一答案的分值见“评分项与评分规则”。
        value ? "是 → \(yes)" : "否 → \(no)"
    }

    func lookup(key: RichText, matched: Bool, points: String) -> RichText {
        matched ? "“\(key)” → \(points)（对照表）" : "“\(key)” 不在对照表中 → \(points)（其他）"
    }

    func absentRule(points: String) -> String {
        "未提供 → \(points)"
    }

    func memberScore(member: RichText, score: String) -> RichText {
        "\(member) \(score)"
    }

    func mean(_ formula: String) -> String {
        "平均：\(formula)"
    }

    func trimmedMean(dropped: RichText, formula: String) -> RichText {
        "去掉 \(dropped) 后平均：\(formula)"
    }

    func bidPrice(_ amount: String, currency: RichText) -> RichText {
        "投标报价 \(amount) \(currency)"
    }

    func deductionStep(size: String, formula: String) -> String {
        "\(size)价格扣除：\(formula)"
    }

    let noDeduction = "无价格扣除"
    let equalPrices = "各有效投标评标价相同：得满分"

    let diagnosticsSection = "诊断信息"
    let inputsSection = "输入文件"
}
