/// A situation that 87号令 Art 37 (and 政府采购法实施条例 Art 74) lets the committee deem collusion (串通投标),
/// found between the documents of different bidders, with the evidence the committee needs to look at it.
/// A signal never changes a score or a bid's status: the committee decides.
public struct CollusionSignal: Hashable, Sendable {
    public var kind: CollusionKind
    /// What the bids share, in the form it was compared in: a normalised phone number or e-mail address, a
    /// name, a passage, a SHA-256, a price, the constant step or the ratio between prices.
    public var value: String
    /// One entry per bid involved, sorted by bidder name, then file, then line.
    public var evidence: [CollusionEvidence]

    public init(kind: CollusionKind, value: String, evidence: [CollusionEvidence]) {
        self.kind = kind
        self.value = value
        self.evidence = evidence
    }

    /// The bidders involved, each once, in evidence order.
    public var bidders: [String] {
        var seen = Set<String>()
        return evidence.map(\.bidder).filter { seen.insert($0).inserted }
    }
}

public enum CollusionKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The same person named as contact person or project manager by different bidders.
    case sharedPerson = "shared-person"
    /// The same phone number (contact or project manager) once written the same way.
    case sharedPhone = "shared-phone"
    case sharedEmail = "shared-email"
    case sharedAddress = "shared-address"
    /// Attachments with the same declared SHA-256: the same file.
    case identicalAttachment = "identical-attachment"
    /// A long passage of commitment text that is not the common template.
    case identicalPassage = "identical-passage"
    /// The same price breakdown, item by item and amount by amount.
    case identicalPriceBreakdown = "identical-price-breakdown"
    /// Price lines that miss the stated total by the same amount: the same arithmetic error.
    case identicalArithmeticError = "identical-arithmetic-error"
    /// Three or more bids at the same total.
    case identicalPrices = "identical-prices"
    /// Three or more totals a constant step apart (arithmetic progression).
    case constantPriceSteps = "constant-price-steps"
    /// Three or more totals in a fixed ratio (geometric progression, allowing for rounding to the minor unit).
    case fixedPriceRatio = "fixed-price-ratio"
}

/// Where a bid shows the shared value.
public struct CollusionEvidence: Hashable, Sendable {
    public var bidder: String
    public var file: String
    public var line: Int?
    public var field: CollusionField
    /// The value as this bid wrote it (a phone number written another way, an e-mail in another case), or the
    /// attachment's name or the commitment's kind; nil when it adds nothing to the signal's value.
    public var written: String?

    public init(bidder: String, file: String, line: Int?, field: CollusionField, written: String? = nil) {
        self.bidder = bidder
        self.file = file
        self.line = line
        self.field = field
        self.written = written
    }
}

public enum CollusionField: String, Hashable, Sendable, Codable, CaseIterable {
    case contactPerson = "contact-person"
    case contactPhone = "contact-phone"
    case email
    case address
    case projectManager = "project-manager"
    case projectManagerPhone = "project-manager-phone"
    case attachment
    case commitment
    case priceLines = "price-lines"
    case priceTotal = "price-total"
}
