public import TenderCore

extension Rubric {
    /// One XPath expression the importer must evaluate in every bid.
    public struct FactExpression: Hashable, Sendable {
        /// How the importer evaluates the expression (XPath `number()`, `string()` or `boolean()`).
        public enum Kind: String, Hashable, Sendable {
            case number
            case text
            case boolean
        }

        /// The criterion id, or `gate:<gate id>` for an XPath gate.
        public var id: String
        public var expression: String
        public var kind: Kind
        /// Where the expression is written in the rubric.
        public var location: SourceLocation

        public init(id: String, expression: String, kind: Kind, location: SourceLocation) {
            self.id = id
            self.expression = expression
            self.kind = kind
            self.location = location
        }
    }

    /// Every XPath expression of the rubric, in rubric order: the `xpath` gates (boolean, id `gate:<id>`)
    /// first, then the objective criteria (number; boolean for `yes-no`; text for `lookup`).
    public var factExpressions: [FactExpression] {
        var facts: [FactExpression] = []
        for gate in gates {
            if case .xpath(let test) = gate.rule {
                facts.append(
                    FactExpression(id: "gate:\(gate.id)", expression: test, kind: .boolean, location: gate.location)
                )
            }
        }
        for criterion in criteria {
            guard case .objective(let rule) = criterion.rule else { continue }
            let kind: FactExpression.Kind
            switch rule.scale {
            case .yesNo: kind = .boolean
            case .lookup: kind = .text
            case .linear, .bands, .perItem: kind = .number
            }
            facts.append(
                FactExpression(
                    id: criterion.id,
                    expression: rule.value,
                    kind: kind,
                    location: rule.valueLocation ?? criterion.location
                )
            )
        }
        return facts
    }
}
