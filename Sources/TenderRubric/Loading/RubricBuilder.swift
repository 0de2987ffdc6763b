import Foundation
import TenderCore
import Yams

/// Turns the YAML tree into a `Rubric`, checking every rule of the format on the way. Problems go to the
/// reader's collector; the result is nil only when the structure is too broken to go on.
struct RubricBuilder {
    let reader: NodeReader

    private struct GroupInfo {
        var group: CriterionGroup
        var pointsKeyLocation: SourceLocation
        /// The sum of the criteria's points; nil when one could not be read, so the sum cannot be checked.
        var criteriaSum: Decimal?
        /// False when a criterion could not be built.
        var criteriaComplete: Bool
    }

    private struct TieBreakEntry {
        var rule: TieBreakRule
        var location: SourceLocation
    }

    private static let topKeys = ["tender", "namespaces", "price-policy", "committee", "gates", "groups"]
    private static let tenderKeys = [
        "id", "title", "buyer", "currency", "budget", "method", "decimals", "rounding", "minimum-valid-bids",
        "evaluation-date", "profile", "tie-break",
    ]
    static let profiles = ["cn-87", "eu", "none"]

    func build(root: Node) -> Rubric? {
        guard let top = reader.mapping(root, what: "a rubric") else { return nil }
        reader.checkKeys(top, allowed: RubricBuilder.topKeys, context: "at the top level")

        let namespaces = top["namespaces"].map(readNamespaces) ?? []
        let prefixes = Set(namespaces.map(\.prefix))

        var header: TenderHeader?
        var tieBreakEntries: [(String, SourceLocation)] = []
        if let field = reader.required(top, "tender", context: "at the top level") {
            (header, tieBreakEntries) = readTender(field)
        }
        let pricePolicy = top["price-policy"].map(readPricePolicy) ?? PricePolicy()
        let committee = top["committee"].map(readCommittee) ?? CommitteePolicy()
        let gates = top["gates"].map { readGates($0, prefixes: prefixes) } ?? []

        var groups: [GroupInfo] = []
        var groupsField: Field?
        if let field = reader.required(top, "groups", context: "at the top level") {
            groupsField = field
            groups = readGroups(field, prefixes: prefixes, decimals: header?.decimals)
        }

        var tieBreak: [TieBreakRule] = []
        if let groupsField {
            checkTotals(
                groups,
                groupsField: groupsField,
                method: header?.method ?? .comprehensive
            )
            tieBreak = resolveTieBreak(tieBreakEntries, groups: groups.map(\.group))
        }
        guard var tender = header else { return nil }
        tender.tieBreak = tieBreak
        return Rubric(
            file: reader.file,
            tender: tender,
            namespaces: namespaces,
            pricePolicy: pricePolicy,
            committee: committee,
            gates: gates,
            groups: groups.map(\.group)
        )
    }

    // MARK: Header

