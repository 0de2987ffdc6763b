import Foundation
import TenderCore
import TenderModel
import Yams

/// Reading the pass/fail gates.
extension RubricBuilder {
    static let gateRules = ["violations", "commitment", "attachment", "xpath"]

    func readGates(_ field: Field, prefixes: Set<String>) -> [Gate] {
        guard let items = reader.sequence(field) else { return [] }
        var gates: [Gate] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let view = reader.mapping(item, what: "a gate") else { continue }
            guard let idField = reader.required(view, "id", context: "in a gate"), let id = reader.identifier(idField)
            else {
                reader.checkKeys(view, allowed: ["id", "name"] + RubricBuilder.gateRules, context: "in a gate")
                continue
            }
            let context = "in gate '\(VisibleText.excerpt(id))'"
            reader.checkKeys(view, allowed: ["id", "name"] + RubricBuilder.gateRules, context: context)
            checkUnique(id, kind: "gate", at: idField.location, seen: &seen)
            let name = view["name"].flatMap { reader.localized($0) } ?? LocalizedText(zh: id, en: id)
            let ruleFields = view.fields.filter { RubricBuilder.gateRules.contains($0.key) }
            guard let ruleField = ruleFields.first else {
                reader.error(
                    "gate '\(VisibleText.excerpt(id))' needs one of: \(RubricBuilder.gateRules.joined(separator: ", "))",
                    at: view.location
                )
                continue
            }
            for extra in ruleFields.dropFirst() {
                reader.error(
                    "gate '\(VisibleText.excerpt(id))' has both '\(VisibleText.excerpt(ruleField.key))' and '\(VisibleText.excerpt(extra.key))'; give exactly one",
                    at: extra.keyLocation
                )
            }
            if let rule = readGateRule(ruleField, gateID: id, prefixes: prefixes) {
                gates.append(Gate(id: id, name: name, rule: rule, location: view.location))
            }
        }
        return gates
    }

    func readGateRule(_ field: Field, gateID: String, prefixes: Set<String>) -> GateRule? {
        switch field.key {
        case "violations":
            guard let view = reader.mapping(field) else { return nil }
            reader.checkKeys(
                view,
                allowed: ["severity", "within-years"],
                context: "in 'violations' of gate '\(VisibleText.excerpt(gateID))'"
            )
            var severity: ViolationSeverity? = .major
            if let entry = view["severity"] {
                severity = reader.choice(entry, ViolationSeverity.allCases.map(\.rawValue))
                    .flatMap(ViolationSeverity.init(rawValue:))
            }
            let years = reader.required(
                view,
                "within-years",
                context: "in 'violations' of gate '\(VisibleText.excerpt(gateID))'"
            )
            .flatMap { reader.integer($0, 1...100) }
            guard let severity, let years else { return nil }
            return .noViolations(severity: severity, withinYears: years)
        case "commitment":
            return reader.identifier(field).map { .commitment(kind: $0) }
        case "attachment":
            return reader.identifier(field).map { .attachment(type: $0) }
        default:
            guard let test = reader.string(field) else { return nil }
            checkXPath(field, test, prefixes: prefixes, factID: "gate:\(gateID)")
            return .xpath(test: test)
        }
    }
}
