import TenderCore
import TenderModel

/// The words of a member sheet in its language, shared by the CSV and the HTML forms.
struct MemberSheetText {
    let sheet: MemberSheet

    var zh: Bool {
        sheet.language == .zh
    }

    func header(_ column: ScoreSheetColumn) -> String {
        zh ? column.chinese : column.rawValue
    }

    /// "0–10, step 0.5" or the listed values when there are few.
    func allowedScores(_ criterion: SheetCriterion) -> String {
        let range = "0–\(criterion.maximum.plainText)"
        guard let step = criterion.step else { return zh ? "\(range)（任意分值）" : "\(range) (any value)" }
        return zh ? "\(range)，步长 \(step.plainText)" : "\(range), step \(step.plainText)"
    }

    func bands(_ criterion: SheetCriterion) -> String {
        criterion.bands.map { band in
            "\(band.label.text(in: sheet.language)) \(band.minimum.plainText)–\(band.maximum.plainText)"
        }.joined(separator: zh ? "；" : "; ")
    }

    /// The guidance cell: the rubric's guidance, then the adjectival bands.
    func guidance(_ criterion: SheetCriterion) -> String {
        var parts: [String] = []
        if let text = criterion.guidance?.text(in: sheet.language), !text.isEmpty {
            let ended = text.hasSuffix("。") || text.hasSuffix(".")
            parts.append(ended ? text : text + (zh ? "。" : "."))
        }
        if !criterion.bands.isEmpty { parts.append((zh ? "评分档次：" : "Bands: ") + bands(criterion)) }
        return parts.joined(separator: zh ? "" : " ")
    }

    var roleName: String {
        switch sheet.member.role {
        case .expert: zh ? "评审专家" : "expert"
        case .purchaserRepresentative: zh ? "采购人代表" : "purchaser representative"
        }
    }

    var title: String {
        zh ? "评分表" : "Score sheet"
    }

    var declaration: String {
        zh ? "本人与该投标人无利益冲突（是/否）" : "I have no conflict of interest with this bidder (yes/no)"
    }

    var instructions: String {
        zh
            ? "每个评分项只填写本人的得分和理由；得分低于满分的须写明理由。与某投标人有利益冲突的，在声明栏填“否”，"
                + "不对该投标人打分，并向评标委员会申请回避。"
            : "Fill in your own score and reason for each criterion; a score below the maximum needs a reason. If "
                + "you have a conflict of interest with a bidder, answer “no” in the declaration, do not score that "
                + "bidder, and ask the committee to record your recusal."
    }
}
