public import TenderCore

/// A pass/fail condition checked before any scoring; failing one disqualifies the bid with the reason recorded.
public struct Gate: Hashable, Sendable {
    public var id: String
    public var name: LocalizedText
    public var rule: GateRule
    public var location: SourceLocation

    public init(id: String, name: LocalizedText, rule: GateRule, location: SourceLocation) {
        self.id = id
        self.name = name
        self.rule = rule
        self.location = location
    }
}

public enum GateRule: Hashable, Sendable {
    /// The bid carries a signed commitment of this kind (`technical-service`, `confidentiality`, `integrity`).
    case commitment(kind: String)
    /// No recorded violation of this severity dated within `withinYears` years before the evaluation date.
    case noViolations(severity: ViolationSeverity, withinYears: Int)
    /// The bid lists an attachment of this type (e.g. `business-licence`).
    case attachment(type: String)
    /// An XPath 1.0 expression, evaluated as a boolean against the bid document, must be true.
    case xpath(test: String)
}