    /// The header (tie-break still empty; nil when a required key is broken) and the raw tie-break entries,
    /// resolved once the groups are known.
    private func readTender(
        _ field: Field
    ) -> (TenderHeader?, [(String, SourceLocation)]) {
        guard let view = reader.mapping(field) else { return (nil, []) }
        let context = "in 'tender'"
        reader.checkKeys(view, allowed: RubricBuilder.tenderKeys, context: context)

        let id = reader.required(view, "id", context: context).flatMap { reader.string($0) }
        let title = view["title"].flatMap { reader.localized($0) } ?? LocalizedText()
        let buyer = view["buyer"].flatMap { reader.localized($0) } ?? LocalizedText()
        var currency: String?
        if let entry = reader.required(view, "currency", context: context), let text = reader.string(entry) {
            if text.count == 3 && text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) {
                currency = text
            } else {
                reader.error(
                    "currency must be a 3-letter ISO 4217 code such as CNY, found '\(text)'",
                    at: entry.location
                )
            }
        }
        let budget = view["budget"].flatMap { reader.decimal($0, .positive) }
        let method =
            view["method"].flatMap { reader.choice($0, EvaluationMethod.allCases.map(\.rawValue)) }
            .flatMap(EvaluationMethod.init(rawValue:)) ?? .comprehensive
        let decimals = view["decimals"].flatMap { reader.integer($0, 0...6) } ?? 2
        let rounding =
            view["rounding"].flatMap { reader.choice($0, RoundingPolicy.allCases.map(\.rawValue)) }
            .flatMap(RoundingPolicy.init(rawValue:)) ?? .perCriterion
        let minimumBids = view["minimum-valid-bids"].flatMap { reader.integer($0, 1...Int.max) } ?? 3
        var evaluationDate: String?
        if let entry = reader.required(view, "evaluation-date", context: context), let text = reader.string(entry) {
            if RubricBuilder.isCalendarDate(text) {
                evaluationDate = text
            } else {
                reader.error("evaluation-date must be a date written YYYY-MM-DD, found '\(text)'", at: entry.location)
            }
        }
        var profile: String?
        if let entry = view["profile"], let text = reader.choice(entry, RubricBuilder.profiles) {
            profile = text == "none" ? nil : text
        }
        var tieBreak: [(String, SourceLocation)] = []
        if let entry = view["tie-break"], let items = reader.sequence(entry) {
            for item in items {
                if let text = reader.string(item, what: "a tie-break rule") {
                    tieBreak.append((text, reader.location(item)))
                }
            }
        }
        guard let id, let currency, let evaluationDate else { return (nil, tieBreak) }
        let header = TenderHeader(
            id: id,
            title: title,
            buyer: buyer,
            currency: currency,
            budget: budget,
            method: method,
            decimals: decimals,
            rounding: rounding,
            minimumValidBids: minimumBids,
            tieBreak: [],
            evaluationDate: evaluationDate,
            profile: profile,
            location: view.location
        )
        return (header, tieBreak)
    }

    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            year >= 1900, (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    // MARK: Namespaces, policies

    private func readNamespaces(_ field: Field) -> [NamespaceBinding] {
        guard let view = reader.mapping(field) else { return [] }
        var bindings: [NamespaceBinding] = []
        for entry in view.fields {
            let prefix = entry.key
            let valid =
                prefix.unicodeScalars.first.map(XPathLexicalCheck.isNameStart) == true
                && prefix.unicodeScalars.allSatisfy(XPathLexicalCheck.isNameCharacter)
            guard valid, !prefix.lowercased().hasPrefix("xml") else {
                reader.error(
                    "namespace prefix '\(prefix)' must be a name (letters, digits, '-', '_', '.') not starting with 'xml'",
                    at: entry.keyLocation
                )
                continue
            }
            guard let uri = reader.string(entry.node, what: "the namespace URI for '\(prefix)'") else { continue }
            bindings.append(NamespaceBinding(prefix: prefix, uri: uri))
        }
        return bindings
    }

    private func readPricePolicy(_ field: Field) -> PricePolicy {
        guard let view = reader.mapping(field) else { return PricePolicy() }
        reader.checkKeys(view, allowed: ["size-deductions", "abnormally-low"], context: "in 'price-policy'")
        var deductions: [EnterpriseSize: Decimal] = [:]
        if let entry = view["size-deductions"], let sizes = reader.mapping(entry) {
            let names = EnterpriseSize.allCases.map(\.rawValue)
            reader.checkKeys(sizes, allowed: names, context: "in 'size-deductions'")
            for size in sizes.fields {
                guard let kind = EnterpriseSize(rawValue: size.key) else { continue }
                if let percent = reader.decimal(size.node, name: "the \(size.key) deduction", .percent) {
                    deductions[kind] = percent
                }
            }
        }
        var abnormallyLow: Decimal = 20
        if let entry = view["abnormally-low"], let value = reader.decimal(entry, .percent) {
            if value == 0 {
                reader.error("abnormally-low must be greater than 0, found '0'", at: entry.location)
            } else {
                abnormallyLow = value
            }
        }
        return PricePolicy(sizeDeductions: deductions, abnormallyLowPercent: abnormallyLow)
    }

    private func readCommittee(_ field: Field) -> CommitteePolicy {
        guard let view = reader.mapping(field) else { return CommitteePolicy() }
        reader.checkKeys(view, allowed: ["members", "aggregation", "disagreement"], context: "in 'committee'")
        let members = view["members"].flatMap { reader.integer($0, 1...Int.max) }
        var aggregation = ScoreAggregation.mean
        if let entry = view["aggregation"],
            let value = reader.choice(entry, ScoreAggregation.allCases.map(\.rawValue))
                .flatMap(ScoreAggregation.init(rawValue:))
        {
            aggregation = value
            if value == .trimmedMean, let members, members < 3 {
                reader.error(
                    "trimmed-mean drops the highest and the lowest score, so it needs at least 3 members, not \(members)",
                    at: entry.location
                )
            }
        }
        var disagreement: Decimal = 30
        if let entry = view["disagreement"], let value = reader.decimal(entry, .percent) {
            if value == 0 {
                reader.error("disagreement must be greater than 0, found '0'", at: entry.location)
            } else {
                disagreement = value
            }
        }
        return CommitteePolicy(members: members, aggregation: aggregation, disagreementPercent: disagreement)
    }

    // MARK: Gates

    private static let gateRules = ["violations", "commitment", "attachment", "xpath"]

    private func readGates(_ field: Field, prefixes: Set<String>) -> [Gate] {
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
            let context = "in gate '\(id)'"
            reader.checkKeys(view, allowed: ["id", "name"] + RubricBuilder.gateRules, context: context)
            checkUnique(id, kind: "gate", at: idField.location, seen: &seen)
            let name = view["name"].flatMap { reader.localized($0) } ?? LocalizedText(zh: id, en: id)
            let ruleFields = view.fields.filter { RubricBuilder.gateRules.contains($0.key) }
            guard let ruleField = ruleFields.first else {
                reader.error(
                    "gate '\(id)' needs one of: \(RubricBuilder.gateRules.joined(separator: ", "))",
                    at: view.location
                )
                continue
            }
            for extra in ruleFields.dropFirst() {
                reader.error(
                    "gate '\(id)' has both '\(ruleField.key)' and '\(extra.key)'; give exactly one",
                    at: extra.keyLocation
                )
            }
            if let rule = readGateRule(ruleField, gateID: id, prefixes: prefixes) {
                gates.append(Gate(id: id, name: name, rule: rule, location: view.location))
            }
        }
        return gates
    }

    private func readGateRule(_ field: Field, gateID: String, prefixes: Set<String>) -> GateRule? {
        switch field.key {
        case "violations":
            guard let view = reader.mapping(field) else { return nil }
            reader.checkKeys(
                view,
                allowed: ["severity", "within-years"],
                context: "in 'violations' of gate '\(gateID)'"
            )
            var severity: ViolationSeverity? = .major
            if let entry = view["severity"] {
                severity = reader.choice(entry, ViolationSeverity.allCases.map(\.rawValue))
                    .flatMap(ViolationSeverity.init(rawValue:))
            }
            let years = reader.required(view, "within-years", context: "in 'violations' of gate '\(gateID)'")
                .flatMap { reader.integer($0, 1...100) }
            guard let severity, let years else { return nil }
            return .noViolations(severity: severity, withinYears: years)
        case "commitment":
            return reader.identifier(field).map { .commitment(kind: $0) }
        case "attachment":
            return reader.identifier(field).map { .attachment(type: $0) }
        default:
            guard let test = reader.string(field) else { return nil }
            checkXPath(field, test, prefixes: prefixes)
            return .xpath(test: test)
        }
    }

    // MARK: Groups and criteria

    private func readGroups(_ field: Field, prefixes: Set<String>, decimals: Int?) -> [GroupInfo] {
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
            let context = "in group '\(id)'"
            reader.checkKeys(view, allowed: keys, context: context)
            checkUnique(id, kind: "group", at: idField.location, seen: &seenGroups)
            let name = view["name"].flatMap { reader.localized($0) } ?? LocalizedText(zh: id, en: id)
            let pointsField = reader.required(view, "points", context: context)
            let points = pointsField.flatMap { reader.decimal($0, .positive) }
            var criteria: [Criterion] = []
            var sum: Decimal? = 0
            var criteriaComplete = true
            if let criteriaField = reader.required(view, "criteria", context: context),
                let list = reader.sequence(criteriaField)
            {
                if list.isEmpty {
                    reader.error("group '\(id)' must list at least one criterion", at: criteriaField.location)
                    sum = nil
                }
                for criterionNode in list {
                    let (criterion, criterionPoints) = readCriterion(
                        criterionNode,
                        prefixes: prefixes,
                        seen: &seenCriteria
                    )
                    if let criterion { criteria.append(criterion) } else { criteriaComplete = false }
                    sum = criterionPoints.flatMap { value in sum.map { $0 + value } }
                }
            } else {
                sum = nil
                criteriaComplete = false
            }
            if points == nil { sum = nil }
            if let points, let decimals, points.decimalPlaces > decimals {
                reader.warning(
                    "group '\(id)' has \(points.decimalPlaces) decimals but scores are rounded to \(decimals)",
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
    private func readCriterion(
        _ node: Node,
        prefixes: Set<String>,
        seen: inout [String: SourceLocation]
    ) -> (Criterion?, Decimal?) {
        let keys = ["id", "name", "points", "objective", "judgement", "price"]
        guard let view = reader.mapping(node, what: "a criterion") else { return (nil, nil) }
        guard let idField = reader.required(view, "id", context: "in a criterion"), let id = reader.identifier(idField)
        else {
            reader.checkKeys(view, allowed: keys, context: "in a criterion")
            return (nil, view["points"].flatMap { reader.decimal($0, .positive) })
        }
        let context = "in criterion '\(id)'"
        reader.checkKeys(view, allowed: keys, context: context)
        checkUnique(id, kind: "criterion", at: idField.location, seen: &seen)
        let name = view["name"].flatMap { reader.localized($0) } ?? LocalizedText(zh: id, en: id)
        let points = reader.required(view, "points", context: context).flatMap { reader.decimal($0, .positive) }

        let ruleKeys = ["objective", "judgement", "price"]
        let ruleFields = view.fields.filter { ruleKeys.contains($0.key) }
        guard let ruleField = ruleFields.first else {
            reader.error("criterion '\(id)' needs one of: objective, judgement, price", at: view.location)
            return (nil, points)
        }
        for extra in ruleFields.dropFirst() {
            reader.error(
                "criterion '\(id)' has both '\(ruleField.key)' and '\(extra.key)'; give exactly one",
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

    private static let scaleKeys = ["linear", "bands", "per-item", "yes-no", "lookup"]

    private func readObjective(_ field: Field, criterionID id: String, points: Decimal?, prefixes: Set<String>)
        -> ObjectiveRule?
    {
        guard let view = reader.mapping(field) else { return nil }
        let context = "in the objective of criterion '\(id)'"
        reader.checkKeys(view, allowed: ["value"] + RubricBuilder.scaleKeys + ["otherwise"], context: context)
        var value: String?
        var valueLocation: SourceLocation?
        if let entry = reader.required(view, "value", context: context), let text = reader.string(entry) {
            checkXPath(entry, text, prefixes: prefixes)
            value = text
            valueLocation = entry.location
        }
        let scaleFields = view.fields.filter { RubricBuilder.scaleKeys.contains($0.key) }
        guard let scaleField = scaleFields.first else {
            reader.error(
                "criterion '\(id)' needs a scale: one of \(RubricBuilder.scaleKeys.joined(separator: ", "))",
                at: view.location
            )
            return nil
        }
        for extra in scaleFields.dropFirst() {
            reader.error(
                "criterion '\(id)' has both '\(scaleField.key)' and '\(extra.key)'; give exactly one scale",
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
    private func checkWithin(_ value: Decimal?, _ name: String, points: Decimal?, at location: SourceLocation) {
        guard let value, let points, value > points else { return }
        let verb = name.hasSuffix("points") ? "are" : "is"
        reader.error(
            "\(name) \(value.plainText) \(verb) above the criterion's \(points.plainText) points",
            at: location
        )
    }

    /// Names a scale's points value in messages: `yes 4`, `band points 12`, `points 5 for 'AAA'`.
    private func checkWithin(_ value: Decimal?, lookupKey key: String, points: Decimal?, at location: SourceLocation) {
        guard let value, let points, value > points else { return }
        reader.error(
            "points \(value.plainText) for '\(key)' are above the criterion's \(points.plainText) points",
            at: location
        )
    }

    private func points(
        _ view: MappingView,
        _ key: String,
        context: String,
        max: Decimal?,
        label: String? = nil
    ) -> Decimal? {
        guard let entry = reader.required(view, key, context: context) else { return nil }
        let value = reader.decimal(entry, .nonNegative)
        checkWithin(value, label ?? key, points: max, at: entry.location)
        return value
    }

    private func readScale(_ field: Field, otherwise: Field?, criterionID id: String, points: Decimal?) -> Scale? {
        let context = "in '\(field.key)' of criterion '\(id)'"
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
            let each = eachField.flatMap { reader.decimal($0, .positive) }
            if let eachField { checkWithin(each, "each", points: points, at: eachField.location) }
            var cap = points
            if let capField = view["cap"] {
                cap = reader.decimal(capField, .positive)
                checkWithin(cap, "cap", points: points, at: capField.location)
            }
            guard let each, let cap else { return nil }
            return .perItem(each: each, cap: cap)
        case "yes-no":
            guard let view = reader.mapping(field) else { return nil }
            reader.checkKeys(view, allowed: ["yes", "no"], context: context)
            let yes = self.points(view, "yes", context: context, max: points)
            var no: Decimal? = 0
            if let noField = view["no"] {
                no = reader.decimal(noField, .nonNegative)
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
                guard let value = reader.decimal(entry.node, name: "points for '\(entry.key)'", .nonNegative) else {
                    complete = false
                    continue
                }
                checkWithin(value, lookupKey: entry.key, points: points, at: entry.location)
                entries.append(LookupEntry(key: entry.key, points: value))
            }
            var fallback: Decimal? = 0
            if let otherwise {
                fallback = reader.decimal(otherwise, .nonNegative)
                checkWithin(fallback, "otherwise", points: points, at: otherwise.location)
            }
            guard complete, let fallback else { return nil }
            return .lookup(entries: entries, otherwise: fallback)
        }
    }

    private func readBands(_ field: Field, context: String, points: Decimal?) -> [Band]? {
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

    private func readJudgement(_ field: Field, criterionID id: String, points: Decimal?)
        -> (rule: JudgementRule, guidance: LocalizedText?)?
    {
        if case .scalar(let scalar) = field.node, NodeReader.isNull(scalar) {
            return (JudgementRule(step: nil, bands: []), nil)
        }
        guard let view = reader.mapping(field) else { return nil }
        let context = "in the judgement of criterion '\(id)'"
        reader.checkKeys(view, allowed: ["step", "guidance", "bands"], context: context)
        var step: Decimal?
        var complete = true
        if let stepField = view["step"] {
            step = reader.decimal(stepField, .positive)
            if step == nil { complete = false }
            if let step, let points {
                let quotient = points / step
                if quotient != quotient.rounded(places: 0) {
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
                let bandContext = "in a judgement band of criterion '\(id)'"
                reader.checkKeys(band, allowed: ["label", "min", "max"], context: bandContext)
                let label = reader.required(band, "label", context: bandContext).flatMap { reader.localized($0) }
                let minField = reader.required(band, "min", context: bandContext)
                let maxField = reader.required(band, "max", context: bandContext)
                let min = minField.flatMap { reader.decimal($0, .nonNegative) }
                let max = maxField.flatMap { reader.decimal($0, .nonNegative) }
                guard let label, let min, let max, let minField, let maxField else {
                    complete = false
                    continue
                }
                let name = label.en ?? label.zh ?? ""
                if let points, max > points {
                    reader.error(
                        "judgement band '\(name)' max \(max.plainText) is above the criterion's \(points.plainText) points",
                        at: maxField.location
                    )
                    complete = false
                }
                if min > max {
                    reader.error(
                        "judgement band '\(name)' min \(min.plainText) is above its max \(max.plainText)",
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

    // MARK: Cross checks

    private func checkUnique(
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

    private func checkXPath(_ field: Field, _ expression: String, prefixes: Set<String>) {
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

    private func checkTotals(
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

    private func resolveTieBreak(_ entries: [(String, SourceLocation)], groups: [CriterionGroup]) -> [TieBreakRule] {
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
