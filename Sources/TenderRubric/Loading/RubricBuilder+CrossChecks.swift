import Foundation
import TenderCore
import TenderModel
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
            reader.error("duplicate \(kind) id '\(VisibleText.excerpt(id))' (already used\(line))", at: location)
        } else {
            seen[id] = location
        }
    }

    /// Checks one expression lexically and records where it is written, for the importer's compile errors.
    func checkXPath(_ field: Field, _ expression: String, prefixes: Set<String>, factID: String) {
        defer {
            reader.xpathSites[factID] = XPathSite(
                location: field.location,
                start: expressionStart(field).flatMap { shift in
                    field.location.column.map { column in
                        var start = field.location
                        start.column = column + shift
                        return start
                    }
                }
            )
        }
        let problems = XPathLexicalCheck.problems(in: expression, declaredPrefixes: prefixes) { word, candidates in
            reader.suggestion(for: word, among: candidates)
        }
        guard !problems.isEmpty else { return }
        let shift = expressionStart(field)
        for problem in problems {
            var location = field.location
            if let shift, let column = location.column {
                location.column = column + shift + problem.offset
            }
            reader.error(problem.message, at: location)
        }
    }

    /// Columns from the scalar's location to the expression's first character, when every character of the
    /// expression is one column of one line (a one-line plain or simply quoted scalar); nil otherwise.
    func expressionStart(_ field: Field) -> Int? {
        guard case .scalar(let scalar) = field.node, !scalar.string.contains("\n") else { return nil }
        switch scalar.style {
        case .plain: return 0
        case .singleQuoted: return scalar.string.contains("'") ? nil : 1
        case .doubleQuoted: return scalar.string.contains("\\") ? nil : 1
        default: return nil
        }
    }

    func checkTotals(
        _ groups: [GroupInfo],
        groupsField: Field,
        method: EvaluationMethod
    ) {
        var total: Points = 0
        var totalComplete = true
        for info in groups {
            let group = info.group
            if let sum = info.criteriaSum {
                if sum != group.points {
                    reader.error(
                        "criteria points in group '\(VisibleText.excerpt(group.id))' sum to \(sum.plainText), expected \(group.points.plainText)",
                        at: info.pointsKeyLocation
                    )
                }
            }
            if group.points == 0 { totalComplete = false }
            total = (try? total + group.points) ?? total
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
                "criterion '\(VisibleText.excerpt(criterion.id))' is a second price criterion; a rubric has exactly one",
                at: criterion.location
            )
        }
        if let (group, criterion) = priceCriteria.first, group.criteria.count > 1 {
            let others = group.criteria.filter { $0.id != criterion.id }.map { "'\(VisibleText.excerpt($0.id))'" }
            reader.error(
                "the price criterion '\(VisibleText.excerpt(criterion.id))' must be alone in its group, but group '\(VisibleText.excerpt(group.id))' also has "
                    + others.joined(separator: ", "),
                at: group.location
            )
        }
        if method == .lowestEvaluatedPrice {
            for info in groups where !info.group.isPrice && !info.group.criteria.isEmpty {
                reader.error(
                    "method lowest-evaluated-price ranks bids on price alone, so group '\(VisibleText.excerpt(info.group.id))' would never "
                        + "count; turn its requirements into gates or use method comprehensive",
                    at: info.group.location
                )
            }
        }
    }

    func resolveTieBreak(_ entries: [(String, SourceLocation)], groups: [CriterionGroup]) -> [TieBreakRule] {
        let groupIDs = groups.map(\.id)
        let criterionIDs = groups.flatMap { $0.criteria.map(\.id) }
        // Sets, so a long tie-break chain over many criteria is not quadratic.
        let knownGroups = Set(groupIDs)
        let knownCriteria = Set(criterionIDs)
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
                for id in ids where !knownGroups.contains(id) {
                    valid = false
                    var message =
                        id.isEmpty
                        ? "tie-break '\(VisibleText.excerpt(text))' names no group"
                        : "tie-break refers to unknown group '\(VisibleText.excerpt(id))'"
                    if !id.isEmpty, let suggestion = reader.suggestion(for: id, among: groupIDs) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    reader.error(message, at: location)
                }
                if valid { rules.append(.groupScore(ids)) }
            } else if text.hasPrefix("criterion:") {
                let id = String(text.dropFirst("criterion:".count)).trimmingCharacters(in: .whitespaces)
                if knownCriteria.contains(id) {
                    rules.append(.criterionScore(id))
                } else {
                    var message = "tie-break refers to unknown criterion '\(VisibleText.excerpt(id))'"
                    if let suggestion = reader.suggestion(for: id, among: criterionIDs) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    reader.error(message, at: location)
                }
            } else {
                var message =
                    "unknown tie-break rule '\(VisibleText.excerpt(text))'; expected technical, group:<id>[+<id>…], criterion:<id> "
                    + "or earliest-submission"
                if let suggestion = reader.suggestion(for: text, among: ["technical", "earliest-submission"]) {
                    message = "unknown tie-break rule '\(VisibleText.excerpt(text))'; did you mean '\(suggestion)'?"
                }
                reader.error(message, at: location)
            }
        }
        return rules
    }
}
