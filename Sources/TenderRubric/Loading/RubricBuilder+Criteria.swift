import Foundation
import TenderCore
import TenderModel
import Yams

/// Reading groups, criteria, scales and judgement rules.
extension RubricBuilder {
    func readGroups(_ field: Field, prefixes: Set<String>, decimals: Int?) -> [GroupInfo] {
        guard let items = reader.sequence(field) else { return [] }
        if items.isEmpty {
            reader.error("'groups' must list at least one group", at: field.location)
        }
        var groups: [GroupInfo] = []
        var seenGroups: [String: SourceLocation] = [:]
        var seenCriteria: [String: SourceLocation] = [:]
        let keys = ["id", "name", "points", "criteria"]
        for item in items {
            guard let view = reader.mapping(item, what: "a group") else { continue }
            guard let idField = reader.required(view, "id", context: "in a group"), let id = reader.identifier(idField)
            else {
                reader.checkKeys(view, allowed: keys, context: "in a group")
                continue
            }
            let context = "in group '\(VisibleText.excerpt(id))'"
            reader.checkKeys(view, allowed: keys, context: context)
            checkUnique(id, kind: "group", at: idField.location, seen: &seenGroups)
            let name = view["name"].flatMap { reader.localized($0) } ?? LocalizedText(zh: id, en: id)
            let pointsField = reader.required(view, "points", context: context)
            let points = pointsField.flatMap { reader.points($0, .positive) }
            var criteria: [Criterion] = []
            var sum: Points? = 0
            var criteriaComplete = true
            if let criteriaField = reader.required(view, "criteria", context: context),
                let list = reader.sequence(criteriaField)
            {
                if list.isEmpty {
                    reader.error(
                        "group '\(VisibleText.excerpt(id))' must list at least one criterion",
                        at: criteriaField.location
                    )
                    sum = nil
                }
                for criterionNode in list {
                    let (criterion, criterionPoints) = readCriterion(
                        criterionNode,
                        prefixes: prefixes,
                        seen: &seenCriteria
                    )
                    if let criterion { criteria.append(criterion) } else { criteriaComplete = false }
                    sum = criterionPoints.flatMap { value in sum.flatMap { try? $0 + value } }
                }
            } else {
                sum = nil
                criteriaComplete = false
            }
            if points == nil { sum = nil }
            if let points, let decimals, points.decimalPlaces > decimals {
                reader.warning(
                    "group '\(VisibleText.excerpt(id))' has \(points.decimalPlaces) decimals but scores are rounded to \(decimals)",
                    at: pointsField?.location ?? view.location
                )
            }
            groups.append(
                GroupInfo(
                    group: CriterionGroup(
                        id: id,
                        name: name,
                        points: points ?? 0,
                        criteria: criteria,
                        location: view.location
                    ),
                    pointsKeyLocation: pointsField?.keyLocation ?? view.location,
                    criteriaSum: sum,
                    criteriaComplete: criteriaComplete
                )
            )
        }
        return groups
    }

