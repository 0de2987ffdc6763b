public import TenderCore

/// A group of criteria (price, capability, quality, reputation, …) whose points sum exactly to `points`.
public struct CriterionGroup: Hashable, Sendable {
    public var id: String
    public var name: LocalizedText
    public var points: Points
    public var criteria: [Criterion]
    public var location: SourceLocation

    public init(id: String, name: LocalizedText, points: Points, criteria: [Criterion], location: SourceLocation) {
        self.id = id
        self.name = name
        self.points = points
        self.criteria = criteria
        self.location = location
    }

    /// True for the group that holds the price criterion; every other group counts as technical.
    public var isPrice: Bool {
        criteria.contains { if case .price = $0.rule { return true } else { return false } }
    }
}

public struct Criterion: Hashable, Sendable {
    public var id: String
    public var name: LocalizedText
    /// The most a bidder can get for this criterion.
    public var points: Points
    public var rule: CriterionRule
    /// Text shown to committee members on the score sheet and in the report.
    public var guidance: LocalizedText?
    public var location: SourceLocation

    public init(
        id: String,
        name: LocalizedText,
        points: Points,
        rule: CriterionRule,
        guidance: LocalizedText?,
        location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.points = points
        self.rule = rule
        self.guidance = guidance
        self.location = location
    }
}

public enum CriterionRule: Hashable, Sendable {
    case objective(ObjectiveRule)
    case judgement(JudgementRule)
    case price(PriceFormula)
    /// The bidder's mean monthly performance score from the history database (issue 10), on a scale.
    case history(HistoryRule)
}

/// A value read from the bid by an XPath 1.0 expression, turned into points by a scale.
public struct ObjectiveRule: Hashable, Sendable {
    /// XPath 1.0 with the rubric's namespace prefixes; evaluated as a number, except for `yes-no` (boolean)
    /// and `lookup` (string) scales.
    public var value: String
    public var scale: Scale
    /// Where `value` was written in the rubric, so that the importer can point at a bad expression.
    public var valueLocation: SourceLocation?

    public init(value: String, scale: Scale) {
        self.value = value
        self.scale = scale
        self.valueLocation = nil
    }

    public init(value: String, scale: Scale, valueLocation: SourceLocation?) {
        self.value = value
        self.scale = scale
        self.valueLocation = valueLocation
    }
}

public enum Scale: Hashable, Sendable {
    /// Points move linearly from `lowerPoints` at `lower` to `upperPoints` at `upper` and stay flat outside.
    case linear(lower: ExactRatio, upper: ExactRatio, lowerPoints: Points, upperPoints: Points)
    /// Half-open bands `[from, to)`, contiguous and ascending; the last may be open-ended.
    case bands([Band])
    /// `each` points per counted item, at most `cap`.
    case perItem(each: Points, cap: Points)
    /// A boolean fact: `yes` points when true, `no` points when false.
    case yesNo(yes: Points, no: Points)
    /// A text fact looked up in a table; `otherwise` for any value not listed.
    case lookup(entries: [LookupEntry], otherwise: Points)
}

public struct Band: Hashable, Sendable {
    public var from: ExactRatio
    /// Exclusive upper bound; nil for the open-ended last band.
    public var to: ExactRatio?
    public var points: Points
    public var location: SourceLocation

    public init(from: ExactRatio, to: ExactRatio?, points: Points, location: SourceLocation) {
        self.from = from
        self.to = to
        self.points = points
        self.location = location
    }
}

public struct LookupEntry: Hashable, Sendable {
    public var key: String
    public var points: Points

    public init(key: String, points: Points) {
        self.key = key
        self.points = points
    }
}

/// A criterion each committee member scores within `0...points`.
public struct JudgementRule: Hashable, Sendable {
    /// When set, scores must be whole multiples of `step` (and `step` divides `points`).
    public var step: Points?
    /// Optional adjectival bands (优 / 良 / 中 / 差) that guide members; each is a `[min, max]` points range.
    public var bands: [AdjectivalBand]

    public init(step: Points?, bands: [AdjectivalBand]) {
        self.step = step
        self.bands = bands
    }
}

public struct AdjectivalBand: Hashable, Sendable {
    public var label: LocalizedText
    public var min: Points
    public var max: Points

    public init(label: LocalizedText, min: Points, max: Points) {
        self.label = label
        self.min = min
        self.max = max
    }
}

/// Named price formulas, applied to the evaluated price (after SME deduction) of valid bids only.
public enum PriceFormula: String, Hashable, Sendable, Codable, CaseIterable {
    /// 87号令 Art 55 低价优先法: `P_min / P_i × points`.
    case lowestPriceRatio = "lowest-price-ratio"
    /// Linear interpolation: `points × (P_max − P_i) / (P_max − P_min)`; all equal prices get full points.
    case linear
}
