import TenderCore
import TenderModel
import Yams

/// The standing bands (优秀 / 合格 / 不合格) and the rules over several months' standings.
extension PlanBuilder {
    func readStandings(_ field: Field) -> [Standing]? {
        guard
            let entries = boundedList(
                field,
                noun: ("standing", "standings"),
                maximum: PlanLoader.maximumStandings,
                emptyAdvice: "list the bands from the highest down to one starting at 0"
            )
        else { return nil }
        var standings: [Standing] = []
        var complete = true
        for entry in entries {
            guard let view = reader.mapping(entry, what: "a standing") else {
                complete = false
                continue
            }
            let context = "in a standing"
            reader.checkKeys(view, allowed: PlanLoader.standingKeys, context: context)
            let id = reader.required(view, "id", context: context).flatMap { reader.identifier($0) }
            let name = reader.required(view, "name", context: context).flatMap { reader.localized($0) }
            let atLeastField = reader.required(view, "at-least", context: context)
            let atLeast = atLeastField.flatMap { reader.points($0, .percent) }
            let consequence = view["consequence"].map { reader.localized($0) }
            guard let id, let name, let atLeast, let atLeastField, consequence != .some(nil) else {
                complete = false
                continue
            }
            if let first = standings.first(where: { $0.id == id }) {
                reader.error(
                    "standing id '\(VisibleText.excerpt(id))' is already used by the standing at "
                        + first.location.lineColumnText,
                    at: view["id"]?.location ?? view.location
                )
                complete = false
                continue
            }
            if let above = standings.last, atLeast >= above.atLeast {
                reader.error(
                    "standing '\(VisibleText.excerpt(id))' starts at \(atLeast.plainText), not below the standing "
                        + "above it ('\(above.id)' at \(above.atLeast.plainText)); list the standings from the "
                        + "highest threshold down",
                    at: atLeastField.location
                )
                complete = false
                continue
            }
            standings.append(
                Standing(id: id, name: name, atLeast: atLeast, consequence: consequence ?? nil, location: view.location)
            )
        }
        guard complete else { return nil }
        if let last = standings.last, last.atLeast != .zero {
            reader.error(
                "the last standing '\(last.id)' starts at \(last.atLeast.plainText); the last standing must start at "
                    + "0 so that every monthly score has a standing",
                at: last.location
            )
            return nil
        }
        return standings
    }

    /// Rules are read even when a standing is broken, so that their own mistakes are reported too; a rule naming
    /// a standing is checked only when the standings were read.
    func readRules(_ field: Field, standings: [Standing]?) -> [StandingRule]? {
        guard let entries = reader.sequence(field) else { return nil }
        // An empty list is a plan without rules, as when the key is left out.
        guard entries.count <= PlanLoader.maximumRules else {
            reader.error(
                "'rules' lists \(entries.count) rules; an evaluation plan holds at most \(PlanLoader.maximumRules) "
                    + "rules",
                at: field.location
            )
            return nil
        }
        var rules: [StandingRule] = []
        var complete = true
        for entry in entries {
            guard let rule = readRule(entry, standings: standings) else {
                complete = false
                continue
            }
            if let first = rules.first(where: { $0.id == rule.id }) {
                reader.error(
                    "rule id '\(VisibleText.excerpt(rule.id))' is already used by the rule at "
                        + first.location.lineColumnText,
                    at: rule.location
                )
                complete = false
                continue
            }
            rules.append(rule)
        }
        return complete ? rules : nil
    }

    private func readRule(_ entry: Node, standings: [Standing]?) -> StandingRule? {
        guard let view = reader.mapping(entry, what: "a rule") else { return nil }
        let context = "in a rule"
        reader.checkKeys(view, allowed: PlanLoader.ruleKeys, context: context)
        let id = reader.required(view, "id", context: context).flatMap { reader.identifier($0) }
        var standing: String?
        if let standingField = reader.required(view, "standing", context: context),
            let written = reader.string(standingField), let standings
        {
            let ids = standings.map(\.id)
            if ids.contains(written) {
                standing = written
            } else {
                reader.error(
                    "rule\(id.map { " '\(VisibleText.excerpt($0))'" } ?? "") names standing "
                        + "'\(VisibleText.excerpt(written))', which the plan does not have; its standings are "
                        + ids.map { "'\($0)'" }.joined(separator: ", ") + didYouMean(written, among: ids),
                    at: standingField.location
                )
            }
        }
        let count = reader.required(view, "count", context: context).flatMap {
            self.count($0, maximum: PlanLoader.maximumRuleMonths)
        }
        let withinField = reader.required(view, "within-months", context: context)
        var within = withinField.flatMap { self.count($0, maximum: PlanLoader.maximumRuleMonths) }
        if let count, let read = within, read < count, let withinField {
            reader.error(
                "within-months \(read) is less than count \(count): \(count) months cannot fall within \(read)",
                at: withinField.location
            )
            within = nil
        }
        let consequence = reader.required(view, "consequence", context: context).flatMap { reader.localized($0) }
        var warns: Bool? = false
        if let warnsField = view["warns-next-tender"] {
            warns = reader.choice(warnsField, ["true", "false"]).map { $0 == "true" }
        }
        guard let id, let standing, let count, let within, let consequence, let warns else { return nil }
        return StandingRule(
            id: id,
            standing: standing,
            count: count,
            withinMonths: within,
            consequence: consequence,
            warnsNextTender: warns,
            location: view.location
        )
    }
}