    /// The criterion (nil when broken) and its points (nil when they could not be read).
    func readCriterion(
        _ node: Node,
        prefixes: Set<String>,
        seen: inout [String: SourceLocation]
    ) -> (Criterion?, Points?) {
        let keys = ["id", "name", "points", "objective", "judgement", "price", "history"]
        guard let view = reader.mapping(node, what: "a criterion") else { return (nil, nil) }
        guard let idField = reader.required(view, "id", context: "in a criterion"), let id = reader.identifier(idField)
        else {
            reader.checkKeys(view, allowed: keys, context: "in a criterion")
            return (nil, view["points"].flatMap { reader.points($0, .positive) })
        }
        let context = "in criterion '\(VisibleText.excerpt(id))'"
        reader.checkKeys(view, allowed: keys, context: context)
        checkUnique(id, kind: "criterion", at: idField.location, seen: &seen)
        let name = view["name"].flatMap { reader.localized($0) } ?? LocalizedText(zh: id, en: id)
        let points = reader.required(view, "points", context: context).flatMap { reader.points($0, .positive) }

        let ruleKeys = ["objective", "judgement", "price", "history"]
        let ruleFields = view.fields.filter { ruleKeys.contains($0.key) }
        guard let ruleField = ruleFields.first else {
            reader.error(
                "criterion '\(VisibleText.excerpt(id))' needs one of: objective, judgement, price, history",
                at: view.location
            )
            return (nil, points)
        }
        for extra in ruleFields.dropFirst() {
            reader.error(
                "criterion '\(VisibleText.excerpt(id))' has both '\(VisibleText.excerpt(ruleField.key))' and '\(VisibleText.excerpt(extra.key))'; give exactly one",
                at: extra.keyLocation
            )
        }
        var guidance: LocalizedText?
        let rule: CriterionRule?
        switch ruleField.key {
        case "price":
            rule = reader.choice(ruleField, PriceFormula.allCases.map(\.rawValue))
                .flatMap(PriceFormula.init(rawValue:)).map { .price($0) }
        case "objective":
            rule = readObjective(ruleField, criterionID: id, points: points, prefixes: prefixes).map { .objective($0) }
        case "history":
            rule = readHistory(ruleField, criterionID: id, points: points).map { .history($0) }
        default:
            let judgement = readJudgement(ruleField, criterionID: id, points: points)
            guidance = judgement?.guidance
            rule = judgement.map { .judgement($0.rule) }
        }
        guard let points, let rule else { return (nil, points) }
        return (
            Criterion(id: id, name: name, points: points, rule: rule, guidance: guidance, location: view.location),
            points
        )
    }

    static let scaleKeys = ["linear", "bands", "per-item", "yes-no", "lookup"]

    func readObjective(_ field: Field, criterionID id: String, points: Points?, prefixes: Set<String>)
        -> ObjectiveRule?
    {
        guard let view = reader.mapping(field) else { return nil }
        let context = "in the objective of criterion '\(VisibleText.excerpt(id))'"
        reader.checkKeys(view, allowed: ["value"] + RubricBuilder.scaleKeys + ["otherwise"], context: context)
        var value: String?
        var valueLocation: SourceLocation?
        if let entry = reader.required(view, "value", context: context), let text = reader.string(entry) {
            checkXPath(entry, text, prefixes: prefixes, factID: id)
            value = text
            valueLocation = entry.location
        }
        let scaleFields = view.fields.filter { RubricBuilder.scaleKeys.contains($0.key) }
        guard let scaleField = scaleFields.first else {
            reader.error(
                "criterion '\(VisibleText.excerpt(id))' needs a scale: one of \(RubricBuilder.scaleKeys.joined(separator: ", "))",
                at: view.location
            )
            return nil
        }
        for extra in scaleFields.dropFirst() {
            reader.error(
                "criterion '\(VisibleText.excerpt(id))' has both '\(VisibleText.excerpt(scaleField.key))' and '\(VisibleText.excerpt(extra.key))'; give exactly one scale",
                at: extra.keyLocation
            )
        }
        if let otherwise = view["otherwise"], scaleField.key != "lookup" {
            reader.error("'otherwise' only goes with a 'lookup' scale", at: otherwise.keyLocation)
        }
        let scale = readScale(scaleField, otherwise: view["otherwise"], criterionID: id, points: points)
        guard let value, let scale else { return nil }
        return ObjectiveRule(value: value, scale: scale, valueLocation: valueLocation)
    }

    /// Reports a points value above the criterion's maximum.
    func checkWithin(_ value: Points?, _ name: String, points: Points?, at location: SourceLocation) {
        guard let value, let points, value > points else { return }
        let verb = name.hasSuffix("points") ? "are" : "is"
        reader.error(
            "\(name) \(value.plainText) \(verb) above the criterion's \(points.plainText) points",
            at: location
        )
    }

    /// Names a scale's points value in messages: `yes 4`, `band points 12`, `points 5 for 'AAA'`.
    func checkWithin(_ value: Points?, lookupKey key: String, points: Points?, at location: SourceLocation) {
        guard let value, let points, value > points else { return }
        reader.error(
            "points \(value.plainText) for '\(VisibleText.excerpt(key))' are above the criterion's \(points.plainText) points",
            at: location
        )
    }

