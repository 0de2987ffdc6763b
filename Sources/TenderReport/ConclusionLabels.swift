import TenderModel

/// The words for what an evaluation may conclude (final, failed, preliminary, cannot conclude), for what is
/// outstanding, and for why a bid failed, in one language. Kept apart from `Labels` because they state one idea:
/// a report never claims more than its inputs allow, and a failed bid's reason says what failed, with the evidence.
struct ConclusionLabels: Sendable {
    /// Put before the report's title on a preliminary run (and after it in the page title).
    var preliminaryStamp: String
    var cannotConcludeStamp: String
    var preliminaryBanner: @Sendable (_ outstanding: Int, _ minimum: Int, _ valid: Int) -> RichText
    var cannotConcludeBanner: @Sendable (_ blocked: Int, _ outstanding: Int) -> RichText
    /// The outcome as it stands while the evaluation cannot conclude, in place of a failed verdict.
    var tooFewForNow: @Sendable (_ valid: Int, _ minimum: Int) -> String
    var failedNoRanks: String
    var blockersSection: String
    var blockerHeld: String
    var blockerUnread: String
    var outstandingSection: String
    var outstandingSummary: @Sendable (_ scores: Int, _ members: Int) -> String
    /// A member with scores missing for these bidders on these criteria.
    var outstandingLine:
        @Sendable (_ member: RichText, _ bidders: RichText, _ criteria: RichText, _ count: Int) -> RichText
    var allBidders: @Sendable (_ count: Int) -> RichText
    var memberWithoutSheet: String
    var conflictDeclared: @Sendable (_ member: RichText, _ bidder: RichText, _ at: String) -> RichText
    var validBidsSection: String
    var validBidsPreliminaryNote: String
    var validBidsFailedNote: String
    var objectiveAndPrice: String
    var judgementPending: String
    var validUnrankedHeading: @Sendable (_ bidder: RichText) -> RichText
    /// "Failed: <what failed> (<file:line>, <detail>)".
    var failed: @Sendable (_ what: RichText, _ evidence: String) -> RichText
    var evidence: @Sendable (_ parts: [String]) -> String
    var violationWithin: @Sendable (_ severity: String, _ years: Int) -> RichText
    var violationImplausible: @Sendable (_ severity: String, _ problem: String) -> RichText
    var violationsNotDeclared: @Sendable (_ format: String) -> RichText
    var commitmentMissing: @Sendable (_ kind: RichText) -> RichText
    var commitmentUnsigned: @Sendable (_ kind: RichText) -> RichText
    var commitmentDateImplausible: @Sendable (_ kind: RichText, _ problem: String) -> RichText
    var attachmentMissing: @Sendable (_ type: RichText) -> RichText
    var conditionNotMet: @Sendable (_ gate: RichText, _ test: RichText) -> RichText
    var lateSubmission: @Sendable (_ submitted: RichText, _ deadline: RichText, _ clause: String) -> RichText
    var aboveCeiling: @Sendable (_ price: String, _ ceiling: String, _ clause: String) -> RichText
    var aboveBudget: @Sendable (_ price: String, _ budget: String, _ clause: String) -> RichText

    static func labels(for language: ReportLanguage) -> ConclusionLabels {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }

    static let english = ConclusionLabels(
        preliminaryStamp: "PRELIMINARY",
        cannotConcludeStamp: "CANNOT CONCLUDE",
        preliminaryBanner: { outstanding, minimum, valid in
            "PRELIMINARY — not a result: \(outstanding) judgement score\(outstanding == 1 ? " is" : "s are") "
                + "outstanding, so no bid is ranked. Gates, objective and price points are shown; \(valid) valid "
                + "bid\(valid == 1 ? "" : "s") (minimum \(minimum))."
        },
        cannotConcludeBanner: { blocked, outstanding in
            let scores: RichText =
                outstanding == 0
                ? "" : " and \(outstanding) judgement score\(outstanding == 1 ? " is" : "s are") outstanding"
            return "EVALUATION CANNOT CONCLUDE until these are fixed: \(blocked) bid\(blocked == 1 ? "" : "s") could "
                + "not be read or \(blocked == 1 ? "is" : "are") held for the committee\(scores). This is not a "
                + "result and not a failed tender."
        },
        tooFewForNow: { valid, minimum in
            "Only \(valid) valid bids for now (minimum \(minimum)); whether the tender failed cannot be said until "
                + "the bids listed are read or decided."
        },
        failedNoRanks: "No bid is ranked.",
        blockersSection: "To fix before the evaluation can conclude",
        blockerHeld: "held for the committee",
        blockerUnread: "could not be read or used",
        outstandingSection: "Outstanding judgement scores",
        outstandingSummary: { scores, members in
            "\(scores) score\(scores == 1 ? "" : "s") outstanding from \(members) member\(members == 1 ? "" : "s")."
        },
        outstandingLine: { member, bidders, criteria, count in
            "\(member): \(bidders) × \(criteria) (\(count) score\(count == 1 ? "" : "s"))"
        },
        allBidders: { count in "all \(count) valid bidders" },
        memberWithoutSheet: "members without a sheet",
        conflictDeclared: { member, bidder, at in
            "\(member) declared a conflict of interest with \(bidder) (\(at)): the committee must record the recusal"
        },
        validBidsSection: "Valid bids (not ranked)",
        validBidsPreliminaryNote:
            "In bidder-name order. Only the parts that need no judgement score are shown; this is not a ranking.",
        validBidsFailedNote: "The tender failed: these bids are valid but not ranked.",
        objectiveAndPrice: "complete",
        judgementPending: "Judgement criteria: outstanding; no total until every score is given.",
        validUnrankedHeading: { bidder in "Valid, not ranked — \(bidder)" },
        failed: { what, evidence in "Failed: \(what)\(evidence)" },
        evidence: { parts in parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")" },
        violationWithin: { severity, years in "a \(severity) violation within \(years) year\(years == 1 ? "" : "s")" },
        violationImplausible: { severity, problem in "a \(severity) violation record dated \(problem)" },
        violationsNotDeclared: { format in "no declaration of legal violations (\(format) bid)" },
        commitmentMissing: { kind in "no \(kind) commitment" },
        commitmentUnsigned: { kind in "the \(kind) commitment is not signed" },
        commitmentDateImplausible: { kind, problem in "the \(kind) commitment is dated \(problem)" },
        attachmentMissing: { type in "no \(type) attached" },
        conditionNotMet: { gate, test in "condition not met: \(gate) (\(test) is false)" },
        lateSubmission: { submitted, deadline, clause in
            "submitted at \(submitted), after the deadline \(deadline); a late bid is refused (\(clause))"
        },
        aboveCeiling: { price, ceiling, clause in
            "price \(price) is above the ceiling price (最高限价) \(ceiling); the bid is invalid (\(clause))"
        },
        aboveBudget: { price, budget, clause in
            "price \(price) is above the budget \(budget); the bid is invalid (\(clause))"
        }
    )

