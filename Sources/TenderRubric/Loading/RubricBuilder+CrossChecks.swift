import Foundation
import TenderCore
import Yams

/// Checks across the whole rubric: unique ids, XPath prefixes, point totals, tie-break references.
extension RubricBuilder {
    func checkUnique(
        _ id: String,
        kind: String,
        at location: SourceLocation,
        seen: inout [String: SourceLocation]
    ) {
        if let first = seen[id] {
            let line = first.line.map { " at line \($0)" } ?? ""
            reader.error("duplicate \(kind) id '\(id)' (already used\(line))", at: location)
        } else {
            seen[id] = location
        }
    }

    func checkXPath(_ field: Field, _ expression: String, prefixes: Set<String>) {
        let problems = XPathLexicalCheck.problems(in: expression, declaredPrefixes: prefixes)
        guard !problems.isEmpty else { return }
        // Point inside the expression when it is written on one line.
        var shift: Int?
        if case .scalar(let scalar) = field.node, !scalar.string.contains("\n") {
            switch scalar.style {
            case .plain: shift = 0
            case .singleQuoted, .doubleQuoted: shift = 1
            default: shift = nil
            }
            if scalar.style == .doubleQuoted && scalar.string.contains("\\") { shift = nil }
            if scalar.style == .singleQuoted && scalar.string.contains("'") { shift = nil }
        }
        for problem in problems {
            var location = field.location
            if let shift, let column = location.column {
                location.column = column + shift + problem.offset
            }
            reader.error(problem.message, at: location)
        }
    }

    func checkTotals(
        _ groups: [GroupInfo],
        groupsField: Field,
        method: EvaluationMethod
    ) {
        var total: Decimal = 0
        var totalComplete = true
        for info in groups {
            let group = info.group
            if let sum = info.criteriaSum {
                if sum != group.points {
                    reader.error(
                        "criteria points in group '\(group.id)' sum to \(sum.plainText), expected \(group.points.plainText)",
                        at: info.pointsKeyLocation
                    )
                }
            }
            if group.points == 0 { totalComplete = false }
            total += group.points
        }
        if totalComplete && !groups.isEmpty && total != 100 {
            reader.error("group points sum to \(total.plainText), expected 100", at: groupsField.keyLocation)
        }

        let priceCriteria = groups.flatMap { info in
            info.group.criteria.filter { if case .price = $0.rule { return true } else { return false } }
                .map { (info.group, $0) }
        }
        if priceCriteria.isEmpty && groups.allSatisfy(\.criteriaComplete) && !groups.isEmpty {
            reader.error(
                "the rubric has no price criterion; add a group whose one criterion has 'price: lowest-price-ratio'",
                at: groupsField.keyLocation
            )
        }
        for (_, criterion) in priceCriteria.dropFirst() {
            reader.error(
                "criterion '\(criterion.id)' is a second price criterion; a rubric has exactly one",
                at: criterion.location
            )
        }
        if let (group, criterion) = priceCriteria.first, group.criteria.count > 1 {
            let others = group.criteria.filter { $0.id != criterion.id }.map { "'\($0.id)'" }
            reader.error(
                "the price criterion '\(criterion.id)' must be alone in its group, but group '\(group.id)' also has "
                    + others.joined(separator: ", "),
                at: group.location
            )
        }
        if method == .lowestEvaluatedPrice {
            for info in groups where !info.group.isPrice && !info.group.criteria.isEmpty {
                reader.error(
                    "method lowest-evaluated-price ranks bids on price alone, so group '\(info.group.id)' would never "
                        + "count; turn its requirements into gates or use method comprehensive",
                    at: info.group.location
                )
            }
        }
    }

    func resolveTieBreak(_ entries: [(String, SourceLocation)], groups: [CriterionGroup]) -> [TieBreakRule] {
        let groupIDs = groups.map(\.id)
        let criterionIDs = groups.flatMap { $0.criteria.map(\.id) }
        var rules: [TieBreakRule] = []
        for (text, location) in entries {
            if text == "technical" {
                if !groups.isEmpty && groups.allSatisfy(\.isPrice) {
                    reader.error("tie-break 'technical' needs at least one group besides price", at: location)
                }
                rules.append(.technicalScore)
            } else if text == "earliest-submission" {
                rules.append(.earliestSubmission)
            } else if text.hasPrefix("group:") {
                let ids = text.dropFirst("group:".count).split(separator: "+", omittingEmptySubsequences: false)
                    .map { String($0).trimmingCharacters(in: .whitespaces) }
                var valid = true
                for id in ids where !groupIDs.contains(id) {
                    valid = false
                    var message =
                        id.isEmpty ? "tie-break '\(text)' names no group" : "tie-break refers to unknown group '\(id)'"
                    if !id.isEmpty, let suggestion = Spelling.suggestion(for: id, among: groupIDs) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    reader.error(message, at: location)
                }
                if valid { rules.append(.groupScore(ids)) }
            } else if text.hasPrefix("criterion:") {
                let id = String(text.dropFirst("criterion:".count)).trimmingCharacters(in: .whitespaces)
                if criterionIDs.contains(id) {
                    rules.append(.criterionScore(id))
                } else {
                    var message = "tie-break refers to unknown criterion '\(id)'"
                    if let suggestion = Spelling.suggestion(for: id, among: criterionIDs) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    reader.error(message, at: location)
                }
            } else {
                var message =
                    "unknown tie-break rule '\(text)'; expected technical, group:<id>[+<id>…], criterion:<id> "
                    + "or earliest-submission"
                if let suggestion = Spelling.suggestion(for: text, among: ["technical", "earliest-submission"]) {
                    message = "unknown tie-break rule '\(text)'; did you mean '\(suggestion)'?"
                }
                reader.error(message, at: location)
            }
        }
        return rules
    }
}
