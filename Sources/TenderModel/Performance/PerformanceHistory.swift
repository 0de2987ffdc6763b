public import TenderCore

/// A rubric criterion whose fact is the bidder's past performance from the history database (FAR 15.305
/// past performance; the origin document's 群众满意度): the mean of the published monthly scores of the
/// bidder's contracts in the window, matched by registration id, turned into points by `scale`. A bidder with
/// no monthly score in the window gets `neutral` points: neither favourable nor unfavourable, never 0 by
/// default (FAR 15.305(a)(2)(iv)).
public struct HistoryRule: Hashable, Sendable {
    /// The window: this many whole months ending with the month before the tender's publication month.
    public var months: Int
    /// Which contracts count: only those whose buyer is this tender's buyer, or any buyer's.
    public var buyer: HistoryBuyer
    /// Points for a bidder with no monthly score in the window (within `0...criterion points`).
    public var neutral: Points
    /// Monthly scores (0...100) to points; the same scales as an objective criterion.
    public var scale: Scale
    public var location: SourceLocation

    public init(months: Int, buyer: HistoryBuyer, neutral: Points, scale: Scale, location: SourceLocation) {
        self.months = months
        self.buyer = buyer
        self.neutral = neutral
        self.scale = scale
        self.location = location
    }
}

public enum HistoryBuyer: String, Hashable, Sendable, Codable {
    /// Contracts whose buyer is the rubric's `tender.buyer` (compared through the identity normaliser).
    case thisBuyer = "this-buyer"
    case any
}

/// What the history database says about the bidders of one tender, read once by the pipeline and passed to the
/// evaluator as a value (scoring does no I/O).
public struct PerformanceHistory: Hashable, Sendable {
    /// First and last month of the window the facts cover.
    public var firstMonth: YearMonth
    public var lastMonth: YearMonth
    /// Keyed by `BidderIdentity.registrationIDKey` of the contractor's registration id.
    public var bidders: [String: BidderHistory]
    /// The database file as given, and a SHA-256 over the canonical form of every row read, so a report states
    /// exactly which history it used.
    public var database: String
    public var digest: String
    /// Contracts in the window whose contractor has one of the bidders' names, keyed by
    /// `BidderIdentity.nameKey` of that name, whatever their registration id: how a bid whose id does not match
    /// its own name's record is noticed (`HistoryIdentityProblem`). Never used for points.
    public var contractorsByName: [String: [ContractorRecord]]

    public init(
        firstMonth: YearMonth,
        lastMonth: YearMonth,
        bidders: [String: BidderHistory],
        database: String,
        digest: String,
        contractorsByName: [String: [ContractorRecord]] = [:]
    ) {
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
        self.bidders = bidders
        self.database = database
        self.digest = digest
        self.contractorsByName = contractorsByName
    }
}

public struct BidderHistory: Hashable, Sendable {
    /// Contracts in id order, each with its scored months in the window (oldest first).
    public var contracts: [ContractHistory]
    /// Warnings raised by a plan's `warns-next-tender` rule in the window.
    public var warnings: [RaisedRule]

    public init(contracts: [ContractHistory], warnings: [RaisedRule]) {
        self.contracts = contracts
        self.warnings = warnings
    }

    /// Every month's published score, every contract: the numbers the mean divides.
    public var monthScores: [Points] {
        contracts.flatMap { $0.months.map(\.score) }
    }
}

public struct ContractHistory: Hashable, Sendable {
    public var contractID: String
    public var tenderID: String
    public var buyer: LocalizedText
    public var contractor: PerformanceContractor
    public var months: [HistoryMonth]

    public init(
        contractID: String,
        tenderID: String,
        buyer: LocalizedText,
        contractor: PerformanceContractor,
        months: [HistoryMonth]
    ) {
        self.contractID = contractID
        self.tenderID = tenderID
        self.buyer = buyer
        self.contractor = contractor
        self.months = months
    }
}

public struct HistoryMonth: Hashable, Sendable {
    public var month: YearMonth
    public var score: Points
    public var standing: String
    public var standingName: LocalizedText

    public init(month: YearMonth, score: Points, standing: String, standingName: LocalizedText) {
        self.month = month
        self.score = score
        self.standing = standing
        self.standingName = standingName
    }
}
