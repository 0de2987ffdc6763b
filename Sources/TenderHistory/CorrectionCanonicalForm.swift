import TenderModel

/// The bytes a correction's hash is taken over (docs/performance-history.md, "Corrections"): every field of the
/// entry except `hash`, `previous` included when there is one, as `key: value` lines in ascending order of the
/// keys' UTF-8 bytes (`CanonicalText`).
enum CorrectionCanonicalForm {
    static func bytes(_ correction: PerformanceCorrection) -> [UInt8] {
        var fields: [(key: String, value: String?)] = [
            ("number", String(correction.number)),
            ("contract", correction.contractID),
            ("month", correction.month.description),
            ("target", targetName(correction.target)),
            ("from", correction.from),
            ("to", correction.to),
            ("reason", correction.reason),
            ("by", correction.by),
            ("date", correction.date),
            ("previous", correction.previous),
        ]
        let subject = subject(correction.target)
        fields.append((subjectKey(correction.target), subject.subject))
        if let item = subject.item { fields.append(("item", item)) }
        return CanonicalText.sorted(fields)
    }

    static func targetName(_ target: CorrectionTarget) -> String {
        switch target {
        case .surveyAnswer: return "survey-answer"
        case .teamScore: return "team-score"
        case .departmentScore: return "department-score"
        case .patrolDeduction: return "patrol-deduction"
        }
    }

    /// The key the target's subject is written under in the canonical form.
    static func subjectKey(_ target: CorrectionTarget) -> String {
        switch target {
        case .surveyAnswer: return "respondent"
        case .teamScore: return "team"
        case .departmentScore: return "department"
        case .patrolDeduction: return "finding"
        }
    }

    static func subject(_ target: CorrectionTarget) -> (subject: String, item: String?) {
        switch target {
        case .surveyAnswer(let respondent, let item): return (respondent, item)
        case .teamScore(let team): return (team, nil)
        case .departmentScore(let department, let item): return (department, item)
        case .patrolDeduction(let finding): return (finding, nil)
        }
    }

    static func target(name: String, subject: String, item: String?) -> CorrectionTarget? {
        switch name {
        case "survey-answer": return item.map { .surveyAnswer(respondent: subject, item: $0) }
        case "team-score": return .teamScore(team: subject)
        case "department-score": return item.map { .departmentScore(department: subject, item: $0) }
        case "patrol-deduction": return .patrolDeduction(finding: subject)
        default: return nil
        }
    }
}
