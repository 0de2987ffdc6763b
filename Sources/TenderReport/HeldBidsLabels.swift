import TenderModel

/// The words for bids held for the committee because they claim a bidder another bid also claims, in one
/// language. Kept apart from `Labels` because they state one idea: while such bids are held, the outcome is
/// provisional.
struct HeldBidsLabels: Sendable {
    /// The outcome section's first paragraph: how many bids are held, which files, and that the ranking (or the
    /// failed verdict, when `failed`) stands only once the committee has decided.
    var provisional: @Sendable (_ count: Int, _ files: RichText, _ failed: Bool) -> RichText
    /// The outcome's lines while bids are held, in place of the final ones (which say the ranking stands, or that
    /// the tender must be re-tendered).
    var rankedForNow: @Sendable (_ valid: Int, _ minimum: Int) -> String
    var firstRankedForNow: @Sendable (_ bidders: RichText, _ tie: Bool) -> RichText
    var failedForNow: @Sendable (_ valid: Int, _ minimum: Int) -> String
    /// The tender-level flag.
    var flag: @Sendable (_ count: Int, _ files: RichText) -> RichText
    var short: String

    static func labels(for language: ReportLanguage) -> HeldBidsLabels {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }

    static let english = HeldBidsLabels(
        provisional: { count, files, failed in
            let what: RichText = failed ? "Provisional result" : "Provisional ranking"
            return "\(what): \(count) \(count == 1 ? "bid is" : "bids are") held for the committee until it decides "
                + "which bid speaks for which bidder: \(files)."
        },
        rankedForNow: { valid, minimum in
            "Ranked for now: \(valid) valid bids (minimum \(minimum)); the held bids are not among them."
        },
        firstRankedForNow: { bidders, tie in
            tie ? "Ranked first for now (tie / 并列): \(bidders)" : "Ranked first for now: \(bidders)"
        },
        failedForNow: { valid, minimum in
            "Too few valid bids for now: only \(valid) valid bids, minimum \(minimum) — unless the committee admits "
                + "a held bid, the tender failed (废标) and must be re-tendered."
        },
        flag: { count, files in
            "Held for the committee: \(count) \(count == 1 ? "bid claims" : "bids claim") a bidder that another bid "
                + "also claims (\(files)); until the committee decides which bid speaks for which bidder, the "
                + "outcome is provisional"
        },
        short: "held for the committee"
    )

    static let chinese = HeldBidsLabels(
        provisional: { count, files, failed in
            let what: RichText = failed ? "评标结果为暂定" : "排序结果为暂定"
            return "\(what)：\(count) 份投标文件暂不评审，待评标委员会确定哪份投标文件代表哪个投标人：\(files)。"
        },
        rankedForNow: { valid, minimum in
            "目前有效投标 \(valid) 家（最少 \(minimum) 家），暂不评审的投标不在其中，排名待评标委员会认定后确定。"
        },
        firstRankedForNow: { bidders, tie in
            tie ? "暂列并列第一：\(bidders)" : "暂列第一：\(bidders)"
        },
        failedForNow: { valid, minimum in
            "目前有效投标仅 \(valid) 家，少于最低要求 \(minimum) 家——评标委员会如不认可暂不评审的投标，本次招标失败（废标），"
                + "应重新组织采购。"
        },
        flag: { count, files in
            "待评标委员会认定：\(count) 份投标文件声明的投标人与其他投标文件相同（\(files)）；"
                + "评标委员会确定哪份投标文件代表哪个投标人之前，评标结果为暂定"
        },
        short: "待评标委员会认定"
    )
}
