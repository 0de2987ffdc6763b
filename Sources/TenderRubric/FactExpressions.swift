public import TenderCore

extension Rubric {
    /// Every XPath expression of the rubric, in rubric order: the `xpath` gates (boolean, id `gate:<id>`)
    /// first, then the objective criteria (number; boolean for `yes-no`; text for `lookup`).
    public var factQueries: [FactQuery] {
        var facts: [FactQuery] = []
        for gate in gates {
            if case .xpath(let test) = gate.rule {
                facts.append(
                    FactQuery(id: "gate:\(gate.id)", expression: test, kind: .boolean, location: gate.location)
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
                    location: rule.valueLocation ?? criterion.location
                )
            )
        }
        return facts
    }
}
