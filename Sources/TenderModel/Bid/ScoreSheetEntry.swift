public import TenderCore

/// One row of a committee score sheet: a member's score for one bidder on one judgement criterion.
public struct ScoreSheetEntry: Hashable, Sendable {
    public var member: String
    /// The bidder's name or registration id as written on the sheet.
    public var bidder: String
    public var criterionID: String
    public var score: Points
    /// Where the score cell is, for every error about it.
    public var location: SourceLocation
    /// The member's reason for the score (理由), nil when the cell is empty or the sheet has no reason column.
    public var reason: String?
    /// Where the reason cell is, or, when the sheet has no reason column, nil (errors then point at the score).
    public var reasonLocation: SourceLocation?
    /// Where the member cell is.
    public var memberLocation: SourceLocation?

    public init(
        member: String,
        bidder: String,
        criterionID: String,
        score: Points,
        location: SourceLocation,
        reason: String? = nil,
        reasonLocation: SourceLocation? = nil,
        memberLocation: SourceLocation? = nil
    ) {
        self.member = member
        self.bidder = bidder
        self.criterionID = criterionID
        self.score = score
        self.location = location
        self.reason = reason
        self.reasonLocation = reasonLocation
        self.memberLocation = memberLocation
    }
}

/// A member's declaration, on a score sheet, about a conflict of interest with one bidder (政府采购法实施条例 Art 9:
/// employment, a directorship or control within three years, close kin of its legal representative, …).
public struct ConflictDeclaration: Hashable, Sendable {
    public var member: String
    /// The bidder's name or registration id as written on the sheet.
    public var bidder: String
    /// True when the member declares no conflict of interest with the bidder ("yes, I have none").
    public var noConflict: Bool
    /// Where the declaration cell is.
    public var location: SourceLocation

    public init(member: String, bidder: String, noConflict: Bool, location: SourceLocation) {
        self.member = member
        self.bidder = bidder
        self.noConflict = noConflict
        self.location = location
    }
}
