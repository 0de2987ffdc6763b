import TenderCore

/// What a plan says, without where it says it: two plan files that differ only in comments, layout, key order or
/// line endings (a Windows checkout) have the same meaning, and a contract registered with one is evaluated under
/// the other. Every value that changes a score, a standing, a rule or a match is in it.
extension EvaluationPlan {
    public var meaning: String {
        var lines: [String] = []
        func text(_ value: LocalizedText?) -> String {
            "\(value?.zh.map { "zh=" + $0 } ?? "-")|\(value?.en.map { "en=" + $0 } ?? "-")"
        }
        let contract = self.contract
        lines.append("contract \(contract.id) tender \(contract.tenderID) buyer \(text(contract.buyer))")
        lines.append("contractor \(contract.contractor.name) \(contract.contractor.registrationID)")
        lines.append("period \(contract.start) \(contract.end)")
        for service in contract.services { lines.append("service \(service.id) \(text(service.name))") }
        lines.append("decimals \(decimals) rounding \(rounding.rawValue)")
        lines.append(
            "survey \(survey.weight) items \(survey.items.joined(separator: ",")) minimum \(survey.minimumResponses)"
        )
        for answer in survey.answers { lines.append("answer \(answer.label) \(answer.value)") }
        lines.append(
            "team \(team.weight) step \(team.step?.description ?? "-") minimum \(team.minimumTeams) "
                + "reasons \(team.reasonsRequired)"
        )
        lines.append(
            "department \(department.weight) step \(department.step?.description ?? "-") minimum "
                + "\(department.minimumDepartments) reasons \(department.reasonsRequired)"
        )
        for item in department.items { lines.append("item \(item.id) \(item.points)") }
        lines.append(
            "patrol \(patrol.maximumPerFinding) cap \(patrol.monthlyCap) photo \(patrol.photoRequired)"
        )
        for standing in standings {
            lines.append(
                "standing \(standing.id) \(text(standing.name)) \(standing.atLeast) \(text(standing.consequence))"
            )
        }
        for rule in rules {
            lines.append(
                "rule \(rule.id) \(rule.standing) \(rule.count) in \(rule.withinMonths) \(text(rule.consequence)) "
                    + "warns \(rule.warnsNextTender)"
            )
        }
        return lines.joined(separator: "\n")
    }
}
