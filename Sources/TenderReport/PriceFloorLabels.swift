import TenderModel

/// The words for the plausible minimum as a floor under the price base: where it comes from, which bids it set
/// aside from the base, and what happens when no bid is left above it.
protocol PriceFloorLabels {
    /// The header row's value for the floor in effect; `share` is "10 %" when the floor is a share, `ofCeiling`
    /// says whether of the ceiling price or of the budget, `isDefault` that the rubric did not state it.
    func plausibleFloor(_ amount: String, share: String?, ofCeiling: Bool, isDefault: Bool) -> String
    /// One bid left out of the base.
    func setAsideEntry(bidder: RichText, bidTotal: String, evaluatedPrice: String) -> RichText
    /// The paragraph after the price base naming the bids below the floor and the base used instead.
    func priceBaseSetAside(_ entries: RichText, minimum: String, lowest: String, bidder: RichText) -> RichText
    /// The paragraph after the price base when every valid bid is below the floor.
    func priceBaseAllBelowFloor(minimum: String) -> RichText
    /// Appended to the implausibly-low flag of a bid left out of the base.
    func notPartOfPriceBase(lowest: String, bidder: RichText) -> RichText
}

extension EnglishLabels: PriceFloorLabels {
    func plausibleFloor(_ amount: String, share: String?, ofCeiling: Bool, isDefault: Bool) -> String {
        let of = ofCeiling ? "the ceiling price" : "the budget"
        let origin =
            isDefault
            ? " (the default, \(share ?? "") % of \(of); the rubric's plausible-minimum changes it, 'none' switches it off)"
            : share.map { " (\($0) % of \(of))" } ?? ""
        return "a bid total below \(amount)\(origin) is flagged: written clarification required (87号令 Art 60); "
            + "it does not set the price base"
    }

    func setAsideEntry(bidder: RichText, bidTotal: String, evaluatedPrice: String) -> RichText {
        "\(bidder) (bid total \(bidTotal), evaluated price \(evaluatedPrice))"
    }

    func priceBaseSetAside(_ entries: RichText, minimum: String, lowest: String, bidder: RichText) -> RichText {
        "Left out of the price base, below the plausible minimum \(minimum): \(entries). P_min = \(lowest) "
            + "(\(bidder)) is the lowest evaluated price of the other valid bids; a bid left out is scored against "
            + "this base, at most the criterion's points, until the committee accepts or rejects its explanation "
            + "(87号令 Art 60)"
    }

    func priceBaseAllBelowFloor(minimum: String) -> RichText {
        "Every valid bid lies below the plausible minimum \(minimum): no bid is left to set the price base, so it is "
            + "taken from them all; the committee must obtain written clarification (87号令 Art 60) before relying "
            + "on the price scores"
    }

    func notPartOfPriceBase(lowest: String, bidder: RichText) -> RichText {
        "; it does not set the price base (P_min = \(lowest), \(bidder))"
    }
}

extension ChineseLabels: PriceFloorLabels {
    func plausibleFloor(_ amount: String, share: String?, ofCeiling: Bool, isDefault: Bool) -> String {
        let of = ofCeiling ? "最高限价" : "预算金额"
        let origin =
            isDefault
            ? "（默认值：\(of)的 \(share ?? "") %；评分细则的 plausible-minimum 可以修改，写 none 则不设）"
            : share.map { "（\(of)的 \($0) %）" } ?? ""
        return "投标总价低于 \(amount)\(origin) 的予以标记：须要求其书面说明（87号令第六十条）；该报价不作为评标基准价"
    }

    func setAsideEntry(bidder: RichText, bidTotal: String, evaluatedPrice: String) -> RichText {
        "\(bidder)（投标总价 \(bidTotal)，评标价 \(evaluatedPrice)）"
    }

    func priceBaseSetAside(_ entries: RichText, minimum: String, lowest: String, bidder: RichText) -> RichText {
        "低于合理最低报价 \(minimum)、不计入评标基准价的投标：\(entries)。P_min = \(lowest)（\(bidder)）为其余有效投标中最低的评标价；"
            + "不计入基准价的投标按此基准计算价格分，且不超过该评分项分值，直至评标委员会认可或否决其书面说明（87号令第六十条）"
    }

    func priceBaseAllBelowFloor(minimum: String) -> RichText {
        "所有有效投标均低于合理最低报价 \(minimum)：没有可作为评标基准价的投标，基准价取自全部有效投标；"
            + "评标委员会须先要求书面说明（87号令第六十条），再采用价格分"
    }

    func notPartOfPriceBase(lowest: String, bidder: RichText) -> RichText {
        "；该报价不作为评标基准价（P_min = \(lowest)，\(bidder)）"
    }
}
