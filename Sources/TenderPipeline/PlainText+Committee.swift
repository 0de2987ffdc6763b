import TenderCore
import TenderModel

extension PlainText {
    /// What `check --committee` prints of a committee: one line per member with role, chair and groups.
    static func summary(of committee: Committee, rubric: Rubric) -> String {
        let e = VisibleText.escaped
        let experts = committee.experts.count
        var lines = [
            "committee (\(e(committee.file))): \(committee.members.count) members, \(experts) experts, "
                + "reasons \(rubric.committee.reasons.rawValue)"
        ]
        for member in committee.members {
            lines.append(
                "  - \(e(member.id)) \(e(member.name)): \(member.role.rawValue)\(member.isChair ? ", chair" : ""); "
                    + "scores \(member.groups.joined(separator: ", "))"
            )
        }
        return lines.joined(separator: "\n")
    }
}