    static let chinese = ConclusionLabels(
        preliminaryStamp: "初步评审（非最终结果）",
        cannotConcludeStamp: "评审无法完成",
        preliminaryBanner: { outstanding, minimum, valid in
            "初步评审，不是评标结果：尚缺 \(outstanding) 项评审因素得分，因此不对任何投标排序。以下仅列资格审查、客观分和价格分；"
                + "目前有效投标 \(valid) 家（最少 \(minimum) 家）。"
        },
        cannotConcludeBanner: { blocked, outstanding in
            let scores: RichText = outstanding == 0 ? "" : "，另缺 \(outstanding) 项评审因素得分"
            return "评审无法完成，须先处理以下事项：\(blocked) 份投标文件无法读取或待评标委员会认定\(scores)。"
                + "本报告不是评标结果，也不是废标。"
        },
        tooFewForNow: { valid, minimum in
            "目前有效投标仅 \(valid) 家（最少 \(minimum) 家）；上述投标文件处理之前，不能认定是否废标。"
        },
        failedNoRanks: "不对任何投标排序。",
        blockersSection: "评审完成前须处理的事项",
        blockerHeld: "待评标委员会认定",
        blockerUnread: "无法读取或使用",
        outstandingSection: "尚缺的评审因素得分",
        outstandingSummary: { scores, members in "尚缺 \(scores) 项得分，涉及 \(members) 位评委。" },
        outstandingLine: { member, bidders, criteria, count in
            "\(member)：\(bidders) × \(criteria)（共 \(count) 项）"
        },
        allBidders: { count in "全部 \(count) 家有效投标人" },
        memberWithoutSheet: "未提交评分表的评委",
        conflictDeclared: { member, bidder, at in
            "\(member) 声明与 \(bidder) 存在利益冲突（\(at)）：评标委员会须记录其回避"
        },
        validBidsSection: "有效投标（未排序）",
        validBidsPreliminaryNote: "按投标人名称排列，仅列无需评委打分的部分；这不是排名。",
        validBidsFailedNote: "本次招标失败：以下投标有效，但不排序。",
        objectiveAndPrice: "已完成",
        judgementPending: "评审因素：尚缺得分；全部得分齐备之前没有总分。",
        validUnrankedHeading: { bidder in "有效投标（未排序）——\(bidder)" },
        failed: { what, evidence in "未通过：\(what)\(evidence)" },
        evidence: { parts in parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")" },
        violationWithin: { severity, years in "近\(chineseCount(years))年内有\(severity)违法记录" },
        violationImplausible: { severity, problem in "\(severity)违法记录的日期\(problem)" },
        violationsNotDeclared: { format in "未声明违法记录（\(format) 格式的投标文件）" },
        commitmentMissing: { kind in "缺少\(kind)承诺书" },
        commitmentUnsigned: { kind in "\(kind)承诺书未签署" },
        commitmentDateImplausible: { kind, problem in "\(kind)承诺书的签署日期\(problem)" },
        attachmentMissing: { type in "未附 \(type)" },
        conditionNotMet: { gate, test in "不满足条件：\(gate)（\(test) 为假）" },
        lateSubmission: { submitted, deadline, clause in
            "递交时间 \(submitted) 晚于投标截止时间 \(deadline)，逾期投标应拒收（\(clause)）"
        },
        aboveCeiling: { price, ceiling, clause in
            "报价 \(price) 超过最高限价 \(ceiling)，投标无效（\(clause)）"
        },
        aboveBudget: { price, budget, clause in
            "报价 \(price) 超过采购预算 \(budget)，投标无效（\(clause)）"
        }
    )

    /// 一 … 十 for the small counts a look-back window has; larger counts stay in digits.
    static func chineseCount(_ value: Int) -> String {
        let numerals = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"]
        return numerals.indices.contains(value) ? numerals[value] : String(value)
    }
}
