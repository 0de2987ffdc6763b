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

    public init(member: String, bidder: String, criterionID: String, score: Points, location: SourceLocation) {
        self.member = member
        self.bidder = bidder
        self.criterionID = criterionID
        self.score = score
        self.location = location
    }
}
