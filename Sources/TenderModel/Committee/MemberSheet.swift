public import TenderCore

/// One committee member's blank score sheet, as a value every renderer (CSV, printable HTML, and later xlsx) draws
/// from: the member, the member's criteria with their guidance and the scores allowed, the bidders, and the rows to
/// fill in. It holds only what the member may see: the criteria of the member's own groups, never a price and
/// never another member's score.
public struct MemberSheet: Hashable, Sendable {
    public var tenderID: String
    public var tenderTitle: LocalizedText
    public var member: CommitteeMember
    public var language: ReportLanguage
    public var criteria: [SheetCriterion]
    public var bidders: [SheetBidder]
    /// The columns of the CSV form, in order (see `ScoreSheetColumn`).
    public var columns: [ScoreSheetColumn]

    public init(
        tenderID: String,
        tenderTitle: LocalizedText,
        member: CommitteeMember,
        language: ReportLanguage,
        criteria: [SheetCriterion],
        bidders: [SheetBidder],
        columns: [ScoreSheetColumn] = ScoreSheetColumn.memberSheet
    ) {
        self.tenderID = tenderID
        self.tenderTitle = tenderTitle
        self.member = member
        self.language = language
        self.criteria = criteria
        self.bidders = bidders
        self.columns = columns
    }

    /// The rows to fill in, bidder by bidder and criterion by criterion; the first row of each bidder carries its
    /// conflict-of-interest declaration.
    public var rows: [SheetRow] {
        bidders.flatMap { bidder in
            criteria.enumerated().map { index, criterion in
                SheetRow(bidder: bidder, criterion: criterion, declaresConflict: index == 0)
            }
        }
    }
}

/// A judgement criterion as a member sees it on the sheet.
public struct SheetCriterion: Hashable, Sendable {
    public var id: String
    public var groupID: String
    public var name: LocalizedText
    public var maximum: Points
    /// Scores must be whole multiples of this, when set.
    public var step: Points?
    public var bands: [SheetBand]
    public var guidance: LocalizedText?

    public init(
        id: String,
        groupID: String,
        name: LocalizedText,
        maximum: Points,
        step: Points?,
        bands: [SheetBand],
        guidance: LocalizedText?
    ) {
        self.id = id
        self.groupID = groupID
        self.name = name
        self.maximum = maximum
        self.step = step
        self.bands = bands
        self.guidance = guidance
    }

    /// Most values listed as a choice (a data-validation list); a finer step is stated as a range and a step.
    public static let listedValuesLimit = 201

    /// Every score the member may give, 0 to the maximum at the step, when there is a step and not too many
    /// values; nil otherwise (any value from 0 to the maximum, checked when the sheet is read back).
    public var allowedValues: [Points]? {
        guard let step, step.units > 0 else { return nil }
        let count = maximum.units / step.units + 1
        guard count <= Int64(Self.listedValuesLimit) else { return nil }
        return (0..<count).map { Points(units: $0 * step.units) }
    }
}

/// An adjectival band (优 / 良 / 中 / 差) with its points range.
public struct SheetBand: Hashable, Sendable {
    public var label: LocalizedText
    public var minimum: Points
    public var maximum: Points

    public init(label: LocalizedText, minimum: Points, maximum: Points) {
        self.label = label
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// A bidder as the sheet names it: the name and registration id, never the price.
public struct SheetBidder: Hashable, Sendable {
    public var name: String
    public var registrationID: String?

    public init(name: String, registrationID: String?) {
        self.name = name
        self.registrationID = registrationID
    }
}

/// One line to fill in: a score and a reason for one bidder on one criterion.
public struct SheetRow: Hashable, Sendable {
    public var bidder: SheetBidder
    public var criterion: SheetCriterion
    /// Whether this row carries the member's conflict-of-interest declaration for the bidder.
    public var declaresConflict: Bool

    public init(bidder: SheetBidder, criterion: SheetCriterion, declaresConflict: Bool) {
        self.bidder = bidder
        self.criterion = criterion
        self.declaresConflict = declaresConflict
    }
}