    func points(
        _ view: MappingView,
        _ key: String,
        context: String,
        max: Points?,
        label: String? = nil
    ) -> Points? {
        guard let entry = reader.required(view, key, context: context) else { return nil }
        let value = reader.points(entry, .nonNegative)
        checkWithin(value, label ?? key, points: max, at: entry.location)
        return value
    }

    func readScale(_ field: Field, otherwise: Field?, criterionID id: String, points: Points?) -> Scale? {
        let context = "in '\(VisibleText.excerpt(field.key))' of criterion '\(VisibleText.excerpt(id))'"
        switch field.key {
        case "linear":
            guard let view = reader.mapping(field) else { return nil }
            reader.checkKeys(view, allowed: ["from", "to", "points-from", "points-to"], context: context)
            let from = reader.required(view, "from", context: context).flatMap { reader.decimal($0, .any) }
            let toField = reader.required(view, "to", context: context)
            let to = toField.flatMap { reader.decimal($0, .any) }
            let pointsFrom = self.points(view, "points-from", context: context, max: points)
            let pointsTo = self.points(view, "points-to", context: context, max: points)
            if let from, let to, let toField, from >= to {
                reader.error(
                    "linear 'to' must be above 'from' (\(from.plainText)), found \(to.plainText)",
                    at: toField.location
                )
                return nil
            }
            guard let from, let to, let pointsFrom, let pointsTo else { return nil }
            return .linear(lower: from, upper: to, lowerPoints: pointsFrom, upperPoints: pointsTo)
        case "bands":
            return readBands(field, context: context, points: points).map { .bands($0) }
        case "per-item":
            guard let view = reader.mapping(field) else { return nil }
            reader.checkKeys(view, allowed: ["each", "cap"], context: context)
            let eachField = reader.required(view, "each", context: context)
            let each = eachField.flatMap { reader.points($0, .positive) }
            if let eachField { checkWithin(each, "each", points: points, at: eachField.location) }
            var cap = points
            if let capField = view["cap"] {
                cap = reader.points(capField, .positive)
                checkWithin(cap, "cap", points: points, at: capField.location)
            }
            guard let each, let cap else { return nil }
            return .perItem(each: each, cap: cap)
        case "yes-no":
            guard let view = reader.mapping(field) else { return nil }
            reader.checkKeys(view, allowed: ["yes", "no"], context: context)
            let yes = self.points(view, "yes", context: context, max: points)
            var no: Points? = 0
            if let noField = view["no"] {
                no = reader.points(noField, .nonNegative)
                checkWithin(no, "no", points: points, at: noField.location)
            }
            guard let yes, let no else { return nil }
            return .yesNo(yes: yes, no: no)
        default:
            guard let view = reader.mapping(field) else { return nil }
            if view.fields.isEmpty {
                reader.error("'lookup' must list at least one value", at: field.location)
            }
            var entries: [LookupEntry] = []
            var complete = true
            for entry in view.fields {
                guard
                    let value = reader.points(
                        entry.node,
                        name: "points for '\(VisibleText.excerpt(entry.key))'",
                        .nonNegative
                    )
                else {
                    complete = false
                    continue
                }
                checkWithin(value, lookupKey: entry.key, points: points, at: entry.location)
                entries.append(LookupEntry(key: entry.key, points: value))
            }
            var fallback: Points? = 0
            if let otherwise {
                fallback = reader.points(otherwise, .nonNegative)
                checkWithin(fallback, "otherwise", points: points, at: otherwise.location)
            }
            guard complete, let fallback else { return nil }
            return .lookup(entries: entries, otherwise: fallback)
        }
    }

