import TenderModel

extension EnglishLabels: PriceAndCollusionLabels {
    var plausibleMinimumRule: String { "Plausible minimum price" }

    var ceilingRule: String { "Ceiling price (最高限价)" }

    func implausiblyLow(
        bidder: RichText,
        price: String,
        minimum: String,
        setsPriceBase: Bool,
        notInBase: RichText?
    ) -> RichText {
        let base: RichText =
            setsPriceBase
            ? "; its evaluated price is the price base (P_min) of every price score until the committee "
                + "accepts or rejects it" : notInBase ?? ""
        return "Implausibly low price: \(bidder) bids \(price), below the plausible minimum \(minimum)\(base)"
            + "; see the rule in Tender"
    }

    var flagImplausiblyLowShort: String { "implausibly low price: written clarification required" }

    var collusionSection: String { "Signals of possible collusion (87号令 Art 37) — for the committee" }

    var collusionIntro: String {
        "Different bidders whose documents share a person, a contact detail, a file, an unusual passage or an "
            + "error, or whose prices follow a regular pattern. These are leads, not findings: the committee decides "
            + "whether 87号令 Art 37 applies and, if it does, removes the bids concerned. No score is changed here."
    }

    var collusionEvidenceSeparator: String { "; " }

    func collusionKindName(_ kind: CollusionKind) -> String {
        switch kind {
        case .sharedPerson: return "Same person (contact person or project manager)"
        case .sharedPhone: return "Same phone number"
        case .sharedEmail: return "Same e-mail address"
        case .sharedAddress: return "Same address"
        case .identicalAttachment: return "Identical attachment (same SHA-256)"
        case .identicalPassage: return "Identical unusual passage"
        case .identicalPriceBreakdown: return "Identical price breakdown"
        case .identicalArithmeticError: return "Same arithmetic error"
        case .identicalPrices: return "Identical prices"
        case .constantPriceSteps: return "Prices a constant step apart"
        case .fixedPriceRatio: return "Prices in a fixed ratio"
        }
    }

    func collusionFieldName(_ field: CollusionField) -> String {
        switch field {
        case .contactPerson: return "contact person"
        case .contactPhone: return "contact phone"
        case .email: return "e-mail"
        case .address: return "address"
        case .projectManager: return "project manager"
        case .projectManagerPhone: return "project manager's phone"
        case .attachment: return "attachment"
        case .commitment: return "commitment"
        case .priceLines: return "price lines"
        case .priceTotal: return "total"
        }
    }

    func collusionSignal(kind: CollusionKind, value: RichText, evidence: RichText) -> RichText {
        let shown: RichText
        switch kind {
        case .identicalArithmeticError: shown = "the price lines miss the total by \(value)"
        case .constantPriceSteps: shown = "step \(value)"
        case .fixedPriceRatio: shown = "ratio ≈ \(value)"
        default: shown = value
        }
        return "\(collusionKindName(kind)) (\(shown)): \(evidence)"
    }

    func collusionEvidence(bidder: RichText, location: RichText, field: String, note: RichText?) -> RichText {
        let noted: RichText = note.map { ", \($0)" } ?? ""
        return "\(bidder) (\(location), \(field)\(noted))"
    }

    func collusionWritten(_ value: RichText) -> RichText {
        "written “\(value)”"
    }

    func collusionLinesSum(_ amount: String) -> String {
        "lines add up to \(amount)"
    }

    func flagCollusionShort(_ kind: CollusionKind) -> String {
        "possible collusion: \(kind.rawValue)"
    }

    func collusionInBid(kind: CollusionKind, value: RichText) -> RichText {
        "Possible collusion: \(collusionSignal(kind: kind, value: value, evidence: "see “Signals of possible collusion”"))"
    }
}
