public import TenderCore

/// A rubric expression the importer evaluates in every bid.
public struct FactQuery: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case number
        case text
        case boolean
    }

    public var id: String
    /// XPath 1.0 using the prefixes of the rubric's namespace bindings, evaluated from the bid's root element.
    public var expression: String
    public var kind: Kind
    /// Where the expression was written, for syntax errors.
    public var location: SourceLocation?
    /// Where the expression's first character is, when each character of the expression is one column of one
    /// line; a compile error then points at the character where it was found.
    public var expressionStart: SourceLocation?

    public init(
        id: String,
        expression: String,
        kind: Kind,
        location: SourceLocation? = nil,
        expressionStart: SourceLocation? = nil
    ) {
        self.id = id
        self.expression = expression
        self.kind = kind
        self.location = location
        self.expressionStart = expressionStart
    }
}
