public import TenderCore

/// Why a history criterion gave a bidder its points: the window, the contracts and months that counted, and the
/// exact mean on the criterion's scale, or the reason the bidder got the rubric's neutral points.
public struct HistoryEvidence: Hashable, Sendable {
    /// This criterion's window (its `months` whole months before the publication month).
    public var firstMonth: YearMonth
    public var lastMonth: YearMonth
    public var buyer: HistoryBuyer
    /// The bid's registration id as written, nil when the bid gives none (then nothing can be matched).
    public var registrationID: String?
    /// The contracts whose months counted, in contract id order, each holding only its months in the window.
    public var contracts: [ContractHistory]
    /// Contracts of the bidder with months in the window that did not count because another buyer awarded them
    /// (`buyer: this-buyer`), by id: shown so that nobody wonders where they went.
    public var otherBuyers: [String]
    /// Σ of the counted monthly scores and their number: the mean is `sum / count`, every month weighing the same.
    public var sum: Points
    public var count: Int
    public var outcome: HistoryOutcome
    /// Set when the bid's history could not be matched safely: the committee has a `historyIdentity` flag for it.
    public var identity: HistoryIdentityProblem?

    public init(
        firstMonth: YearMonth,
        lastMonth: YearMonth,
        buyer: HistoryBuyer,
        registrationID: String?,
        contracts: [ContractHistory],
        otherBuyers: [String],
        sum: Points,
        count: Int,
        outcome: HistoryOutcome
    ) {
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
        self.buyer = buyer
        self.registrationID = registrationID
        self.contracts = contracts
        self.otherBuyers = otherBuyers
        self.sum = sum
        self.count = count
        self.outcome = outcome
    }

    /// Months in the window: `lastMonth` − `firstMonth` + 1.
    public var windowMonths: Int { firstMonth.months(to: lastMonth) + 1 }
}

public enum HistoryOutcome: Hashable, Sendable {
    /// The exact mean monthly score (`sum / count`) and the part of the scale that turned it into points.
    case scored(mean: ExactRatio, applied: AppliedScale)
    /// No monthly score to go by: the rubric's neutral points (FAR 15.305(a)(2)(iv): neither favourable nor
    /// unfavourable).
    case neutral(NeutralReason, points: Points)
}

public enum NeutralReason: Hashable, Sendable {
    /// The bid states no registration id, so no contract can be matched to it.
    case noRegistrationID
    /// No contract of this bidder (with this buyer, under `this-buyer`) has a monthly score in the window.
    case noMonths
}

/// The history an evaluation read: named in every report so that the figures can be traced to the database.
public struct HistorySource: Hashable, Sendable {
    public var database: String
    public var digest: String
    public var firstMonth: YearMonth
    public var lastMonth: YearMonth

    public init(database: String, digest: String, firstMonth: YearMonth, lastMonth: YearMonth) {
        self.database = database
        self.digest = digest
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
    }
}
