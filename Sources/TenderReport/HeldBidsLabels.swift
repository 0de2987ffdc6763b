import TenderModel

/// The words for bids held for the committee because they claim a bidder another bid also claims, in one
/// language. Kept apart from `Labels` because they state one idea: while such bids are held, the outcome is
/// provisional.
struct HeldBidsLabels: Sendable {
    /// The outcome section's first paragraph: how many bids are held, which files, and that the ranking (or the
    /// failed verdict, when `failed`) stands only once the committee has decided.
    var provisional: @Sendable (_ count: Int, _ files: RichText, _ failed: Bool) -> RichText
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
        flag: { count, files in
            "待评标委员会认定：\(count) 份投标文件声明的投标人与其他投标文件相同（\(files)）；"
                + "评标委员会确定哪份投标文件代表哪个投标人之前，评标结果为暂定"
        },
        short: "待评标委员会认定"
    )
}
