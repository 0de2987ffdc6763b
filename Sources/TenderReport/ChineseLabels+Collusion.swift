import TenderModel

extension ChineseLabels: PriceAndCollusionLabels {
    var plausibleMinimumRule: String { "合理最低报价" }

    var ceilingRule: String { "最高限价" }

    func implausiblyLow(
        bidder: RichText,
        price: String,
        minimum: String,
        setsPriceBase: Bool,
        notInBase: RichText?
    ) -> RichText {
        let base: RichText =
            setsPriceBase ? "；其评标价是所有投标价格分的评标基准价（P_min），直至评标委员会认可或否决该投标" : notInBase ?? ""
        return "报价低于合理最低报价：\(bidder) 报价 \(price)，低于合理最低报价 \(minimum)\(base)"
            + "，处理规则见项目信息"
    }

    var flagImplausiblyLowShort: String { "报价低于合理最低报价：须书面说明" }

    var collusionSection: String { "串通投标情形线索（87号令第三十七条）——供评标委员会认定" }

    var collusionIntro: String {
        "不同投标人的投标文件出现相同的人员、联系方式、文件、非模板段落或错误，或者报价呈规律性差异。以下仅为线索，"
            + "不是认定结论：是否属于87号令第三十七条规定的视为串通投标情形，由评标委员会认定；认定的，按现行方式将相关投标剔除。"
            + "本节不改变任何得分。"
    }

    var collusionEvidenceSeparator: String { "；" }

    func collusionKindName(_ kind: CollusionKind) -> String {
        switch kind {
        case .sharedPerson: return "同一人员（联系人或项目经理）"
        case .sharedPhone: return "相同电话号码"
        case .sharedEmail: return "相同电子邮箱"
        case .sharedAddress: return "相同地址"
        case .identicalAttachment: return "相同附件（SHA-256 相同）"
        case .identicalPassage: return "相同的非模板段落"
        case .identicalPriceBreakdown: return "相同的分项报价"
        case .identicalArithmeticError: return "相同的计算错误"
        case .identicalPrices: return "报价相同"
        case .constantPriceSteps: return "报价等差"
        case .fixedPriceRatio: return "报价等比"
        }
    }

    func collusionFieldName(_ field: CollusionField) -> String {
        switch field {
        case .contactPerson: return "联系人"
        case .contactPhone: return "联系电话"
        case .email: return "电子邮箱"
        case .address: return "地址"
        case .projectManager: return "项目经理"
        case .projectManagerPhone: return "项目经理电话"
        case .attachment: return "附件"
        case .commitment: return "承诺书"
        case .priceLines: return "分项报价"
        case .priceTotal: return "投标总价"
        }
    }

    func collusionSignal(kind: CollusionKind, value: RichText, evidence: RichText) -> RichText {
        let shown: RichText
        switch kind {
        case .identicalArithmeticError: shown = "分项合计与总价相差 \(value)"
        case .constantPriceSteps: shown = "差额 \(value)"
        case .fixedPriceRatio: shown = "比值 ≈ \(value)"
        default: shown = value
        }
        return "\(collusionKindName(kind))（\(shown)）：\(evidence)"
    }

    func collusionEvidence(bidder: RichText, location: RichText, field: String, note: RichText?) -> RichText {
        let noted: RichText = note.map { "，\($0)" } ?? ""
        return "\(bidder)（\(location)，\(field)\(noted)）"
    }

    func collusionWritten(_ value: RichText) -> RichText {
        "原文「\(value)」"
    }

    func collusionLinesSum(_ amount: String) -> String {
        "分项合计 \(amount)"
    }

    func flagCollusionShort(_ kind: CollusionKind) -> String {
        "串通投标线索：\(collusionKindName(kind))"
    }

    func collusionInBid(kind: CollusionKind, value: RichText) -> RichText {
        "串通投标线索：\(collusionSignal(kind: kind, value: value, evidence: "见“串通投标情形线索”一节"))"
    }
}
