public import TenderCore

/// One entry of a tender's decisions file (`decisions.yaml`): something the committee decided on the record,
/// dated, with who decided it and why. Decisions apply in file order, each as a round of the evaluation.
///
/// Built only by `DecisionLoader`, which guarantees a real calendar date, a known member where one is named, a
/// well-formed value for every kind, and an intact hash chain (see docs/decisions.md).
public struct Decision: Hashable, Sendable {
    /// 1-based position in the file: the round this decision makes.
    public var number: Int
    /// `YYYY-MM-DD`.
    public var date: String
    /// A committee member's id, or an officer's name (the procurement agency's officer records clarifications).
    public var by: String
    public var reason: String
    public var kind: DecisionKind
    /// Where the entry starts.
    public var location: SourceLocation
    /// Where each key's value is written, for errors about one value (`from` that does not match, say).
    public var fieldLocations: [String: SourceLocation]
    /// SHA-256 (lower-case hex) of the entry's canonical bytes: what the next entry's `previous` must be.
    public var hash: String

    public init(
        number: Int,
        date: String,
        by: String,
        reason: String,
        kind: DecisionKind,
        location: SourceLocation,
        fieldLocations: [String: SourceLocation] = [:],
        hash: String
    ) {
        self.number = number
        self.date = date
        self.by = by
        self.reason = reason
        self.kind = kind
        self.location = location
        self.fieldLocations = fieldLocations
        self.hash = hash
    }

    /// Where the value of `key` is written, or where the entry starts.
    public func location(of key: String) -> SourceLocation {
        fieldLocations[key] ?? location
    }
}

/// What a decision does. Member ids are the committee file's ids; bidders are written as on score sheets (name
/// or registration id).
public enum DecisionKind: Hashable, Sendable {
    /// 87号令 Art 64: one member's score corrected on the record, from the value it has to the value it gets.
    case correction(ScoreCorrection)
    /// The member does not score this bidder (实施条例 Art 9): their scores for it are not counted.
    case recusal(member: String, bidder: String)
    /// 补抽: `member` leaves the committee and `newMember` (on the committee file) takes the seat; the leaving
    /// member's sheets are archived, listed and not counted.
    case replacement(member: String, newMember: String)
    /// 87号令 Art 60: the outcome of the written clarification a flagged low price requires.
    case clarification(bidder: String, outcome: ClarificationOutcome)
    /// Which of the bids held as duplicates of one bidder counts (by file); the others are set aside.
    case duplicate(bidder: String, file: String)
    /// The committee's agreed score for a criterion of a bidder, replacing the members' aggregate.
    case consensus(bidder: String, criterion: String, score: Points)
    /// A member's dissent (87号令 Art 63: a member who disagrees states it in writing).
    case dissent(member: String, statement: String)

    /// The key written as `kind:` in the file.
    public var keyword: String {
        switch self {
        case .correction: "correction"
        case .recusal: "recusal"
        case .replacement: "replacement"
        case .clarification: "clarification"
        case .duplicate: "duplicate"
        case .consensus: "consensus"
        case .dissent: "dissent"
        }
    }

    public static let keywords = [
        "correction", "recusal", "replacement", "clarification", "duplicate", "consensus", "dissent",
    ]
}

public struct ScoreCorrection: Hashable, Sendable {
    public var member: String
    public var bidder: String
    public var criterion: String
    public var from: Points
    public var to: Points
    public var ground: CorrectionGround

    public init(
        member: String,
        bidder: String,
        criterion: String,
        from: Points,
        to: Points,
        ground: CorrectionGround
    ) {
        self.member = member
        self.bidder = bidder
        self.criterion = criterion
        self.from = from
        self.to = to
        self.ground = ground
    }
}

/// The four grounds on which 87号令 Art 64 allows a score to be changed after it was summed.
public enum CorrectionGround: String, Hashable, Sendable, CaseIterable {
    /// (1) 分值汇总计算错误
    case summationError = "summation-error"
    /// (2) 分项评分超出评分标准规定的分值范围
    case outOfRange = "out-of-range"
    /// (3) 客观评审因素评分不一致
    case objectiveInconsistent = "objective-inconsistent"
    /// (4) 经评审委员会认定评分畸高、畸低
    case abnormallyHighOrLow = "abnormally-high-or-low"

    /// The ground in the words of Art 64, which the file may use instead of the key.
    public var statutoryText: String {
        switch self {
        case .summationError: "分值汇总计算错误"
        case .outOfRange: "分项评分超出评分标准规定的分值范围"
        case .objectiveInconsistent: "客观评审因素评分不一致"
        case .abnormallyHighOrLow: "经评审委员会认定评分畸高、畸低"
        }
    }
}

public enum ClarificationOutcome: String, Hashable, Sendable, CaseIterable {
    case accepted
    /// Non-responsive (87号令 Art 60: a bidder that cannot show its price is sound is treated as 无效投标).
    case rejected
}

/// A tender's decisions file, loaded and chained.
public struct DecisionLog: Hashable, Sendable {
    public var file: String
    public var decisions: [Decision]

    public init(file: String, decisions: [Decision]) {
        self.file = file
        self.decisions = decisions
    }

    /// The last entry's hash, which the manifest records (the genesis value when the file lists nothing).
    public var head: String {
        decisions.last?.hash ?? DecisionChain.genesis
    }
}

/// The hash chain's fixed values.
public enum DecisionChain {
    /// The first entry's `previous`: 64 zeros. A fixed value (not the rubric's hash) so that a comment added to
    /// the rubric does not break a chain recorded under it.
    public static let genesis = String(repeating: "0", count: 64)
}

/// Where a tender's decisions file is found when it is not named on the command line.
public enum DecisionsFile {
    public static let defaultName = "decisions.yaml"
}
