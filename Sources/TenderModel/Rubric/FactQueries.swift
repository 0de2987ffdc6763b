public import TenderCore

extension Rubric {
    /// Every XPath expression of the rubric, in rubric order: the `xpath` gates (boolean, id `gate:<id>`)
    /// first, then the objective criteria (number; boolean for `yes-no`; text for `lookup`).
    public var factQueries: [FactQuery] {
        var facts: [FactQuery] = []
        for gate in gates {
            if case .xpath(let test) = gate.rule {
                let site = xpathSites["gate:\(gate.id)"]
                facts.append(
                    FactQuery(
                        id: "gate:\(gate.id)",
                        expression: test,
                        kind: .boolean,
                        location: site?.location ?? gate.location,
                        expressionStart: site?.start
                    )
                )
            }
        }
        for criterion in criteria {
            guard case .objective(let rule) = criterion.rule else { continue }
            let kind: FactQuery.Kind
            switch rule.scale {
            case .yesNo: kind = .boolean
            case .lookup: kind = .text
            case .linear, .bands, .perItem: kind = .number
            }
            facts.append(
                FactQuery(
                    id: criterion.id,
                    expression: rule.value,
                    kind: kind,
                    location: rule.valueLocation ?? criterion.location,
                    expressionStart: xpathSites[criterion.id]?.start
                )
            )
        }
        return facts
    }
}

/// Where an XPath expression of the rubric is written.
public struct XPathSite: Hashable, Sendable {
    /// The YAML scalar holding the expression.
    public var location: SourceLocation
    /// The expression's first character, when each character of the expression is one column of one line.
    public var start: SourceLocation?

    public init(location: SourceLocation, start: SourceLocation?) {
        self.location = location
        self.start = start
    }
}