    func readBands(_ field: Field, context: String, points: Points?) -> [Band]? {
        guard let items = reader.sequence(field) else { return nil }
        guard !items.isEmpty else {
            reader.error("'bands' must list at least one band", at: field.location)
            return nil
        }
        var bands: [Band] = []
        var complete = true
        var previous: (band: Band, toLocation: SourceLocation?)?
        for (index, item) in items.enumerated() {
            guard let view = reader.mapping(item, what: "a band") else {
                complete = false
                continue
            }
            reader.checkKeys(view, allowed: ["from", "to", "points"], context: context)
            let fromField = reader.required(view, "from", context: "in a band \(context.dropFirst(3))")
            let from = fromField.flatMap { reader.decimal($0, .any) }
            let toField = view["to"]
            let to = toField.flatMap { reader.decimal($0, .any) }
            let value = self.points(
                view,
                "points",
                context: "in a band \(context.dropFirst(3))",
                max: points,
                label: "band points"
            )
            if toField == nil && index < items.count - 1 {
                reader.error("only the last band may leave out 'to'", at: view.location)
            }
            guard let from, let fromField, let value, toField == nil || to != nil else {
                complete = false
                previous = nil
                continue
            }
            if let to, let toField, to <= from {
                reader.error(
                    "band 'to' must be above its 'from' (\(from.plainText)), found \(to.plainText)",
                    at: toField.location
                )
                complete = false
            }
            if let previous, let end = previous.band.to {
                if from < previous.band.from {
                    reader.error(
                        "bands must be in ascending order: 'from' \(from.plainText) comes after \(previous.band.from.plainText)",
                        at: fromField.location
                    )
                    complete = false
                } else if from > end {
                    reader.error(
                        "bands leave a gap between \(end.plainText) and \(from.plainText)",
                        at: fromField.location
                    )
                    complete = false
                } else if from < end {
                    reader.error(
                        "bands overlap between \(from.plainText) and \(end.plainText)",
                        at: fromField.location
                    )
                    complete = false
                }
            }
            let band = Band(from: from, to: to, points: value, location: view.location)
            bands.append(band)
            previous = (band, toField?.location)
        }
        return complete ? bands : nil
    }

    func readJudgement(_ field: Field, criterionID id: String, points: Points?)
        -> (rule: JudgementRule, guidance: LocalizedText?)?
    {
        if case .scalar(let scalar) = field.node, NodeReader.isNull(scalar) {
            return (JudgementRule(step: nil, bands: []), nil)
        }
        guard let view = reader.mapping(field) else { return nil }
        let context = "in the judgement of criterion '\(VisibleText.excerpt(id))'"
        reader.checkKeys(view, allowed: ["step", "guidance", "bands"], context: context)
        var step: Points?
        var complete = true
        if let stepField = view["step"] {
            step = reader.points(stepField, .positive)
            if step == nil { complete = false }
            if let step, let points {
                if points.units % step.units != 0 {
                    reader.error(
                        "step \(step.plainText) does not divide the criterion's \(points.plainText) points",
                        at: stepField.location
                    )
                    complete = false
                }
            }
        }
        let guidance = view["guidance"].flatMap { reader.localized($0) }
        var bands: [AdjectivalBand] = []
        if let bandsField = view["bands"], let items = reader.sequence(bandsField) {
            for item in items {
                guard let band = reader.mapping(item, what: "a judgement band") else {
                    complete = false
                    continue
                }
                let bandContext = "in a judgement band of criterion '\(VisibleText.excerpt(id))'"
                reader.checkKeys(band, allowed: ["label", "min", "max"], context: bandContext)
                let label = reader.required(band, "label", context: bandContext).flatMap { reader.localized($0) }
                let minField = reader.required(band, "min", context: bandContext)
                let maxField = reader.required(band, "max", context: bandContext)
                let min = minField.flatMap { reader.points($0, .nonNegative) }
                let max = maxField.flatMap { reader.points($0, .nonNegative) }
                guard let label, let min, let max, let minField, let maxField else {
                    complete = false
                    continue
                }
                let name = label.en ?? label.zh ?? ""
                if let points, max > points {
                    reader.error(
                        "judgement band '\(VisibleText.excerpt(name))' max \(max.plainText) is above the criterion's \(points.plainText) points",
                        at: maxField.location
                    )
                    complete = false
                }
                if min > max {
                    reader.error(
                        "judgement band '\(VisibleText.excerpt(name))' min \(min.plainText) is above its max \(max.plainText)",
                        at: minField.location
                    )
                    complete = false
                }
                bands.append(AdjectivalBand(label: label, min: min, max: max))
            }
        }
        guard complete else { return nil }
        return (JudgementRule(step: step, bands: bands), guidance)
    }
}
