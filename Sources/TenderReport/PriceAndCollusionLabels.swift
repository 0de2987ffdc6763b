import TenderModel

/// The words for implausibly small prices, the ceiling and the signals of possible collusion (87号令 Art 37).
protocol PriceAndCollusionLabels {
    var plausibleMinimumRule: String { get }
    var ceilingRule: String { get }
    /// `notInBase`: for a bid left out of the price base, which base is used instead.
    func implausiblyLow(
        bidder: RichText,
        price: String,
        minimum: String,
        setsPriceBase: Bool,
        notInBase: RichText?
    ) -> RichText
    var flagImplausiblyLowShort: String { get }

    var collusionSection: String { get }
    var collusionIntro: String { get }
    var collusionEvidenceSeparator: String { get }
    func collusionKindName(_ kind: CollusionKind) -> String
    func collusionFieldName(_ field: CollusionField) -> String
    /// `kind (value): evidence; evidence — the committee decides`.
    func collusionSignal(kind: CollusionKind, value: RichText, evidence: RichText) -> RichText
    /// One bid's part in a signal: bidder, where, which field and, when it helps, what it wrote.
    func collusionEvidence(bidder: RichText, location: RichText, field: String, note: RichText?) -> RichText
    func collusionWritten(_ value: RichText) -> RichText
    func collusionLinesSum(_ amount: String) -> String
    func flagCollusionShort(_ kind: CollusionKind) -> String
    /// A signal as listed under one of the bids involved, pointing to the collusion section for the evidence.
    func collusionInBid(kind: CollusionKind, value: RichText) -> RichText
}
