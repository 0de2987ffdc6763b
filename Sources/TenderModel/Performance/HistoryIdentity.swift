public import TenderCore

/// A contract in the history found by its contractor's name rather than its registration id: what lets the
/// evaluation notice a bidder whose name is a recorded contractor's but whose id (as written in the bid) is not,
/// so that its record was not applied.
public struct ContractorRecord: Hashable, Sendable {
    public var contractID: String
    public var tenderID: String
    public var buyer: LocalizedText
    /// Name and registration id as the contract's plan gives them.
    public var contractor: PerformanceContractor
    /// Months with a published score, and `warns-next-tender` warnings raised, in the window the history was read
    /// for: what applying this contract would have brought to the evaluation.
    public var scoredMonths: Int
    public var warnings: Int

    public init(
        contractID: String,
        tenderID: String,
        buyer: LocalizedText,
        contractor: PerformanceContractor,
        scoredMonths: Int,
        warnings: Int
    ) {
        self.contractID = contractID
        self.tenderID = tenderID
        self.buyer = buyer
        self.contractor = contractor
        self.scoredMonths = scoredMonths
        self.warnings = warnings
    }
}

/// Why a valid bid's performance history could not be matched safely: contracts match by registration key only,
/// so an id that is missing, malformed or written otherwise than the contract's would silently turn a record
/// into the neutral value. The committee is told; the neutral value still applies, as the rubric says.
public struct HistoryIdentityProblem: Hashable, Sendable {
    /// What is wrong with the registration id as the bid gives it; nil when it can be used as it is.
    public var registrationID: RegistrationIDProblem?
    /// Contracts in the history whose contractor has the bidder's name (through `BidderIdentity.nameKey`) but
    /// another registration key than the bid's, in contract id order: their months and warnings were not applied.
    public var sameName: [ContractorRecord]
    /// Contracts the bid's registration id matched whose contractor bears another name than the bidder's (a
    /// company renamed, or an id borrowed from another company): their months were applied, and the committee
    /// should check that the bidder is that contractor.
    public var otherName: [ContractorRecord]

    public init(
        registrationID: RegistrationIDProblem?,
        sameName: [ContractorRecord],
        otherName: [ContractorRecord] = []
    ) {
        self.registrationID = registrationID
        self.sameName = sameName
        self.otherName = otherName
    }
}

public enum RegistrationIDProblem: Hashable, Sendable {
    /// The bid states no registration id (or one that is empty once normalised).
    case missing
    /// Under the `cn-87` profile: the id, normalised, is not a valid 统一社会信用代码.
    case notACreditCode(UnifiedSocialCreditCode.Problem)
}
